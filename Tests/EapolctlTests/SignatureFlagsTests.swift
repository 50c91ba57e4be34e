import Foundation
import Testing

/// `--require-signed`, `--allow-invalid-signature` and `--signature-ca-bundle` on `profile import`, `importProfile`
/// and `onboard`, and the PKCS#12 iteration cap, run as a separate process on files openssl makes now.
@Suite struct SignatureFlagsTests {
    /// A test CA (the "system" bundle given with --signature-ca-bundle), files signed by a signer it issued and by
    /// a self-signed one, a tampered copy, and the unsigned original.
    struct Files {
        let bundle: URL
        let trusted: URL
        let selfSigned: URL
        let tampered: URL
        let unsigned: URL
    }

    static func openssl(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl \(arguments.joined(separator: " "))")
    }

    static func mobileconfig(caDER: Data, extra: [[String: Any]] = [], networks: [[String: Any]]? = nil) throws -> Data {
        let peap: [String: Any] = [
            "PayloadType": "com.apple.wifi.managed", "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-00000000F0C1",
            "PayloadIdentifier": "sig.wifi", "PayloadDisplayName": "Signed Corp", "SSID_STR": "signed-corp",
            "EAPClientConfiguration": ["AcceptEAPTypes": [25], "UserName": "alice",
                                       "TLSTrustedServerNames": ["radius.example.org"],
                                       "PayloadCertificateAnchorUUID": ["6A1C6D3B-2A2F-4E43-9D51-00000000F0A1"]] as [String: Any],
        ]
        let ca: [String: Any] = ["PayloadType": "com.apple.security.root", "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-00000000F0A1",
                                 "PayloadIdentifier": "sig.ca", "PayloadContent": caDER]
        let plist: [String: Any] = ["PayloadType": "Configuration", "PayloadVersion": 1, "PayloadIdentifier": "sig",
                                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-00000000F001",
                                    "PayloadContent": [ca] + extra + (networks ?? [peap])]
        return try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0)
    }

    static func files(in directory: URL) throws -> Files {
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try openssl(["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/CN=CLI Signature Root",
                     "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], in: directory)
        try openssl(["x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der"], in: directory)
        try openssl(["req"] + ec + ["-keyout", "signer.key", "-out", "signer.csr", "-subj", "/CN=CLI Trusted Signer"], in: directory)
        try Data("keyUsage=critical,digitalSignature\nextendedKeyUsage=emailProtection\n".utf8)
            .write(to: directory.appendingPathComponent("signer.ext"))
        try openssl(["x509", "-req", "-in", "signer.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "30",
                     "-extfile", "signer.ext", "-out", "signer.pem"], in: directory)
        try openssl(["req", "-x509"] + ec + ["-keyout", "self.key", "-out", "self.pem", "-days", "30", "-subj", "/CN=CLI Self Signer"],
                    in: directory)
        // The network's server CA is the same test CA (any CA does).
        try mobileconfig(caDER: try Data(contentsOf: directory.appendingPathComponent("ca.der")))
            .write(to: directory.appendingPathComponent("unsigned.mobileconfig"))
        for (signer, output) in [("signer", "trusted.mobileconfig"), ("self", "self.mobileconfig")] {
            try openssl(["cms", "-sign", "-binary", "-nodetach", "-in", "unsigned.mobileconfig", "-signer", "\(signer).pem",
                         "-inkey", "\(signer).key", "-outform", "DER", "-out", output], in: directory)
        }
        var tampered = try Data(contentsOf: directory.appendingPathComponent("trusted.mobileconfig"))
        let range = try #require(tampered.range(of: Data("Signed Corp".utf8)))
        tampered[range.lowerBound] = UInt8(ascii: "X")
        try tampered.write(to: directory.appendingPathComponent("tampered.mobileconfig"))
        func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
        return Files(bundle: url("ca.pem"), trusted: url("trusted.mobileconfig"), selfSigned: url("self.mobileconfig"),
                     tampered: url("tampered.mobileconfig"), unsigned: url("unsigned.mobileconfig"))
    }

    func profileCount(_ cli: CLIRunner) throws -> Int {
        try #require(try cli.run(["profile", "list", "--json"]).json()["profiles"] as? [Any]).count
    }

    func signatureStatus(_ result: CLIRunner.Result) throws -> String? {
        try (result.json()["signature"] as? [String: Any])?["status"] as? String
    }

    @Test func trustedFileIsImportedUnderRequireSigned() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let files = try Self.files(in: cli.baseDirectory)
        let result = try cli.run(["profile", "import", files.trusted.path, "--require-signed", "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let signature = try #require(try result.json()["signature"] as? [String: Any])
        #expect(signature["status"] as? String == "signed-trusted")
        #expect((signature["anchor"] as? String)?.contains("CLI Signature Root") == true)
        #expect((signature["signer"] as? String)?.contains("CLI Trusted Signer") == true)
        #expect(!result.stderr.contains("warning"))
        #expect(try profileCount(cli) == 1)
    }

    @Test func selfSignedFileIsAWarningAndRefusedUnderRequireSigned() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let files = try Self.files(in: cli.baseDirectory)
        let refused = try cli.run(["profile", "import", files.selfSigned.path, "--require-signed", "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(refused.status != 0)
        let error = try refused.jsonError()
        #expect(error["name"] as? String == "untrusted-signature")
        #expect((error["message"] as? String)?.contains("signed-untrusted") == true)
        #expect(try profileCount(cli) == 0)

        let imported = try cli.run(["profile", "import", files.selfSigned.path, "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try signatureStatus(imported) == "signed-untrusted")
        #expect(imported.stderr.contains("unknown signer") && imported.stderr.contains("self-signed"), "\(imported.stderr)")
        #expect(try profileCount(cli) == 1)
        // Human output says it too, never "valid".
        let text = try cli.run(["profile", "import", files.selfSigned.path, "--replace", "--signature-ca-bundle", files.bundle.path])
        #expect(text.stdout.contains("Signature: signed-untrusted"), "\(text.stdout)")
        #expect(!text.stdout.contains("signed-valid"))
    }

    @Test func trustedSignerIsUntrustedWithTheRealSystemStore() throws {
        // The default store is /etc/ssl/certs/ca-certificates.crt, which does not hold the test CA.
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let files = try Self.files(in: cli.baseDirectory)
        let result = try cli.run(["profile", "import", files.trusted.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try signatureStatus(result) == "signed-untrusted")
    }

    @Test func tamperedFileIsRefusedUnlessAllowedAndStaysInvalid() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let files = try Self.files(in: cli.baseDirectory)
        let refused = try cli.run(["profile", "import", files.tampered.path, "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(refused.status != 0)
        let error = try refused.jsonError()
        #expect(error["name"] as? String == "invalid-signature")
        #expect((error["message"] as? String)?.contains("--allow-invalid-signature") == true)
        #expect(try profileCount(cli) == 0)

        let allowed = try cli.run(["profile", "import", files.tampered.path, "--allow-invalid-signature",
                                   "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try signatureStatus(allowed) == "signed-invalid")
        #expect(allowed.stderr.contains("does NOT verify"))
        #expect(try profileCount(cli) == 1)

        // --require-signed wins over --allow-invalid-signature.
        let both = try cli.run(["profile", "import", files.tampered.path, "--replace", "--allow-invalid-signature", "--require-signed",
                                "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(both.status != 0)
        #expect(try both.jsonError()["name"] as? String == "untrusted-signature")
    }

    @Test func unsignedFilesAreImportedUnlessSignedIsRequired() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let files = try Self.files(in: cli.baseDirectory)
        let imported = try cli.run(["profile", "import", files.unsigned.path, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try signatureStatus(imported) == "unsigned")
        let refused = try cli.run(["importProfile", "--replace", "--require-signed", files.unsigned.path, "--json"])
        #expect(refused.status != 0)
        #expect(try refused.jsonError()["name"] as? String == "untrusted-signature")
        let eapConfig = try OnboardCommandTests.eapConfig(in: cli.baseDirectory)
        let onboardRefused = try cli.run(["onboard", eapConfig.path, "--require-signed", "--json"])
        #expect(onboardRefused.status != 0)
        #expect(try onboardRefused.jsonError()["name"] as? String == "untrusted-signature")
        #expect(try profileCount(cli) == 1)
    }

    @Test func onboardAndImportProfileTakeTheFlags() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let files = try Self.files(in: cli.baseDirectory)
        let refused = try cli.run(["onboard", files.selfSigned.path, "--require-signed", "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(refused.status != 0)
        #expect(try refused.jsonError()["name"] as? String == "untrusted-signature")
        let tampered = try cli.run(["onboard", files.tampered.path, "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(try tampered.jsonError()["name"] as? String == "invalid-signature")
        #expect(try profileCount(cli) == 0)
        let onboarded = try cli.run(["onboard", files.trusted.path, "--require-signed", "--signature-ca-bundle", files.bundle.path, "--json"])
        #expect(onboarded.status == 0, "\(onboarded.stderr)")
        #expect(try signatureStatus(onboarded) == "signed-trusted")
        let eapolcfg = try cli.run(["importProfile", "--replace", "--require-signed", "--signature-ca-bundle", files.bundle.path,
                                    files.trusted.path, "--json"])
        #expect(eapolcfg.status == 0, "\(eapolcfg.stderr)")
        #expect(try signatureStatus(eapolcfg) == "signed-trusted")
    }

    @Test func pkcs12WithTenMillionIterationsIsRefusedQuickly() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let d = cli.baseDirectory
        try Self.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "c.key",
                          "-out", "c.pem", "-days", "30", "-subj", "/CN=alice"], in: d)
        try Self.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
                          "-out", "ca.pem", "-days", "30", "-subj", "/CN=P12 Test CA", "-addext", "basicConstraints=critical,CA:TRUE"], in: d)
        try Self.openssl(["x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der"], in: d)
        try Self.openssl(["pkcs12", "-export", "-inkey", "c.key", "-in", "c.pem", "-passout", "pass:pw", "-iter", "10000000",
                          "-keypbe", "NONE", "-certpbe", "NONE", "-out", "big.p12"], in: d)
        let identity: [String: Any] = ["PayloadType": "com.apple.security.pkcs12", "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-00000000F0B1",
                                       "PayloadIdentifier": "sig.id", "Password": "pw",
                                       "PayloadContent": try Data(contentsOf: d.appendingPathComponent("big.p12"))]
        let networks: [[String: Any]] = (1...3).map { index in
            ["PayloadType": "com.apple.wifi.managed", "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-00000000F0C\(index)",
             "PayloadIdentifier": "sig.tls\(index)", "SSID_STR": "tls-\(index)",
             "PayloadCertificateUUID": "6A1C6D3B-2A2F-4E43-9D51-00000000F0B1",
             "EAPClientConfiguration": ["AcceptEAPTypes": [13], "UserName": "alice", "TLSTrustedServerNames": ["radius.example.org"],
                                        "PayloadCertificateAnchorUUID": ["6A1C6D3B-2A2F-4E43-9D51-00000000F0A1"]] as [String: Any]]
        }
        let file = d.appendingPathComponent("big.mobileconfig")
        try Self.mobileconfig(caDER: try Data(contentsOf: d.appendingPathComponent("ca.der")), extra: [identity], networks: networks)
            .write(to: file)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try cli.run(["profile", "import", file.path, "--json"])
        let elapsed = clock.now - start
        #expect(result.status != 0)
        let error = try result.jsonError()
        #expect(error["name"] as? String == "pkcs12-too-many-iterations")
        let message = try #require(error["message"] as? String)
        #expect(message.contains("10,000,000") && message.contains("2,000,000"), "\(message)")
        // The whole process, start to exit (the old code had not finished after two minutes).
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(try profileCount(cli) == 0)
    }
}
