import ProfileModel
import StructuredErrors

/// Recognises a server that sends its certificate without the intermediate CA certificate(s) between it and the
/// CA the profile trusts (`eap.incomplete-chain`), from what the tracker already sees: the `Certification` signals
/// (the certificate, DER) and the verification failure reason.
///
/// The rule: verification failed because OpenSSL could not find the issuer of a certificate, the only certificate
/// the server sent is its own (depth 0), that certificate is not self-issued, and its issuer is not the profile's
/// CA. The issuer named in the server certificate is then the missing certificate. A client cannot tell a missing
/// intermediate from a server issued by a CA it does not trust without that intermediate, so the message says both.
/// A server that sends an intermediate but not a trusted root stays `server-certificate-untrusted`.
enum IncompleteChain {
    /// OpenSSL's reasons for "the issuer of this certificate was not found" (X509_V_ERR 2, 20, 21).
    static let issuerMissingReasons: Set<String> = [
        "unable to get local issuer certificate",
        "unable to get issuer certificate",
        "unable to verify the first certificate",
    ]

    /// The issuer distinguished name of a DER certificate (RFC 4514 form), or nil when `der` is empty or unparsable.
    static func issuer(ofDER der: [UInt8]) -> String? {
        guard !der.isEmpty, let certificate = try? TrustedCertificate(der: der, source: "server certificate") else {
            return nil
        }
        return certificate.summary.issuer
    }

    /// The `incomplete-chain` error for this failure, or nil when the rule above does not hold.
    static func error(reason: String, chain: [ServerCertificate],
                      configuration: AuthenticationTracker.Configuration) -> EAPError? {
        guard issuerMissingReasons.contains(reason), chain.count == 1, let leaf = chain.first, leaf.depth == 0,
              let issuer = leaf.issuer, !DistinguishedName.equal(issuer, leaf.subject),
              !configuration.configuredCASubjects.contains(where: { DistinguishedName.equal($0, issuer) })
        else { return nil }
        let trusted = configuration.configuredCASubjects.joined(separator: "; ")
        return EAPError(
            .incompleteChain,
            "profile \(configuration.profileName): the server sent only its own certificate (\(leaf.subject)); "
                + "the certificate of its issuer, \(issuer), is missing, so it cannot be chained to the profile's CA "
                + "(\(trusted))",
            hint: "Ask the RADIUS administrator to send the intermediate CA certificate (\(issuer)) with the server "
                + "certificate (FreeRADIUS: certificate_file holds the server certificate followed by its intermediates). "
                + "If \(issuer) is not part of your CA's chain, the profile trusts the wrong CA.",
            details: [
                "reason": .string(reason),
                "missingIssuer": .string(issuer),
                "serverSubject": .string(leaf.subject),
                "serverFingerprint": .string(leaf.sha256Hex),
                "configuredCAs": .list(configuration.configuredCASubjects),
            ])
    }
}
