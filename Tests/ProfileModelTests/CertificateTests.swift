import Foundation
import ProfileModel
import Testing

@Suite struct CertificateTests {
    @Test func pemWithTwoCertificates() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCertificate(name: "First CA", ca: true)
        try openssl.makeCertificate(name: "Second CA", ca: true)
        let bundle = try openssl.bytes("First CA.pem") + openssl.bytes("Second CA.pem")
        let certificates = try TrustedCertificate.parse(bundle, source: "bundle.pem")
        #expect(certificates.map(\.summary.subject) == ["CN=First CA", "CN=Second CA"])
        #expect(certificates.allSatisfy { $0.summary.isCA && $0.summary.isSelfSigned })
        // PEM output parses back to the same DER.
        let again = try TrustedCertificate.parse(Array(certificates[1].pem.utf8), source: "again.pem")
        #expect(again == [certificates[1]])
    }

    @Test func derCertificateAndSummary() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCertificate(name: "radius.corp.example", ca: false, days: 30,
                                    extra: ["-addext", "subjectAltName=DNS:radius.corp.example,DNS:nps.corp.example"])
        try openssl.run(["x509", "-in", "radius.corp.example.pem", "-outform", "DER", "-out", "server.der"])
        let certificates = try TrustedCertificate.parse(try openssl.bytes("server.der"), source: "server.der")
        #expect(certificates.count == 1)
        let summary = certificates[0].summary
        #expect(summary.subject == "CN=radius.corp.example")
        #expect(summary.dnsNames == ["radius.corp.example", "nps.corp.example"])
        #expect(!summary.isCA)
        #expect(summary.isValid(at: Date()))
        #expect(!summary.isValid(at: Date().addingTimeInterval(40 * 86_400)))
        #expect(certificates[0].der == (try openssl.bytes("server.der")))
    }

    @Test func fingerprintMatchesOpenSSL() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        let file = try openssl.makeCertificate(name: "Fingerprint CA", ca: true)
        let output = try openssl.run(["x509", "-in", file, "-noout", "-fingerprint", "-sha256"])
        // e.g. "sha256 Fingerprint=AB:CD:..." (the label's case differs between openssl versions)
        let expected = try #require(output.split(separator: "=").last).trimmingCharacters(in: .whitespacesAndNewlines)
        let certificate = try TrustedCertificate.parse(try openssl.bytes(file), source: file)[0]
        #expect(certificate.summary.sha256Fingerprint == expected.lowercased())
        #expect(TrustSettings.normalizedPin(expected) == certificate.summary.sha256Fingerprint)
        #expect(TrustSettings.normalizedPin(expected.replacingOccurrences(of: ":", with: "")) == certificate.summary.sha256Fingerprint)
    }

    @Test func garbageNamesTheFile() {
        for (bytes, name) in [(Array("hello world".utf8), "notes.txt"), ([0x30, 0x03, 0x02, 0x01, 0x01], "broken.der"),
                              (Array("-----BEGIN CERTIFICATE-----\nnot base64!!\n-----END CERTIFICATE-----\n".utf8), "bad.pem"),
                              ([], "empty.crt")] {
            do {
                _ = try TrustedCertificate.parse(bytes, source: "/etc/certs/\(name)")
                Issue.record("\(name) was accepted")
            } catch let error as ProfileError {
                #expect(error.code == .invalidCertificate)
                #expect(error.message.contains("/etc/certs/\(name)"))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func pemWithOnlyAKeyIsRefused() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCertificate(name: "Key Only", ca: true)
        #expect(throws: ProfileError(.invalidCertificate, "")) {
            try TrustedCertificate.parse(try openssl.bytes("Key Only.key"), source: "key.pem")
        }
    }

    @Test func codableAsBase64DER() throws {
        let ca = try generatedCA()
        let data = try JSONEncoder().encode([ca])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text == "[\"\(Data(ca.der).base64EncodedString().replacingOccurrences(of: "/", with: "\\/"))\"]")
        let decoded = try JSONDecoder().decode([TrustedCertificate].self, from: data)
        #expect(decoded == [ca])
        #expect(decoded[0].summary == ca.summary)
    }
}
