/// One certificate of the server chain, as reported by wpa_supplicant's `Certification` signal.
public struct ServerCertificate: Sendable, Equatable {
    /// 0 for the server (leaf) certificate, higher towards the root.
    public let depth: Int
    /// The subject in OpenSSL one-line form, e.g. `/C=FI/O=Example/CN=radius.example.com`.
    public let subject: String
    /// Subject alternative names as `DNS:name`, `EMAIL:addr`, `URI:uri`.
    public let altSubjects: [String]
    /// The SHA-256 fingerprint of `der`, lowercase hex.
    public let sha256Hex: String
    /// The certificate, DER-encoded (may be empty when wpa_supplicant did not send it).
    public let der: [UInt8]
    /// The issuer, when the caller could parse it from `der`; nil otherwise.
    public let issuer: String?

    public init(depth: Int, subject: String, altSubjects: [String], sha256Hex: String, der: [UInt8],
                issuer: String? = nil) {
        self.depth = depth
        self.subject = subject
        self.altSubjects = altSubjects
        self.sha256Hex = sha256Hex.lowercased()
        self.der = der
        self.issuer = issuer
    }

    /// The DNS names the certificate carries: SAN DNS entries, then the subject CN.
    public var names: [String] {
        let dns = altSubjects.compactMap { alt -> String? in
            alt.hasPrefix("DNS:") ? String(alt.dropFirst(4)) : nil
        }
        return dns + DistinguishedName.commonNames(subject).filter { !dns.contains($0) }
    }
}
