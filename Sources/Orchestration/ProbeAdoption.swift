public import Foundation
public import ProfileModel
import StructuredErrors

/// What `profile probe` suggests and `--adopt` writes: the presented root CA and the server's name, checked so
/// that a rogue network cannot slip in a certificate that is not part of one chain.
public struct ProbeSuggestion: Sendable, Equatable {
    /// The root CA the server presented (self-signed, and the server certificate chains to it).
    public let ca: TrustedCertificate
    /// The name the server certificate carries (its first DNS name).
    public let serverName: String

    /// The suggestion of `report`.
    /// - Throws: ``ProfileError`` `root-not-presented` (naming the issuer to ask for) when the server did not
    ///   present a root, or when the presented certificates do not form one chain from the server certificate to
    ///   it; `missing-server-name` when the server certificate carries no usable DNS name.
    public init(_ report: ProbeReport) throws {
        let parsed = report.chain.compactMap(\.parsed)
        guard let root = report.root?.parsed, parsed.count == report.chain.count else {
            let issuer = report.missingRootIssuer ?? "unknown"
            throw ProfileError(.rootNotPresented,
                               "the server on \(report.interfaceName) did not present its root CA; the top certificate "
                                   + "presented was issued by \(issuer)",
                               details: ["interface": .string(report.interfaceName), "issuer": .string(issuer),
                                         "presented": .list(report.chain.map(\.subject))])
        }
        guard TrustedCertificate.isChain(parsed) else {
            throw ProfileError(.rootNotPresented,
                               "the certificates presented on \(report.interfaceName) do not form one chain from the "
                                   + "server certificate to the root \(root.summary.subject)",
                               details: ["interface": .string(report.interfaceName),
                                         "presented": .list(report.chain.map(\.subject))])
        }
        guard let name = report.suggestedServerName else {
            throw ProfileError(.missingServerName,
                               "the server certificate presented on \(report.interfaceName) carries no DNS name to require",
                               details: ["interface": .string(report.interfaceName),
                                         "subject": .string(report.server?.subject ?? "")])
        }
        ca = root
        serverName = name
    }

    /// Which presented certificate an expected fingerprint matched.
    public enum Match: String, Sendable, Equatable, Encodable {
        /// The root CA that would be adopted.
        case ca
        /// The server (leaf) certificate, which chains to that CA.
        case server
    }

    /// Pin-or-refuse: which certificate of `report` has exactly `expected` as its SHA-256 fingerprint.
    public func match(_ expected: String, in report: ProbeReport) throws -> Match {
        try Self.match(expected, in: report)
    }

    /// Pin-or-refuse on a report with or without a suggestion: the presented root (when there is one) or the server
    /// certificate must have exactly `expected` as its SHA-256 fingerprint.
    /// - Parameter expected: hex, either case, with or without colons (optionally `sha256:`).
    /// - Throws: ``UsageError`` `invalid-argument` when `expected` is not a SHA-256 fingerprint; ``ProfileError``
    ///   `fingerprint-mismatch` (listing what was presented) when neither the root nor the server certificate has it.
    public static func match(_ expected: String, in report: ProbeReport) throws -> Match {
        guard let pin = TrustSettings.normalizedPin(expected) else {
            throw UsageError(.invalidArgument,
                             "--expect-fingerprint \(expected): not a SHA-256 fingerprint (64 hex digits, colons allowed)",
                             hint: "Copy the SHA-256 your administrator gave you, e.g. from `openssl x509 -in ca.pem -noout -fingerprint -sha256`.")
        }
        if let root = report.root, root.sha256Fingerprint == pin { return .ca }
        if let server = report.server, server.sha256Fingerprint == pin { return .server }
        let root = report.root?.sha256Fingerprint
        let rootText = root.map { "the root CA (\($0))" }
            ?? "the root CA (not presented; issued by \(report.missingRootIssuer ?? "unknown"))"
        var details: [String: ErrorDetail] = [
            "expected": .string(pin), "serverFingerprint": .string(report.server?.sha256Fingerprint ?? ""),
            "interface": .string(report.interfaceName),
        ]
        if let root { details["caFingerprint"] = .string(root) }
        throw ProfileError(.fingerprintMismatch,
                           "neither \(rootText) nor the server certificate (\(report.server?.sha256Fingerprint ?? "none")) "
                               + "presented on \(report.interfaceName) has the expected SHA-256 \(pin): this may not be "
                               + "your network's server",
                           details: details)
    }

    /// `profile` trusting this CA and server name, validated like a new profile: the CA list and server names are
    /// replaced, pins and insecure mode are dropped (a pin would replace the CA in wpa_supplicant; insecure mode
    /// cannot be combined with a CA); the ID, name, binding, EAP settings and TLS bounds stay (and with the ID,
    /// the stored secrets).
    /// - Throws: ``ProfileError`` `invalid-profile` when the result breaks a rule.
    public func applied(to profile: Profile, now: Date = Date()) throws -> Profile {
        var updated = profile
        updated.trust.caCertificates = [ca]
        updated.trust.serverNames = [try ServerNameConstraint(parsing: serverName)]
        updated.trust.serverCertificatePins = []
        updated.trust.insecureNoServerValidation = false
        return try updated.validated(now: now)
    }
}
