/// How a profile validates the RADIUS server: trust anchors, name constraints, pins and TLS version bounds.
public struct TrustSettings: Sendable, Hashable, Codable {
    /// The default system CA bundle on Debian and derivatives.
    public static let defaultSystemCABundlePath = "/etc/ssl/certs/ca-certificates.crt"

    /// CA certificates embedded in the profile.
    public var caCertificates: [TrustedCertificate]
    /// Whether the system CA bundle is trusted too (discouraged: any public CA could then vouch for a server name).
    public var useSystemCAs: Bool
    /// The system CA bundle used when ``useSystemCAs`` is set.
    public var systemCABundlePath: String
    /// SHA-256 fingerprints of accepted server certificates, lowercase hex pairs joined by colons
    /// (inputs in either case, with or without colons, are normalised).
    public var serverCertificatePins: [String]
    /// Names the server certificate must match (at least one of them).
    public var serverNames: [ServerNameConstraint]
    /// Lowest TLS version accepted; nil means the supplicant's default (TLS 1.2 on Debian 12).
    public var tlsMinVersion: TLSVersion?
    /// Highest TLS version accepted; nil means no upper bound.
    public var tlsMaxVersion: TLSVersion?
    /// Explicit switch required to allow TLS 1.0 or 1.1 as a bound.
    public var allowLegacyTLS: Bool
    /// Turns off server validation entirely. Validation then asks for no trust anchor or server name, and every
    /// display of the profile warns loudly.
    public var insecureNoServerValidation: Bool

    /// Creates trust settings; every parameter has a safe default (nothing trusted, validation on).
    public init(
        caCertificates: [TrustedCertificate] = [],
        useSystemCAs: Bool = false,
        systemCABundlePath: String = TrustSettings.defaultSystemCABundlePath,
        serverCertificatePins: [String] = [],
        serverNames: [ServerNameConstraint] = [],
        tlsMinVersion: TLSVersion? = nil,
        tlsMaxVersion: TLSVersion? = nil,
        allowLegacyTLS: Bool = false,
        insecureNoServerValidation: Bool = false
    ) {
        self.caCertificates = caCertificates
        self.useSystemCAs = useSystemCAs
        self.systemCABundlePath = systemCABundlePath
        self.serverCertificatePins = serverCertificatePins.map { Self.normalizedPin($0) ?? $0 }
        self.serverNames = serverNames
        self.tlsMinVersion = tlsMinVersion
        self.tlsMaxVersion = tlsMaxVersion
        self.allowLegacyTLS = allowLegacyTLS
        self.insecureNoServerValidation = insecureNoServerValidation
    }

    /// True when at least one trust anchor (embedded CA, system CAs or a pin) is configured.
    public var hasTrustAnchor: Bool {
        !caCertificates.isEmpty || useSystemCAs || !serverCertificatePins.isEmpty
    }

    /// Normalises a SHA-256 pin to lowercase colon-separated hex; nil when it is not 32 bytes of hex.
    /// Accepts either case, with or without colons, optionally prefixed `sha256:` or `sha256/`.
    public static func normalizedPin(_ text: String) -> String? {
        var body = Substring(text.lowercased())
        for prefix in ["sha256:", "sha256/", "sha256="] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            break
        }
        let digits = body.filter { $0 != ":" }
        guard digits.count == 64, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        var pairs: [String] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            pairs.append(String(digits[index..<next]))
            index = next
        }
        return pairs.joined(separator: ":")
    }

    private enum CodingKeys: String, CodingKey {
        case caCertificates, useSystemCAs, systemCABundlePath, serverCertificatePins, serverNames
        case tlsMinVersion, tlsMaxVersion, allowLegacyTLS, insecureNoServerValidation
    }

    /// Decodes trust settings; every field is optional and defaults as in ``init(caCertificates:useSystemCAs:systemCABundlePath:serverCertificatePins:serverNames:tlsMinVersion:tlsMaxVersion:allowLegacyTLS:insecureNoServerValidation:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            caCertificates: try c.decodeIfPresent([TrustedCertificate].self, forKey: .caCertificates) ?? [],
            useSystemCAs: try c.decodeIfPresent(Bool.self, forKey: .useSystemCAs) ?? false,
            systemCABundlePath: try c.decodeIfPresent(String.self, forKey: .systemCABundlePath) ?? Self.defaultSystemCABundlePath,
            serverCertificatePins: try c.decodeIfPresent([String].self, forKey: .serverCertificatePins) ?? [],
            serverNames: try c.decodeIfPresent([ServerNameConstraint].self, forKey: .serverNames) ?? [],
            tlsMinVersion: try c.decodeIfPresent(TLSVersion.self, forKey: .tlsMinVersion),
            tlsMaxVersion: try c.decodeIfPresent(TLSVersion.self, forKey: .tlsMaxVersion),
            allowLegacyTLS: try c.decodeIfPresent(Bool.self, forKey: .allowLegacyTLS) ?? false,
            insecureNoServerValidation: try c.decodeIfPresent(Bool.self, forKey: .insecureNoServerValidation) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(caCertificates, forKey: .caCertificates)
        try c.encode(useSystemCAs, forKey: .useSystemCAs)
        try c.encode(systemCABundlePath, forKey: .systemCABundlePath)
        try c.encode(serverCertificatePins, forKey: .serverCertificatePins)
        try c.encode(serverNames, forKey: .serverNames)
        try c.encodeIfPresent(tlsMinVersion, forKey: .tlsMinVersion)
        try c.encodeIfPresent(tlsMaxVersion, forKey: .tlsMaxVersion)
        try c.encode(allowLegacyTLS, forKey: .allowLegacyTLS)
        try c.encode(insecureNoServerValidation, forKey: .insecureNoServerValidation)
    }
}
