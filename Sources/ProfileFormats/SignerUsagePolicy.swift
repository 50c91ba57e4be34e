import SwiftASN1
import X509

/// What a profile signer's chain must allow, on top of RFC 5280 (validity periods, basic constraints, name
/// constraints), which swift-certificates' `RFC5280Policy` checks but which does not look at key usage:
///
/// - the signer (leaf): when it has keyUsage, it must include digitalSignature or nonRepudiation; when it has
///   extendedKeyUsage, it must include emailProtection (S/MIME, CMS), codeSigning, serverAuth (profiles are commonly
///   signed with a web server's certificate, which macOS accepts) or anyExtendedKeyUsage;
/// - every issuer: when it has keyUsage, it must include keyCertSign (RFC 5280 §4.2.1.3).
struct SignerUsagePolicy: VerifierPolicy {
    static let signingPurposes: [ExtendedKeyUsage.Usage] = [.emailProtection, .codeSigning, .serverAuth, .any]

    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.keyUsage, .X509ExtensionID.extendedKeyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        let leaf = chain.leaf
        do {
            if let usage = try leaf.extensions.keyUsage, !(usage.digitalSignature || usage.nonRepudiation) {
                return .failsToMeetPolicy(reason: "the signer certificate's keyUsage (\(usage)) allows neither digitalSignature nor nonRepudiation")
            }
            if let purposes = try leaf.extensions.extendedKeyUsage,
               !purposes.contains(where: { Self.signingPurposes.contains($0) }) {
                return .failsToMeetPolicy(reason: "the signer certificate's extendedKeyUsage (\(purposes)) allows none of emailProtection, codeSigning, serverAuth, anyExtendedKeyUsage")
            }
            for issuer in chain.dropFirst() {
                if let usage = try issuer.extensions.keyUsage, !usage.keyCertSign {
                    return .failsToMeetPolicy(reason: "issuer '\(issuer.subject)' may not sign certificates (keyUsage \(usage) lacks keyCertSign)")
                }
            }
        } catch {
            return .failsToMeetPolicy(reason: "a key usage extension in the signer's chain does not parse: \(error)")
        }
        return .meetsPolicy
    }
}
