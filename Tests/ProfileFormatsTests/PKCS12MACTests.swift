import Foundation
@testable import ProfileFormats
import ProfileModel
import Secrets
import Testing

@Suite struct PKCS12MACTests {
    let pki = TestPKI.shared

    @Test(arguments: ["sha256", "sha1", "sha512"])
    func rightPassphraseVerifies(_ mac: String) throws {
        let bundle = mac == "sha1" ? pki.p12SHA1 : mac == "sha512" ? pki.p12SHA512 : pki.p12SHA256
        try PKCS12MAC.verify(bundle: SecretBytes(bundle), passphrase: SecretBytes(utf8: pki.p12Passphrase), source: mac)
        let error = try #require(throws: ImportError.self) {
            try PKCS12MAC.verify(bundle: SecretBytes(bundle), passphrase: SecretBytes(utf8: pki.p12Passphrase + "x"), source: mac)
        }
        #expect(error.code == .pkcs12WrongPassphrase)
    }

    @Test func emptyPassphrase() throws {
        try PKCS12MAC.verify(bundle: SecretBytes(pki.p12Empty), passphrase: SecretBytes([]), source: "empty")
        #expect(throws: ImportError.self) {
            try PKCS12MAC.verify(bundle: SecretBytes(pki.p12Empty), passphrase: SecretBytes(utf8: "x"), source: "empty")
        }
    }

    @Test func notABundle() throws {
        let error = try #require(throws: ImportError.self) {
            try PKCS12MAC.verify(bundle: SecretBytes(pki.ca1DER), passphrase: SecretBytes(utf8: "x"), source: "ca")
        }
        #expect(error.code == .pkcs12Malformed)
    }

    @Test func passphraseIsANulTerminatedBMPString() {
        #expect(PKCS12MAC.bmpString("é") == [0x00, 0xE9, 0x00, 0x00])
        #expect(PKCS12MAC.bmpString("") == [0x00, 0x00])
    }
}
