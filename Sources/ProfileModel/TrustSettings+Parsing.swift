import StructuredErrors

extension TrustSettings {
    /// A SHA-256 fingerprint as the user typed it (`profile create --pin`, `profile edit --add-pin`), normalised.
    /// - Throws: `UsageError` `invalid-argument` naming the text when it is not 64 hex digits.
    public static func parsePin(_ text: String) throws -> String {
        guard let normalized = normalizedPin(text) else {
            throw UsageError(.invalidArgument, "'\(text)' is not a SHA-256 fingerprint",
                             hint: "Give 64 hex digits, with or without colons (openssl x509 -fingerprint -sha256).")
        }
        return normalized
    }
}
