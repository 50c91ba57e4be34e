import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

/// A file cannot make an import hang: the MAC iteration count is capped before any hashing, and each bundle's MAC
/// is derived once however many payloads name it.
@Suite struct PKCS12CostTests {
    let pki = TestPKI.shared

    /// A bundle made by `openssl pkcs12 -export -iter N` (OpenSSL 3 applies -iter to the MAC too; the key and
    /// certificate are left unencrypted so openssl itself spends its time on the MAC only).
    static func bundle(iterations: Int, passphrase: String, in pki: TestPKI) throws -> [UInt8] {
        let name = "iter-\(iterations)-\(UUID().uuidString).p12"
        try runTool(["openssl", "pkcs12", "-export", "-inkey", "client.key", "-in", "client.pem", "-passout", "pass:\(passphrase)",
                     "-iter", String(iterations), "-keypbe", "NONE", "-certpbe", "NONE", "-out", name], in: pki.directory)
        return Array(try Data(contentsOf: pki.directory.appendingPathComponent(name)))
    }

    static let tenMillion: [UInt8] = {
        do { return try bundle(iterations: 10_000_000, passphrase: "pw", in: .shared) } catch { fatalError("\(error)") }
    }()

    /// A mobileconfig whose three EAP-TLS Wi-Fi payloads all name one PKCS#12 payload.
    static func mobileconfig(bundle: [UInt8], passphrase: String, pki: TestPKI) throws -> [UInt8] {
        var content: [Any] = [
            ["PayloadType": "com.apple.security.root", "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000A1",
             "PayloadIdentifier": "ca", "PayloadContent": Data(pki.ca1DER)] as [String: Any],
            ["PayloadType": "com.apple.security.pkcs12", "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000B1",
             "PayloadIdentifier": "identity", "PayloadContent": Data(bundle), "Password": passphrase] as [String: Any],
        ]
        for index in 1...3 {
            content.append([
                "PayloadType": "com.apple.wifi.managed", "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-00000000C00\(index)",
                "PayloadIdentifier": "wifi\(index)", "SSID_STR": "tls-\(index)",
                "PayloadCertificateUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000B1",
                "EAPClientConfiguration": ["AcceptEAPTypes": [13], "UserName": "alice@example.org",
                                           "TLSTrustedServerNames": ["radius.example.org"],
                                           "PayloadCertificateAnchorUUID": ["6A1C6D3B-2A2F-4E43-9D51-0000000000A1"]] as [String: Any],
            ] as [String: Any])
        }
        let plist: [String: Any] = ["PayloadType": "Configuration", "PayloadVersion": 1, "PayloadIdentifier": "cost",
                                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-000000000001", "PayloadContent": content]
        return Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0))
    }

    @Test func tenMillionIterationsAreRefusedBeforeAnyHashing() throws {
        let bundle = Self.tenMillion   // made by openssl first, outside the timed part
        let cache = PKCS12MACCache()
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: ImportError.self) {
            try PKCS12MAC.verify(bundle: SecretBytes(bundle), passphrase: SecretBytes(utf8: "pw"), source: "big.p12", cache: cache)
        }
        let elapsed = clock.now - start
        #expect(error.code == .pkcs12TooManyIterations)
        #expect(error.message.contains("big.p12") && error.message.contains("10,000,000") && error.message.contains("2,000,000"), "\(error.message)")
        #expect(cache.derivations == 0)
        #expect(elapsed < .seconds(1), "\(elapsed)")
    }

    @Test func mobileconfigWithAHugeCountFailsFast() throws {
        let file = try Self.mobileconfig(bundle: Self.tenMillion, passphrase: "pw", pki: pki)
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: ImportError.self) { try ProfileImporter.parse(file, source: "big.mobileconfig") }
        #expect(clock.now - start < .seconds(1))
        #expect(error.code == .pkcs12TooManyIterations)
        #expect(error.message.contains("big.mobileconfig: PayloadContent[1]"), "\(error.message)")
    }

    @Test func theCapItselfIsAcceptedAndOneMoreIsNot() throws {
        let atCap = try Self.bundle(iterations: PKCS12MAC.maximumIterations, passphrase: "cap-pass", in: pki)
        let cache = PKCS12MACCache()
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.cpuSeconds()
        try PKCS12MAC.verify(bundle: SecretBytes(atCap), passphrase: SecretBytes(utf8: "cap-pass"), source: "cap", cache: cache)
        print("PKCS12CostTests: 2,000,000 SHA-256 MAC iterations verified in \(clock.now - start) (thread CPU \(Self.cpuSeconds() - cpuStart) s)")
        #expect(cache.derivations == 1)
        let over = try Self.bundle(iterations: PKCS12MAC.maximumIterations + 1, passphrase: "cap-pass", in: pki)
        let error = try #require(throws: ImportError.self) {
            try PKCS12MAC.verify(bundle: SecretBytes(over), passphrase: SecretBytes(utf8: "cap-pass"), source: "over", cache: cache)
        }
        #expect(error.code == .pkcs12TooManyIterations)
        #expect(error.message.contains("2,000,001"))
        #expect(cache.derivations == 1)
    }

    @Test func oneBundleNamedByThreePayloadsIsDerivedOnce() throws {
        let file = try Self.mobileconfig(bundle: pki.p12SHA256, passphrase: pki.p12Passphrase, pki: pki)
        let cache = PKCS12MACCache()
        let result = try PKCS12MACCache.$current.withValue(cache) { try ProfileImporter.parse(file, source: "three.mobileconfig") }
        #expect(result.profiles.count == 3)
        #expect(result.profiles.allSatisfy { $0.identity?.passphrase == SecretBytes(utf8: pki.p12Passphrase) })
        #expect(cache.derivations == 1)
        // A second pass over the same file (or onboard re-checking the passphrase per profile) derives nothing.
        _ = try PKCS12MACCache.$current.withValue(cache) { try ProfileImporter.parse(file, source: "three.mobileconfig") }
        for item in result.profiles {
            try PKCS12MAC.verify(bundle: try #require(item.identity?.bundle), passphrase: SecretBytes(utf8: pki.p12Passphrase),
                                 source: "again", cache: cache)
        }
        #expect(cache.derivations == 1)
    }

    @Test func aWrongPassphraseIsRememberedToo() throws {
        let cache = PKCS12MACCache()
        for _ in 0..<3 {
            let error = try #require(throws: ImportError.self) {
                try PKCS12MAC.verify(bundle: SecretBytes(pki.p12SHA1), passphrase: SecretBytes(utf8: "wrong"), source: "w", cache: cache)
            }
            #expect(error.code == .pkcs12WrongPassphrase)
        }
        #expect(cache.derivations == 1)
        // Another passphrase for the same bundle is another pair.
        try PKCS12MAC.verify(bundle: SecretBytes(pki.p12SHA1), passphrase: SecretBytes(utf8: pki.p12Passphrase), source: "r", cache: cache)
        #expect(cache.derivations == 2)
    }

    /// CPU time of the calling thread (the machine may be busy: wall time alone says little).
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func groupedNumbers() {
        #expect(PKCS12MAC.grouped(10_000_000) == "10,000,000")
        #expect(PKCS12MAC.grouped(2_048) == "2,048")
        #expect(PKCS12MAC.grouped(999) == "999")
    }
}
