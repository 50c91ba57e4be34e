public import Secrets

extension NetworkSpec {
    /// How EAP-FAST may obtain a PAC (Protected Access Credential) when it has none for the server's A-ID
    /// (RFC 5422); wpa_supplicant's `phase1="fast_provisioning=N"`.
    public enum PACProvisioning: Int, Sendable, CaseIterable {
        /// No provisioning: only an existing PAC is used.
        case none = 0
        /// Server-unauthenticated (anonymous Diffie-Hellman) provisioning; the exchange ends in EAP-Failure by design
        /// and the client authenticates again with the new PAC.
        case anonymous = 1
        /// Provisioning inside a server-authenticated TLS tunnel (the server certificate is validated as for PEAP).
        case authenticated = 2
        /// Either, as the server offers.
        case both = 3
    }

    /// The EAP-FAST part of a spec.
    public struct FASTSettings: Sendable {
        /// How a missing PAC may be provisioned.
        public var provisioning: PACProvisioning
        /// The stored PAC file (wpa_supplicant's text PAC format), if one was provisioned before; sent as a blob.
        public var pac: SecretBytes?

        public init(provisioning: PACProvisioning, pac: SecretBytes? = nil) {
            self.provisioning = provisioning
            self.pac = pac
        }
    }
}
