public import Secrets

/// A stored user name and password (PEAP, TTLS, EAP-FAST inner authentication).
public struct PasswordItem: Sendable, Equatable {
    /// The user name; not secret, but stored encrypted all the same.
    public var username: String
    /// The password.
    public var password: SecretBytes

    /// Creates an item.
    public init(username: String, password: SecretBytes) {
        self.username = username
        self.password = password
    }
}
