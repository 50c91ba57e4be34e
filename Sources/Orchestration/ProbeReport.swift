public import Foundation
public import ProfileModel
public import SupplicantClient

/// One certificate the server presented during a probe: what wpa_supplicant reported, plus what its DER says.
public struct ProbedCertificate: Sendable, Equatable {
    /// 0 for the server (leaf) certificate, higher towards the root.
    public let depth: Int
    /// The subject as wpa_supplicant reported it (OpenSSL one-line form).
    public let reportedSubject: String
    /// The subject alternative names as wpa_supplicant reported them (`DNS:name`, …).
    public let altSubjects: [String]
    /// SHA-256 of the DER, lowercase colon-separated hex (computed here from the DER, not taken from the signal).
    public let sha256Fingerprint: String
    /// The certificate (DER).
    public let der: [UInt8]
    /// The parsed certificate; nil when wpa_supplicant sent no DER or it does not parse.
    public let parsed: TrustedCertificate?

    /// Builds it from a Certification signal's contents.
    public init(_ certificate: ServerCertificate) {
        depth = certificate.depth
        reportedSubject = certificate.subject
        altSubjects = certificate.altSubjects
        der = certificate.der
        parsed = certificate.der.isEmpty ? nil : try? TrustedCertificate(der: certificate.der, source: "server certificate")
        sha256Fingerprint = parsed?.summary.sha256Fingerprint
            ?? TrustSettings.normalizedPin(certificate.sha256Hex) ?? certificate.sha256Hex
    }

    /// The subject (RFC 4514 from the DER when it parses, else as reported).
    public var subject: String { parsed?.summary.subject ?? reportedSubject }
    /// The issuer, when the DER parses.
    public var issuer: String? { parsed?.summary.issuer }
    public var notValidBefore: Date? { parsed?.summary.notValidBefore }
    public var notValidAfter: Date? { parsed?.summary.notValidAfter }
    /// The DNS names it carries: SAN dNSNames, else the subject's CN (as wpa_supplicant's name checks use them).
    public var dnsNames: [String] {
        if let names = parsed?.summary.dnsNames, !names.isEmpty { return names }
        return ServerCertificate(depth: depth, subject: reportedSubject, altSubjects: altSubjects, sha256Hex: "",
                                 der: []).names
    }
    /// Whether it is a CA certificate (basicConstraints).
    public var isCA: Bool { parsed?.summary.isCA ?? false }
    /// Whether it is self-signed (a root).
    public var isSelfSigned: Bool { parsed?.summary.isSelfSigned ?? false }
}

/// What a probe found: the presented chain and the trust settings it suggests. None of it is trusted: a rogue
/// network can present anything, so the fingerprints must be compared with the administrator's.
public struct ProbeReport: Sendable, Equatable {
    /// The interface probed.
    public let interfaceName: String
    /// The identity sent in clear.
    public let identity: String
    /// The EAP method the server and the probe agreed on, if any was accepted.
    public let method: String?
    /// Every certificate presented, leaf (depth 0) first.
    public let chain: [ProbedCertificate]
    /// How long the probe took.
    public let elapsed: Duration

    public init(interfaceName: String, identity: String, method: String?, chain: [ProbedCertificate],
                elapsed: Duration) {
        self.interfaceName = interfaceName
        self.identity = identity
        self.method = method
        self.chain = chain.sorted { $0.depth < $1.depth }
        self.elapsed = elapsed
    }

    /// The server (leaf) certificate.
    public var server: ProbedCertificate? { chain.first { $0.depth == 0 } }
    /// The certificate nearest the root that the server presented.
    public var top: ProbedCertificate? { chain.last }

    /// The root CA, when the server presented it (a self-signed certificate at the top of the chain).
    public var root: ProbedCertificate? {
        guard let top, top.isSelfSigned, top.parsed != nil else { return nil }
        return top
    }

    /// The issuer of the top certificate when the root is not presented: the CA to ask the administrator for.
    public var missingRootIssuer: String? {
        guard root == nil, let top else { return nil }
        return top.issuer ?? "unknown (the certificate could not be parsed)"
    }

    /// The server name to require: the leaf's first DNS name.
    public var suggestedServerName: String? {
        server?.dnsNames.first { ServerNameConstraint.isValidDNSName($0) }
    }
}
