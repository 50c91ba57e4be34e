public import Foundation

/// What users and validation need to know about a trusted certificate, computed from its DER bytes.
public struct CertificateSummary: Sendable, Hashable, Codable {
    /// The subject distinguished name, RFC 4514 style (e.g. `CN=Example CA,O=Example`).
    public let subject: String
    /// The issuer distinguished name.
    public let issuer: String
    /// The SAN dNSName entries.
    public let dnsNames: [String]
    /// Start of the validity period.
    public let notValidBefore: Date
    /// End of the validity period.
    public let notValidAfter: Date
    /// SHA-256 of the DER bytes as lowercase hex pairs joined by colons (`ab:cd:...`), the form
    /// `openssl x509 -fingerprint -sha256` prints, lowercased.
    public let sha256Fingerprint: String
    /// True when basicConstraints says the certificate is a CA.
    public let isCA: Bool
    /// True when subject equals issuer and the certificate's signature verifies with its own key.
    public let isSelfSigned: Bool

    /// Creates a summary from its parts (normally done by ``TrustedCertificate/parse(_:source:)``).
    public init(subject: String, issuer: String, dnsNames: [String], notValidBefore: Date, notValidAfter: Date,
                sha256Fingerprint: String, isCA: Bool, isSelfSigned: Bool) {
        self.subject = subject
        self.issuer = issuer
        self.dnsNames = dnsNames
        self.notValidBefore = notValidBefore
        self.notValidAfter = notValidAfter
        self.sha256Fingerprint = sha256Fingerprint
        self.isCA = isCA
        self.isSelfSigned = isSelfSigned
    }

    /// Whether `date` lies in the validity period.
    public func isValid(at date: Date) -> Bool { date >= notValidBefore && date <= notValidAfter }
}
