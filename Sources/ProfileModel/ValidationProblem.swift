/// One broken validation rule of a profile: a stable id, the field concerned, a message and a hint.
public struct ValidationProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable kebab-case identifier, e.g. `missing-trust-anchor` (listed in Docs/profile-format.md).
    public let id: String
    /// The JSON field path concerned, e.g. `trust.caCertificates` or `trust.caCertificates[1]`.
    public let field: String
    /// What is wrong, naming the value.
    public let message: String
    /// What to do about it.
    public let hint: String

    /// Creates a problem.
    public init(id: String, field: String, message: String, hint: String) {
        self.id = id
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
