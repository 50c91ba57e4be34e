/// Command-line usage errors (exit status 64).
public typealias UsageError = DomainError<UsageErrorCode>

public struct UsageErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case invalidArgument = 101
        case missingArgument = 102
        case conflictingArguments = 103
        case unknownCommand = 104
        case inputUnavailable = 105
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    public static let invalidArgument = Self(.invalidArgument)
    public static let missingArgument = Self(.missingArgument)
    public static let conflictingArguments = Self(.conflictingArguments)
    public static let unknownCommand = Self(.unknownCommand)
    public static let inputUnavailable = Self(.inputUnavailable)

    public static let domain = ErrorDomain.usage
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .invalidArgument:
            info("invalid-argument", "An option or argument has a value that is not accepted.",
                 "Run the command with --help to see the accepted values.")
        case .missingArgument:
            info("missing-argument", "A required option or argument is missing.",
                 "Run the command with --help to see what it needs.")
        case .conflictingArguments:
            info("conflicting-arguments", "Options were given that cannot be used together.",
                 "Keep only one of the conflicting options.")
        case .unknownCommand:
            info("unknown-command", "The command or subcommand is not known.",
                 "Run `eapolctl --help` to list the commands.")
        case .inputUnavailable:
            info("input-unavailable", "A value was to be read from standard input or a terminal, but none was available.",
                 "Pipe the value on standard input, or use the option's file form.")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}
