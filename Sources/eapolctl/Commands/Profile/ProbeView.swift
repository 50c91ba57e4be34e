import Foundation
import Orchestration
import ProfileModel
import StructuredErrors

/// What `profile probe` prints: one JSON object, or the human report (escaped by ``Output``, like every result).
struct ProbeView: Encodable {
    let report: ProbeReport
    /// The suggestion, or why there is none (the root was not presented, …).
    let suggestion: Result<ProbeSuggestion, ProfileError>
    /// Which certificate `--expect-fingerprint` matched.
    var matched: ProbeSuggestion.Match?
    var savedCA: String?
    var adopted: Bool?
    var adoptedProfile: AdoptedProfile?
    /// The human report was already shown before the adoption question.
    var printedBeforePrompt = false

    struct AdoptedProfile: Encodable {
        let id: String
        let name: String
    }

    static let untrustedWarning = "NOT VERIFIED: these certificates are what the network presented, and a rogue network "
        + "can present anything. Compare the SHA-256 fingerprints with the ones your network administrator gives you "
        + "before trusting them."

    init(report: ProbeReport) {
        self.report = report
        do {
            suggestion = .success(try ProbeSuggestion(report))
        } catch let error as ProfileError {
            suggestion = .failure(error)
        } catch {
            suggestion = .failure(ProfileError(.rootNotPresented, "\(error)"))
        }
    }

    /// The suggestion, or its error (for `--save-ca`, `--adopt`, `--expect-fingerprint`).
    func requireSuggestion() throws -> ProbeSuggestion {
        try suggestion.get()
    }

    // MARK: JSON

    private struct CertificateView: Encodable {
        let depth: Int
        let subject: String
        let issuer: String?
        let subjectAltNames: [String]
        let notValidBefore: Date?
        let notValidAfter: Date?
        let sha256: String
        let isCA: Bool
        let selfSigned: Bool
        let pem: String?
    }

    private struct SuggestionView: Encodable {
        let caSubject: String
        let caSHA256: String
        let serverName: String
        /// The create/edit options, e.g. `--ca-cert FILE --server-name radius.example.org`.
        let options: [String]
    }

    private enum Keys: String, CodingKey {
        case probe, interface, identity, method, elapsedMs, certificates, rootPresented, missingRootIssuer
        case suggestion, noSuggestion, verified, warning, matched, savedCA, adopted, profile
    }

    func encode(to encoder: any Encoder) throws {
        var outer = encoder.container(keyedBy: Keys.self)
        var c = outer.nestedContainer(keyedBy: Keys.self, forKey: .probe)
        try c.encode(report.interfaceName, forKey: .interface)
        try c.encode(report.identity, forKey: .identity)
        try c.encodeIfPresent(report.method, forKey: .method)
        try c.encode(report.elapsed.milliseconds, forKey: .elapsedMs)
        try c.encode(report.chain.map { cert in
            CertificateView(depth: cert.depth, subject: cert.subject, issuer: cert.issuer, subjectAltNames: cert.altSubjects,
                            notValidBefore: cert.notValidBefore, notValidAfter: cert.notValidAfter,
                            sha256: cert.sha256Fingerprint, isCA: cert.isCA, selfSigned: cert.isSelfSigned,
                            pem: cert.parsed?.pem)
        }, forKey: .certificates)
        try c.encode(report.root != nil, forKey: .rootPresented)
        try c.encodeIfPresent(report.missingRootIssuer, forKey: .missingRootIssuer)
        switch suggestion {
        case .success(let s):
            try c.encode(SuggestionView(caSubject: s.ca.summary.subject, caSHA256: s.ca.summary.sha256Fingerprint,
                                        serverName: s.serverName, options: options(s)), forKey: .suggestion)
        case .failure(let error):
            try c.encode(["code": error.code.info.name, "message": error.message], forKey: .noSuggestion)
        }
        try c.encode(matched != nil, forKey: .verified)
        try c.encode(matched == nil ? Self.untrustedWarning : "the \(matched!.rawValue) certificate has the expected SHA-256",
                     forKey: .warning)
        try c.encodeIfPresent(matched, forKey: .matched)
        try c.encodeIfPresent(savedCA, forKey: .savedCA)
        try c.encodeIfPresent(adopted, forKey: .adopted)
        try c.encodeIfPresent(adoptedProfile, forKey: .profile)
    }

    private func options(_ s: ProbeSuggestion) -> [String] {
        ["--ca-cert", savedCA ?? "FILE", "--server-name", s.serverName]
    }

    // MARK: Human

    var human: String {
        var lines: [String] = []
        let method = report.method.map { " (\($0))" } ?? ""
        lines.append("Server on \(report.interfaceName)\(method), identity sent: \(report.identity)")
        lines.append("")
        for cert in report.chain {
            let role = cert.depth == 0 ? "server certificate"
                : (cert.isSelfSigned ? "root CA" : (cert.isCA ? "intermediate CA" : "certificate"))
            lines.append("[\(cert.depth)] \(role)")
            lines.append("  subject:\t\(cert.subject)")
            if !cert.altSubjects.isEmpty { lines.append("  names:\t\(cert.altSubjects.joined(separator: ", "))") }
            lines.append("  issuer:\t\(cert.issuer ?? "(not parsed)")")
            if let from = cert.notValidBefore, let until = cert.notValidAfter {
                lines.append("  valid:\t\(Self.date(from)) to \(Self.date(until))")
            }
            lines.append("  SHA-256:\t\(cert.sha256Fingerprint)")
        }
        lines.append("")
        switch suggestion {
        case .success(let s):
            lines.append("Root CA presented: \(s.ca.summary.subject)")
            lines.append("Use: --ca-cert \(savedCA ?? "FILE") --server-name \(s.serverName)")
            if savedCA == nil { lines.append("  (--save-ca FILE writes that root CA to FILE)") }
            else { lines.append("  root CA written to \(savedCA!)") }
        case .failure(let error):
            lines.append("No CA to suggest: \(error.message)")
            if report.root == nil, let issuer = report.missingRootIssuer {
                lines.append("The root CA is not presented: ask your administrator for the certificate of \(issuer).")
            }
            if let name = report.suggestedServerName { lines.append("Server name: --server-name \(name)") }
        }
        lines.append("")
        if let matched {
            lines.append("The \(matched.rawValue) certificate has the SHA-256 you expected.")
        } else {
            lines.append(Self.untrustedWarning)
        }
        if adopted != nil { lines.append(adoptionLine) }
        return lines.joined(separator: "\n")
    }

    var adoptionLine: String {
        switch (adopted, adoptedProfile) {
        case (true?, let p?): "Adopted into profile \(p.name) (\(p.id))."
        case (false?, _): "Not adopted."
        default: ""
        }
    }

    private static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
