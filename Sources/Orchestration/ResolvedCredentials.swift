public import Secrets
public import SupplicantClient

/// The credentials chosen for one authentication, before they become a ``NetworkSpec``.
public struct ResolvedCredentials: Sendable {
    /// The inner identity (PEAP/TTLS) or EAP identity (TLS).
    public var username: String?
    public var password: SecretBytes?
    public var clientIdentity: NetworkSpec.ClientIdentity?

    public init(username: String? = nil, password: SecretBytes? = nil, clientIdentity: NetworkSpec.ClientIdentity? = nil) {
        self.username = username
        self.password = password
        self.clientIdentity = clientIdentity
    }
}
