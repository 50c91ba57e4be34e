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

    /// Verifies the envelope's signature over its content (message digest and signature with the signer's
    /// certificate): this proves the content was not altered since the holder of that certificate signed it, not
    /// who that is — no trust store is consulted.
    /// - Returns: `signed-valid` or `signed-invalid` with the reason.
    public static func verify(_ bytes: [UInt8], now: Date = Date()) async -> SignatureInfo {
        let signature: CMSSignature
        do {
            signature = try CMSSignature(berEncoded: BER.parse(bytes), withIdentifier: .sequence)
        } catch {
            return SignatureInfo(status: "signed-invalid", detail: "the CMS envelope does not parse: \(error)")
        }
        let signer = (try? signature.signers.first?.certificate.subject.description) ?? nil
        let anchors = signature.certificates
        let result = await CMS.isValidAttachedSignature(signatureBytes: bytes, trustRoots: CertificateStore(anchors)) {
            RFC5280Policy(fixedExpiryValidationTime: now)
        }
        switch result {
        case .success:
            return SignatureInfo(status: "signed-valid", signer: signer,
                                 detail: "the signature matches the content; the signer's certificate was not checked against a trust store")
        case .failure(.unableToValidateSigner):
            // swift-certificates checks the digest and the signature before it validates the signer's chain, so
            // this failure means the signature is intact but the signer is not anchored (no trust store is used).
            return SignatureInfo(status: "signed-valid", signer: signer,
                                 detail: "the signature matches the content; the signer's certificate chain was not validated against a trust store")
        case .failure(.invalidCMSBlock(let block)):
            return SignatureInfo(status: "signed-invalid", signer: signer, detail: block.reason)
        case .failure(let failure):
            return SignatureInfo(status: "signed-invalid", signer: signer, detail: "\(failure)")
        }
    }
}
