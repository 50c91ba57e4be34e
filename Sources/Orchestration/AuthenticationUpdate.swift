/// One progress event of an authentication, with its time since the command started.
public struct AuthenticationUpdate: Sendable, Equatable {
    /// A stable kebab-case name (`interface-ready`, `network-selected`, `eapol-start`, `eap-started`, …).
    public let name: String
    /// Time since ``Authenticator/authenticate(profile:options:progress:)`` began.
    public let elapsed: Duration
    /// The event's fields (never secrets).
    public let fields: [String: String]

    public init(name: String, elapsed: Duration, fields: [String: String] = [:]) {
        self.name = name
        self.elapsed = elapsed
        self.fields = fields
    }
}
