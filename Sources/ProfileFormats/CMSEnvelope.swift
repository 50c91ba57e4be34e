public import Foundation
import ProfileModel
import StructuredErrors
import SwiftASN1
@_spi(CMS) @_spi(FixedExpiryValidationTime) import X509

/// Unwraps and checks CMS (PKCS#7) SignedData envelopes, as signed .mobileconfig files use.
public enum CMSEnvelope {
    static let signedDataOID: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 2]
    static let dataOID: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 1]

    /// Whether the bytes look like a DER/BER SEQUENCE (a CMS envelope) rather than text.
    static func looksSigned(_ bytes: [UInt8]) -> Bool { bytes.first == 0x30 }

    /// Extracts the signed content and the subjects of the certificates the envelope carries.
    /// - Throws: ``ImportError`` `invalid-signature` when the envelope is not SignedData with attached content.
    static func unwrap(_ bytes: [UInt8], source: String) throws -> (content: [UInt8], signers: [String]) {
        func bad(_ why: String) -> ImportError {
            ImportError(.invalidSignature, "\(source): not a usable CMS signed profile: \(why)", details: ["file": .string(source)])
        }
        let root: ASN1Node
        do { root = try BER.parse(bytes) } catch { throw bad("not DER/BER (\(error))") }
        do {
            return try BER.sequence(root, identifier: .sequence) { nodes in
                let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
                guard type == signedDataOID else { throw bad("content type \(type) is not SignedData") }
                guard let explicit = nodes.next() else { throw bad("no SignedData") }
                return try BER.explicitlyTagged(explicit, tagNumber: 0, tagClass: .contextSpecific) { signedNode in
                    try BER.sequence(signedNode, identifier: .sequence) { signed in
                        _ = try Int(berEncoded: &signed)
                        _ = signed.next()   // digestAlgorithms
                        guard let encap = signed.next() else { throw bad("no encapsulated content") }
                        let content = try BER.sequence(encap, identifier: .sequence) { inner -> [UInt8] in
                            _ = try ASN1ObjectIdentifier(berEncoded: &inner)
                            guard let tagged = inner.next() else { throw bad("the content is detached (not in the file)") }
                            return try BER.explicitlyTagged(tagged, tagNumber: 0, tagClass: .contextSpecific) {
                                Array(try ASN1OctetString(berEncoded: $0).bytes)
                            }
                        }
                        var signers: [String] = []
                        while let node = signed.next() {
                            if node.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific),
                               case .constructed(let children) = node.content {
                                for child in children {
                                    if let certificate = try? Certificate(derEncoded: Array(child.encodedBytes)) {
                                        signers.append(certificate.subject.description)
                                    }
                                }
                            }
                        }
                        return (content, signers)
                    }
                }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw bad("\(error)")
        }
    }

    /// Verifies the envelope's signature over its content and the signer's certificate chain.
    ///
    /// swift-certificates' CMS verifier first checks the message digest and the signature with the signer
    /// certificate found in the envelope (a failure: `signed-invalid`), then builds a chain from that certificate,
    /// through the envelope's other certificates, to a root of `trustStore` only — never to a certificate the file
    /// itself brings — under RFC 5280 (validity now, basic and name constraints) and ``SignerUsagePolicy`` (key
    /// usage). A chain: `signed-trusted`; none: `signed-untrusted`, with the reasons.
    /// - Parameters:
    ///   - bytes: the DER/BER CMS SignedData with attached content.
    ///   - trustStore: the CAs a signer must chain to.
    ///   - now: the time validity periods are checked against.
    public static func verify(_ bytes: [UInt8], trustStore: SignatureTrustStore = SignatureTrustStore(),
                              now: Date = Date()) async -> SignatureInfo {
        let signature: CMSSignature
        do {
            signature = try CMSSignature(berEncoded: BER.parse(bytes), withIdentifier: .sequence)
        } catch {
            return SignatureInfo(status: .signedInvalid, detail: "the CMS envelope does not parse: \(error)")
        }
        let signer = (try? signature.signers.first?.certificate.subject.description) ?? nil
        let (roots, storeProblem) = trustStore.load()
        let result = await CMS.isValidAttachedSignature(signatureBytes: bytes, trustRoots: CertificateStore(roots)) {
            RFC5280Policy(fixedExpiryValidationTime: now)
            SignerUsagePolicy()
        }
        switch result {
        case .success(let valid):
            let anchor = await chainRoot(of: valid.signer, envelope: signature.certificates, roots: roots, now: now)
            return SignatureInfo(status: .signedTrusted, signer: valid.signer.subject.description, anchor: anchor,
                                 detail: "the signature matches the content and the signer chains to \(anchor.map { "'\($0)'" } ?? "a CA") of \(trustStore.bundlePath)")
        case .failure(.unableToValidateSigner(let failure)):
            // The digest and the signature were checked before the chain: the content is what the holder of the
            // signer's certificate signed, but nothing says who that is.
            let subject = failure.signer.subject.description
            var reasons: [String] = []
            if failure.signer.subject == failure.signer.issuer {
                reasons.append("the signer '\(subject)' is self-signed")
            }
            let policyReasons = Set(failure.policyFailures.map { $0.policyFailureReason.description })
            reasons += policyReasons.sorted()
            if reasons.isEmpty {
                reasons.append("the signer '\(subject)' does not chain to a CA of \(trustStore.bundlePath)")
            }
            if let storeProblem { reasons.append(storeProblem) }
            return SignatureInfo(status: .signedUntrusted, signer: subject,
                                 detail: "the signature matches the content, but the signer is not trusted: " + reasons.joined(separator: "; "))
        case .failure(.invalidCMSBlock(let block)):
            return SignatureInfo(status: .signedInvalid, signer: signer, detail: block.reason)
        case .failure(let failure):
            return SignatureInfo(status: .signedInvalid, signer: signer, detail: "\(failure)")
        }
    }

    /// The subject of the system root the validated signer chains to (for the report).
    static func chainRoot(of signer: Certificate, envelope: [Certificate], roots: [Certificate], now: Date) async -> String? {
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy(fixedExpiryValidationTime: now)
            SignerUsagePolicy()
        }
        if case .validCertificate(let chain) = await verifier.validate(leaf: signer, intermediates: CertificateStore(envelope)) {
            return chain.last?.subject.description
        }
        return nil
    }
}
