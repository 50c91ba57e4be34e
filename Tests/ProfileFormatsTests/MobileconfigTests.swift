import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

@Suite struct MobileconfigTests {
    let pki = TestPKI.shared

    @Test func plainProfileLandsEveryField() async throws {
        let bytes = try Samples.mobileconfig()
        #expect(ProfileImporter.detect(bytes) == .mobileconfig)
        let result = try await ProfileImporter.parseVerifyingSignature(bytes, source: "corp.mobileconfig")
        #expect(result.signature?.status == .unsigned)
        #expect(result.profiles.count == 3)
        let peap = result.profiles[0]
        #expect(peap.profile.id.description == "6A1C6D3B-2A2F-4E43-9D51-0000000000C1")
        #expect(peap.profile.name == "Corp PEAP")
        #expect(peap.profile.binding == .wifi(ssid: try SSID(parsing: "corp"), security: .wpa2, hidden: true))
        #expect(peap.profile.eap.outer == .peap)
        #expect(peap.profile.eap.inner == .mschapv2)
        #expect(peap.profile.eap.username == "alice")
        #expect(peap.profile.eap.outerIdentity == "anonymous@example.org")
        #expect(peap.profile.trust.caCertificates.map(\.der) == [pki.ca1DER, pki.ca2DER])
        #expect(peap.profile.trust.serverNames == [.exact("radius.example.org"), .suffix("corp.example.org")])
        #expect(peap.profile.trust.tlsMinVersion == .tls1_2)
        #expect(peap.profile.trust.tlsMaxVersion == .tls1_3)
        #expect(peap.password?.username == "alice")
        #expect(peap.password?.password == SecretBytes(utf8: "alice-pass"))
        #expect(result.notes.contains { $0.contains("chose PEAP") })

        let tls = result.profiles[1]
        #expect(tls.profile.security == .wpa3)
        #expect(tls.profile.eap.outer == .tls)
        #expect(tls.profile.eap.username == "alice@example.org")
        #expect(tls.identity?.bundle == SecretBytes(pki.p12SHA256))
        #expect(tls.identity?.passphrase == SecretBytes(utf8: pki.p12Passphrase))
        #expect(tls.profile.trust.caCertificates.map(\.der) == [pki.ca1DER])

        let wired = result.profiles[2]
        #expect(wired.profile.isWired)
        #expect(wired.profile.eap.outer == .ttls)
        #expect(wired.profile.eap.inner == .pap)
        #expect(wired.profile.trust.caCertificates.map(\.der) == [pki.ca2DER])
        #expect(wired.profile.trust.serverNames == [.suffix("example.org")])
        #expect(result.notes.contains { $0.contains("com.apple.dnsSettings.managed") })
    }

    @Test func signedProfileIsUnwrappedAndVerified() async throws {
        let plain = try Samples.mobileconfig()
        let signed = try pki.sign(plain)
        #expect(signed.first == 0x30)
        #expect(ProfileImporter.detect(signed) == .mobileconfig)
        let result = try await ProfileImporter.parseVerifyingSignature(signed, source: "signed.mobileconfig")
        #expect(result.profiles.count == 3)
        // Its signer is issued by a CA the system store does not hold: the signature is intact, the signer unknown.
        #expect(result.signature?.status == .signedUntrusted, "\(result.signature?.detail ?? "-")")
        #expect(result.signature?.signer?.contains("Profile Signer") == true)
    }

    @Test func tamperedSignedProfileIsReportedInvalid() async throws {
        let plain = try Samples.mobileconfig()
        var signed = try pki.sign(plain)
        // Change one character of the signed content (the display name) without breaking the plist.
        let needle = Array("Corp PEAP".utf8)
        let index = try #require(signed.firstRange(of: needle)).lowerBound
        signed[index] = UInt8(ascii: "K")
        let result = try await ProfileImporter.parseVerifyingSignature(signed, source: "tampered.mobileconfig",
                                                                       policy: SignaturePolicy(allowInvalid: true))
        #expect(result.signature?.status == .signedInvalid)
        #expect(result.profiles[0].profile.name == "Korp PEAP")
    }

    @Test func missingAnchorPayloadIsAnError() throws {
        var text = String(decoding: try Samples.mobileconfig(), as: UTF8.self)
        text = text.replacingOccurrences(of: "6A1C6D3B-2A2F-4E43-9D51-0000000000A1</string>\n\t\t\t\t\t<string>", with: "6A1C6D3B-2A2F-4E43-9D51-0000000000FF</string>\n\t\t\t\t\t<string>")
        let error = try #require(throws: ImportError.self) {
            try ProfileImporter.parse(Array(text.utf8), source: "x.mobileconfig")
        }
        #expect(error.code == .missingField)
        #expect(error.message.contains("0000000000FF"))
    }

    @Test func wrongIdentityPasswordIsRefused() throws {
        let text = String(decoding: try Samples.mobileconfig(), as: UTF8.self)
            .replacingOccurrences(of: "<string>\(pki.p12Passphrase)</string>", with: "<string>nope</string>")
        let error = try #require(throws: ImportError.self) { try ProfileImporter.parse(Array(text.utf8), source: "x.mobileconfig") }
        #expect(error.code == .pkcs12WrongPassphrase)
    }
}
