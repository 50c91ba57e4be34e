import Foundation
import Testing

/// `profile export --include-secrets` takes the stored secrets through the usual lookup (``ExportSecrets/stored(for:in:)``
/// in Provisioning): the password item is written, a PEM identity is named in a warning and left out, and without a
/// store nothing is found and the export says so.
@Suite struct ExportSecretsCommandTests {
    private func createProfile(_ cli: CLIRunner) throws -> String {
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let created = try cli.run(["profile", "create", "--name", "Corp", "--ssid", "corp", "--method", "peap",
                                   "--ca-cert", ca.path, "--server-name", "radius.example.org", "--username", "alice"])
        try #require(created.status == 0, "\(created.stderr)")
        return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func withoutAStoreNothingIsFoundAndTheExportSaysSo() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let id = try createProfile(cli)
        let export = try cli.run(["profile", "export", id, "--format", "wpa-supplicant", "--include-secrets"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("--include-secrets: no stored secret was found for profile Corp"))
        #expect(!export.stdout.contains("password="))
    }

    @Test func theStoredPasswordIsWrittenAndAPEMIdentityIsNamed() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let id = try createProfile(cli)
        #expect(try cli.run(["password", "set", "--ssid", "corp", "--password", "-"], stdin: "s3cret-pw").status == 0)
        let key = cli.baseDirectory.appendingPathComponent("client.key"), cert = cli.baseDirectory.appendingPathComponent("client.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                             "-keyout", key.path, "-out", cert.path, "-days", "30", "-subj", "/CN=alice"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)
        let identity = try cli.run(["identity", "set", "--profile", id, "--certificate", cert.path, "--private-key", key.path])
        #expect(identity.status == 0, "\(identity.stderr)")

        let export = try cli.run(["profile", "export", id, "--format", "wpa-supplicant", "--include-secrets"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("s3cret-pw"))
        #expect(export.stderr.contains("the stored identity is PEM; only PKCS#12 identities are embedded in exports"))
        #expect(export.stderr.contains("holds secrets in clear"))
        // Without --include-secrets the store is not even opened.
        let plain = try cli.run(["profile", "export", id, "--format", "wpa-supplicant"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("s3cret-pw") && !plain.stderr.contains("PEM"))
    }
}
