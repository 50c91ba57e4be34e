public import ProfileModel
public import Secrets

/// Everything the wpa_supplicant mapping needs to know about one network, independent of how profiles are stored.
///
/// The orchestration layer builds it from a profile and the credential store; ``NetworkConfiguration`` turns it into
/// wpa_supplicant network properties and blobs.
public struct NetworkSpec: Sendable {
    /// Where the network lives: an Ethernet port or a Wi-Fi SSID.
    public enum Binding: Sendable, Equatable {
        case wired
        case wifi(ssidBytes: [UInt8], security: WiFiSecurity, hidden: Bool)
    }

    /// The Wi-Fi Enterprise security mode.
    public enum WiFiSecurity: String, Sendable, CaseIterable {
        case wpa2
        case wpa3
        case wpa3_192 = "wpa3-192"
        case wpa2_wpa3 = "wpa2-wpa3"
    }

    /// The outer EAP method.
    public enum OuterMethod: String, Sendable, CaseIterable {
        case peap = "PEAP"
        case ttls = "TTLS"
        case tls = "TLS"
        /// Cisco LEAP: identity and password only, no TLS (broken; the profile layer allows it only explicitly).
        case leap = "LEAP"
        /// EAP-FAST (RFC 4851): a TLS tunnel keyed by a PAC, with an inner MSCHAPv2 or GTC; see ``FASTSettings``.
        case fast = "FAST"
    }

    /// The inner (phase 2) authentication of PEAP or TTLS.
    public enum InnerMethod: String, Sendable, CaseIterable {
        case mschapv2
        case gtc
        case pap
        case chap
        case mschap
        /// EAP-MSCHAPv2 inside TTLS (`autheap=MSCHAPV2`); inside PEAP the same as ``mschapv2``.
        case eapMSCHAPv2
    }

    /// One CA certificate the profile trusts.
    public struct CACertificate: Sendable, Equatable {
        /// The certificate, DER-encoded.
        public var der: [UInt8]
        /// The subject distinguished name as text (RFC 4514 or OpenSSL one-line form).
        public var subject: String
        /// The issuer distinguished name as text.
        public var issuer: String
        /// The SHA-256 fingerprint of `der`, lowercase hex without separators.
        public var sha256Hex: String

        public init(der: [UInt8], subject: String, issuer: String, sha256Hex: String) {
            self.der = der
            self.subject = subject
            self.issuer = issuer
            self.sha256Hex = sha256Hex
        }
    }

    /// A server name the certificate must carry.
    public enum ServerName: Sendable, Equatable {
        /// The name or any of its subdomains (`domain_suffix_match`).
        case suffix(String)
        /// Exactly this name (`domain_match`).
        case exact(String)

        /// The name itself.
        public var name: String {
            switch self {
            case .suffix(let n), .exact(let n): n
            }
        }
    }

    /// A TLS protocol version.
    public enum TLSVersion: String, Sendable, CaseIterable, Comparable {
        case v1_0 = "1.0"
        case v1_1 = "1.1"
        case v1_2 = "1.2"
        case v1_3 = "1.3"

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
        var rank: Int { Self.allCases.firstIndex(of: self)! }
        /// The token wpa_supplicant's `phase1` uses, e.g. `tlsv1_2`.
        var phase1Token: String { "tlsv1_" + String(rawValue.dropFirst(2)) }
    }

    /// The client's own TLS identity (EAP-TLS).
    public enum ClientIdentity: Sendable {
        /// A PKCS#12 file holding certificate and key, with its passphrase.
        case pkcs12(SecretBytes, passphrase: SecretBytes?)
        /// A PEM certificate (chain) and a PEM private key, optionally encrypted.
        case pem(certificate: [UInt8], key: SecretBytes, passphrase: SecretBytes?)
    }

    public var binding: Binding
    public var outer: OuterMethod
    public var inner: InnerMethod?
    /// The identity sent inside the tunnel (or the only identity for EAP-TLS).
    public var identity: [UInt8]
    /// The outer identity sent in clear, if any.
    public var anonymousIdentity: [UInt8]?
    /// The password; nil lets wpa_supplicant ask for it with a `NetworkRequest`.
    public var password: SecretBytes?
    /// Embedded CA certificates, in the profile's order.
    public var caCertificates: [CACertificate]
    /// Whether the system CA bundle is trusted too.
    public var useSystemCAs: Bool
    /// The system CA bundle file.
    public var systemCABundlePath: String
    /// SHA-256 fingerprints (hex) of accepted server (leaf) certificates.
    public var serverPins: [String]
    public var serverNames: [ServerName]
    public var tlsMinVersion: TLSVersion?
    public var tlsMaxVersion: TLSVersion?
    /// Allows TLS 1.0/1.1 when the bounds ask for them.
    public var allowLegacyTLS: Bool
    /// Skips server validation entirely. Dangerous; the plan flags it.
    public var insecureNoServerValidation: Bool
    public var clientIdentity: ClientIdentity?
    /// PAC provisioning and the stored PAC (EAP-FAST only; nil means no provisioning and no PAC).
    public var fast: FASTSettings?
    /// Fast roaming between access points (Wi-Fi only); nil keeps the security type's AKM alone, without OKC.
    public var roaming: RoamingMode? = nil

    /// Creates a spec; only the binding, methods and identity are required.
    public init(
        binding: Binding, outer: OuterMethod, inner: InnerMethod? = nil, identity: [UInt8],
        anonymousIdentity: [UInt8]? = nil, password: SecretBytes? = nil, caCertificates: [CACertificate] = [],
        useSystemCAs: Bool = false, systemCABundlePath: String = "/etc/ssl/certs/ca-certificates.crt",
        serverPins: [String] = [], serverNames: [ServerName] = [], tlsMinVersion: TLSVersion? = nil,
        tlsMaxVersion: TLSVersion? = nil, allowLegacyTLS: Bool = false, insecureNoServerValidation: Bool = false,
        clientIdentity: ClientIdentity? = nil, fast: FASTSettings? = nil
    ) {
        self.binding = binding
        self.outer = outer
        self.inner = inner
        self.identity = identity
        self.anonymousIdentity = anonymousIdentity
        self.password = password
        self.caCertificates = caCertificates
        self.useSystemCAs = useSystemCAs
        self.systemCABundlePath = systemCABundlePath
        self.serverPins = serverPins
        self.serverNames = serverNames
        self.tlsMinVersion = tlsMinVersion
        self.tlsMaxVersion = tlsMaxVersion
        self.allowLegacyTLS = allowLegacyTLS
        self.insecureNoServerValidation = insecureNoServerValidation
        self.clientIdentity = clientIdentity
        self.fast = fast
    }
}
