import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ProfileModel
import ProfileFormats
import Secrets
import Testing

/// The exported wpa_supplicant block, run by a real wpa_supplicant against the wired testbed (Docs/testbed.md).
///
/// Runs with the other testbed suites (one at a time, see WiredTestbed). The testbed's own (D-Bus) wpa_supplicant
/// is stopped for the duration, because a second supplicant on the same interface conflicts with it, and started
/// again afterwards.
extension WiredTestbed {
@Suite("Exported wpa_supplicant blocks") struct ExportedConfigurations {
    static let environment: [String: String]? = {
        guard let path = ProcessInfo.processInfo.environment["EAPOLCTL_TESTBED_ENV"],
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            var body = Substring(line)
            if body.hasPrefix("export ") { body = body.dropFirst(7) }
            guard let eq = body.firstIndex(of: "="), !body.hasPrefix("#") else { continue }
            var value = String(body[body.index(after: eq)...])
            if value.count >= 2, let first = value.first, (first == "'" || first == "\""), value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[String(body[..<eq])] = value
        }
        return values
    }()

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func testbed() throws -> [String: String]? {
        if let env = Self.environment { return env }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("CI is set but EAPOLCTL_TESTBED_ENV names no readable testbed.env: the testbed is required in CI")
        }
        return nil
    }

    @Test func exportedPEAPBlockAuthenticates() throws {
        guard let env = try testbed() else { return }
        let ca = try TrustedCertificate.parse(Array(try Data(contentsOf: URL(fileURLWithPath: env["TESTBED_CA"]!))), source: "ca")
        let profile = try Profile(
            name: "testbed PEAP", binding: .wired(interface: nil),
            eap: EAPSettings(outer: .peap, inner: .mschapv2, username: env["TESTBED_PEAP_USER"]!, outerIdentity: env["TESTBED_ANON_IDENTITY"]),
            trust: TrustSettings(caCertificates: ca, serverNames: [.suffix(env["TESTBED_SERVER_NAME"]!)])).validated()
        let secrets = ExportSecrets(password: ImportedPassword(username: env["TESTBED_PEAP_USER"]!, password: SecretBytes(utf8: env["TESTBED_PEAP_PASS"]!)))
        try authenticate(try ProfileExporter.export(profile, as: .wpaSupplicant, secrets: secrets), env: env)
    }

    @Test func exportedTLSBlockWithPKCS12Authenticates() throws {
        guard let env = try testbed() else { return }
        let ca = try TrustedCertificate.parse(Array(try Data(contentsOf: URL(fileURLWithPath: env["TESTBED_CA"]!))), source: "ca")
        let profile = try Profile(
            name: "testbed TLS", binding: .wired(interface: nil),
            eap: EAPSettings(outer: .tls, username: env["TESTBED_TLS_USER"]!),
            trust: TrustSettings(caCertificates: ca, serverNames: [.exact(env["TESTBED_SERVER_NAME"]!)])).validated()
        let bundle = Array(try Data(contentsOf: URL(fileURLWithPath: env["TESTBED_CLIENT_P12"]!)))
        let passphrase = env["TESTBED_CLIENT_P12_PASS"]!
        try PKCS12MAC.verify(bundle: SecretBytes(bundle), passphrase: SecretBytes(utf8: passphrase), source: "testbed p12")
        let secrets = ExportSecrets(identity: ImportedIdentity(bundle: SecretBytes(bundle), passphrase: SecretBytes(utf8: passphrase)))
        try authenticate(try ProfileExporter.export(profile, as: .wpaSupplicant, secrets: secrets), env: env)
    }

    /// Writes the block into a config with its own control socket, runs wpa_supplicant -c in the supplicant
    /// namespace, and waits for wpa_state=COMPLETED.
    func authenticate(_ export: ExportOutput, env: [String: String]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eapolctl-wpa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let ctrl = dir.appendingPathComponent("ctrl").path
        let config = dir.appendingPathComponent("wpa.conf")
        try Data(("ctrl_interface=\(ctrl)\nap_scan=0\n" + export.text).utf8).write(to: config)
        let log = dir.appendingPathComponent("wpa.log")
        let testbedEnv = ["EAPOLCTL_TESTBED_DIR": env["EAPOLCTL_TESTBED_DIR"] ?? "", "EAPOLCTL_TESTBED_PREFIX": env["EAPOLCTL_TESTBED_PREFIX"] ?? "eapol"]
        let script = Self.repositoryRoot.appendingPathComponent("scripts/testbed").path
        // The script starts a daemon that would inherit a pipe and keep it open: its output goes to a file.
        func testbedScript(_ action: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: script)
            process.arguments = ["supplicant", action]
            process.environment = ProcessInfo.processInfo.environment.merging(testbedEnv) { $1 }
            let output = try FileHandle(forWritingTo: { FileManager.default.createFile(atPath: dir.appendingPathComponent("testbed.out").path, contents: nil); return dir.appendingPathComponent("testbed.out") }())
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "scripts/testbed supplicant \(action) failed")
        }
        try testbedScript("stop")
        defer { try? testbedScript("start") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ip", "netns", "exec", env["TESTBED_NS_SUPP"]!, "wpa_supplicant", "-c", config.path,
                             "-i", env["TESTBED_IF_SUPP"]!, "-D", "wired", "-f", log.path]
        try process.run()
        defer {
            // Foundation starts children with signals blocked, so SIGTERM would never arrive: SIGKILL, by pid.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            guard process.isRunning else { break }
            let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if logText.contains("CTRL-EVENT-EAP-FAILURE") { break }
            if logText.contains("CTRL-EVENT-EAP-SUCCESS"), logText.contains("CTRL-EVENT-CONNECTED") { return }
        }
        let state = "see log"
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        Issue.record("wpa_supplicant -c did not authenticate (last \(state), running: \(process.isRunning)); log tail:\n\(logText.suffix(3000))")
    }
}
}
