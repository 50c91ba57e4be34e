extension DomainError where Code == UsageErrorCode {
    /// Checks that exactly one of several mutually exclusive choices was made (`--profile`, `--ssid`, `--default`).
    /// - Throws: `missingArgument` when none was given, `conflictingArguments` when several were.
    public static func requireExactlyOne(_ given: [Bool], _ message: String, hint: String) throws {
        let count = given.filter { $0 }.count
        if count != 1 {
            throw UsageError(count == 0 ? .missingArgument : .conflictingArguments, message, hint: hint)
        }
    }
}
