public import Secrets
public import SupplicantClient

/// The credentials chosen for one authentication, before they become a ``NetworkSpec``.
public struct ResolvedCredentials: Sendable {
    /// The inner identity (PEAP/TTLS) or EAP identity (TLS).
    public var username: String?
    public var password: SecretBytes?
    public var clientIdentity: NetworkSpec.ClientIdentity?
    /// The stored EAP-FAST PAC of the profile (wpa_supplicant's PAC file text), if one was provisioned before.
    public var pac: SecretBytes?

    public init(username: String? = nil, password: SecretBytes? = nil, clientIdentity: NetworkSpec.ClientIdentity? = nil,
                pac: SecretBytes? = nil) {
        self.username = username
        self.password = password
        self.clientIdentity = clientIdentity
        self.pac = pac
    }
}
