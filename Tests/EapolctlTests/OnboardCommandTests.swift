import Foundation
import Testing

/// `eapolctl onboard` and multi-profile `profile import`, run as a separate process.
@Suite struct OnboardCommandTests {
    /// A two-SSID PEAP eap-config with a CA made by openssl now.
    static func eapConfig(in directory: URL, helpdesk: Bool = true) throws -> URL {
        let key = directory.appendingPathComponent("ca.key").path
        let pem = directory.appendingPathComponent("ca.pem").path
        for args in [["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", pem,
                      "-days", "30", "-subj", "/CN=Onboard CA", "-addext", "basicConstraints=critical,CA:TRUE"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = args
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let text = try String(contentsOfFile: pem, encoding: .utf8)
        let b64 = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let xml = """
            <?xml version="1.0"?>
            <EAPIdentityProviderList><EAPIdentityProvider ID="onboard.example.org">
            <AuthenticationMethods><AuthenticationMethod><EAPMethod><Type>25</Type></EAPMethod>
            <ServerSideCredential><CA format="X.509" encoding="base64">\(b64)</CA><ServerID>radius.example.org</ServerID></ServerSideCredential>
            <ClientSideCredential><OuterIdentity>anonymous@example.org</OuterIdentity><InnerIdentitySuffix>example.org</InnerIdentitySuffix></ClientSideCredential>
            <InnerAuthenticationMethod><EAPMethod><Type>26</Type></EAPMethod></InnerAuthenticationMethod></AuthenticationMethod></AuthenticationMethods>
            <CredentialApplicability><IEEE80211><SSID>onboard-one</SSID></IEEE80211><IEEE80211><SSID>onboard-two</SSID></IEEE80211></CredentialApplicability>
            <ProviderInfo><DisplayName>Onboard U</DisplayName>\(helpdesk ? "<Helpdesk><EmailAddress>help@example.org</EmailAddress></Helpdesk>" : "")</ProviderInfo>
            </EAPIdentityProvider></EAPIdentityProviderList>
            """
        let url = directory.appendingPathComponent("onboard.eap-config")
        try Data(xml.utf8).write(to: url)
        return url
    }

    @Test func onboardIsIdempotentAndStoresThePassword() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let file = try Self.eapConfig(in: cli.baseDirectory)
        let first = try cli.run(["onboard", file.path, "--username", "alice", "--password-stdin", "--json"], stdin: "secret-pw\n")
        #expect(first.status == 0, "\(first.stderr)")
        let report = try first.json()
        let profiles = try #require(report["profiles"] as? [[String: Any]])
        #expect(profiles.count == 2)
        #expect(profiles.allSatisfy { $0["status"] as? String == "created" && $0["storedPassword"] as? Bool == true })
        #expect(!first.stdout.contains("secret-pw"))

        let second = try cli.run(["onboard", file.path, "--username", "alice", "--password-stdin", "--json"], stdin: "secret-pw\n")
        #expect(second.status == 0, "\(second.stderr)")
        let again = try #require(try second.json()["profiles"] as? [[String: Any]])
        #expect(again.allSatisfy { $0["status"] as? String == "unchanged" })
        #expect(again.map { $0["id"] as? String } == profiles.map { $0["id"] as? String })

        let list = try cli.run(["profile", "list", "--json"]).json()
        #expect((list["profiles"] as? [Any])?.count == 2)
        let passwords = try cli.run(["password", "list", "--json"]).json()
        let items = try #require(passwords["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0["username"] as? String == "alice@example.org" })
        // No profile file holds the password.
        let profileDir = cli.stateDir.appendingPathComponent("profiles")
        for name in try FileManager.default.contentsOfDirectory(atPath: profileDir.path) {
            let text = try String(contentsOfFile: profileDir.appendingPathComponent(name).path, encoding: .utf8)
            #expect(!text.contains("secret-pw"))
        }
    }

    @Test func failureShowsHelpdeskAndImportsNothing() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let file = try Self.eapConfig(in: cli.baseDirectory)
        let result = try cli.run(["onboard", file.path, "--username", "alice@elsewhere.org", "--password-stdin"], stdin: "pw\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("help@example.org"))
        let list = try cli.run(["profile", "list", "--json"]).json()
        #expect((list["profiles"] as? [Any])?.isEmpty == true)
    }

    @Test func importIsAllOrNothing() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let file = try Self.eapConfig(in: cli.baseDirectory)
        // A profile already holds the second SSID: without --replace, nothing of the file is imported.
        let existing = try cli.run(["profile", "create", "--name", "Other", "--ssid", "onboard-two", "--security", "wpa2",
                                    "--method", "peap", "--insecure-no-server-validation"])
        try #require(existing.status == 0, "\(existing.stderr)")
        let result = try cli.run(["profile", "import", file.path, "--json"])
        #expect(result.status != 0)
        let list = try cli.run(["profile", "list", "--json"]).json()
        #expect((list["profiles"] as? [Any])?.count == 1)
        let replaced = try cli.run(["profile", "import", file.path, "--replace", "--json"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect((try cli.run(["profile", "list", "--json"]).json()["profiles"] as? [Any])?.count == 2)
    }
}
