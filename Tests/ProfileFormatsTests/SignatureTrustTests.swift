import Foundation
import ProfileModel
@testable import ProfileFormats
import StructuredErrors
import Testing

/// What a mobileconfig's signature proves: trusted only when the signer chains to the (injected) system store.
@Suite struct SignatureTrustTests {
    let pki = SignaturePKI.shared

    func verify(_ signer: SignaturePKI.Signer, store: SignatureTrustStore? = nil, now: Date = Date()) async throws -> SignatureInfo {
        let signed = try pki.sign(try Samples.mobileconfig(), with: signer)
        return await CMSEnvelope.verify(signed, trustStore: store ?? pki.systemStore, now: now)
    }

    @Test func signerIssuedByASystemCAIsTrusted() async throws {
        let info = try await verify(pki.trusted)
        #expect(info.status == .signedTrusted, "\(info.detail ?? "-")")
        #expect(info.signer?.contains("Trusted Profile Signer") == true)
        #expect(info.anchor?.contains("Signature Test Root CA") == true)
        // The whole import reports it too.
        let signed = try pki.sign(try Samples.mobileconfig(), with: pki.trusted)
        let result = try await ProfileImporter.parseVerifyingSignature(signed, source: "trusted.mobileconfig",
                                                                       policy: SignaturePolicy(requireTrusted: true, trustStore: pki.systemStore))
        #expect(result.signature?.status == .signedTrusted)
        #expect(result.profiles.count == 3)
    }

    @Test func selfSignedSignerIsUntrusted() async throws {
        let info = try await verify(pki.selfSigned)
        #expect(info.status == .signedUntrusted)
        #expect(info.detail?.contains("self-signed") == true, "\(info.detail ?? "-")")
        #expect(info.signer?.contains("Self-Signed Profile Signer") == true)
        #expect(info.anchor == nil)
    }

    @Test func signerUnknownToTheStoreIsUntrusted() async throws {
        let info = try await verify(pki.trusted, store: pki.otherStore)
        #expect(info.status == .signedUntrusted, "\(info.detail ?? "-")")
    }

    /// The old verifier anchored the chain in the envelope's own certificates: a file bringing its CA "proved" itself.
    @Test func caCarriedInTheEnvelopeIsNotAnAnchor() async throws {
        let info = try await verify(pki.trustedWithCAInEnvelope, store: pki.otherStore)
        #expect(info.status == .signedUntrusted, "\(info.detail ?? "-")")
        let trusted = try await verify(pki.trustedWithCAInEnvelope)
        #expect(trusted.status == .signedTrusted, "\(trusted.detail ?? "-")")
    }

    @Test func signerWhoseKeyUsageForbidsSigningIsUntrusted() async throws {
        let info = try await verify(pki.wrongKeyUsage)
        #expect(info.status == .signedUntrusted)
        #expect(info.detail?.contains("keyUsage") == true, "\(info.detail ?? "-")")
    }

    @Test func expiredSignerIsUntrusted() async throws {
        // The certificates are valid for 30 days from now.
        let info = try await verify(pki.trusted, now: Date().addingTimeInterval(60 * 86_400))
        #expect(info.status == .signedUntrusted)
        #expect(info.detail?.lowercased().contains("expire") == true || info.detail?.contains("not valid") == true, "\(info.detail ?? "-")")
    }

    @Test func missingStoreTrustsNothing() async throws {
        let info = try await verify(pki.trusted, store: SignatureTrustStore(bundlePath: pki.directory.appendingPathComponent("absent.crt").path))
        #expect(info.status == .signedUntrusted)
        #expect(info.detail?.contains("absent.crt") == true, "\(info.detail ?? "-")")
    }

    static func tamperedContent(_ pki: SignaturePKI) throws -> [UInt8] {
        var signed = try pki.sign(try Samples.mobileconfig(), with: pki.trusted)
        let index = try #require(signed.firstRange(of: Array("Corp PEAP".utf8))).lowerBound
        signed[index] = UInt8(ascii: "K")
        return signed
    }

    /// Flips a byte of the signature value: the last bytes of the DER are the ECDSA signature's.
    static func corruptedSignature(_ pki: SignaturePKI) throws -> [UInt8] {
        var signed = try pki.sign(try Samples.mobileconfig(), with: pki.trusted)
        signed[signed.count - 3] ^= 0x55
        return signed
    }

    @Test func alteredContentOrSignatureIsInvalidAndRefused() async throws {
        for (name, bytes) in [("content", try Self.tamperedContent(pki)), ("signature", try Self.corruptedSignature(pki))] {
            let info = await CMSEnvelope.verify(bytes, trustStore: pki.systemStore)
            #expect(info.status == .signedInvalid, "\(name): \(info.detail ?? "-")")
            let error = try await #require(throws: ImportError.self) {
                try await ProfileImporter.parseVerifyingSignature(bytes, source: "\(name).mobileconfig",
                                                                  policy: SignaturePolicy(trustStore: pki.systemStore))
            }
            #expect(error.code == .invalidSignature)
            #expect(error.message.contains("\(name).mobileconfig") && error.message.contains("--allow-invalid-signature"))
        }
    }

    @Test func allowInvalidImportsButKeepsTheLabel() async throws {
        let result = try await ProfileImporter.parseVerifyingSignature(try Self.tamperedContent(pki), source: "t.mobileconfig",
                                                                       policy: SignaturePolicy(allowInvalid: true, trustStore: pki.systemStore))
        #expect(result.signature?.status == .signedInvalid)
        #expect(result.profiles[0].profile.name == "Korp PEAP")
    }

    @Test func requireSignedRefusesAllButTrusted() async throws {
        let policy = SignaturePolicy(requireTrusted: true, allowInvalid: true, trustStore: pki.systemStore)
        let cases: [(String, [UInt8], String)] = [
            ("self-signed", try pki.sign(try Samples.mobileconfig(), with: pki.selfSigned), "signed-untrusted"),
            ("invalid", try Self.tamperedContent(pki), "signed-invalid"),
            ("unsigned", try Samples.mobileconfig(), "unsigned"),
            ("eap-config", Array(Samples.eapConfigMulti().utf8), "unsigned"),
        ]
        for (name, bytes, status) in cases {
            let error = try await #require(throws: ImportError.self) {
                try await ProfileImporter.parseVerifyingSignature(bytes, source: name, policy: policy)
            }
            #expect(error.code == .untrustedSignature, "\(name)")
            #expect(error.message.contains("--require-signed") && error.message.contains(status), "\(name): \(error.message)")
        }
    }

    @Test func untrustedAndUnsignedAreImportedByDefault() async throws {
        let policy = SignaturePolicy(trustStore: pki.systemStore)
        let untrusted = try await ProfileImporter.parseVerifyingSignature(try pki.sign(try Samples.mobileconfig(), with: pki.selfSigned),
                                                                          source: "s", policy: policy)
        #expect(untrusted.signature?.status == .signedUntrusted)
        let unsigned = try await ProfileImporter.parseVerifyingSignature(try Samples.mobileconfig(), source: "u", policy: policy)
        #expect(unsigned.signature?.status == .unsigned)
    }

    @Test func statusValuesAreTheDocumentedStrings() throws {
        #expect(SignatureStatus.allCases.map(\.rawValue) == ["signed-trusted", "signed-untrusted", "signed-invalid", "unsigned"])
        let json = String(decoding: try JSONEncoder().encode(SignatureInfo(status: .signedUntrusted)), as: UTF8.self)
        #expect(json.contains(#""status":"signed-untrusted""#))
    }
}
