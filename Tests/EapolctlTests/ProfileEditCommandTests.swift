import Foundation
import ProfileModel
import Testing
@testable import eapolctl

/// `eapolctl profile edit`, run as a user runs it: the profile keeps its ID and its secrets, every refusal leaves the
/// stored files as they were, and eapolcfg's export/`importProfile --replace` round trip keeps the secrets too.
@Suite struct ProfileEditCommandTests {
    /// A profile `Corp` for SSID `corp` with one CA; returns its ID and the CA's fingerprint.
    static func createCorp(_ cli: CLIRunner) throws -> (id: String, ca: URL) {
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let created = try cli.run(["profile", "create", "--name", "Corp", "--ssid", "corp", "--method", "peap",
                                   "--ca-cert", ca.path, "--server-name", "radius.example.org", "--username", "alice"])
        try #require(created.status == 0, "\(created.stderr)")
        return (created.stdout.trimmingCharacters(in: .whitespacesAndNewlines), ca)
    }

    static func fingerprint(of pem: URL) throws -> String {
        let certificate = try TrustedCertificate.parse(Array(try Data(contentsOf: pem)), source: pem.path)[0]
        return certificate.summary.sha256Fingerprint
    }

    func profileFile(_ cli: CLIRunner, _ id: String) -> URL {
        cli.stateDir.appendingPathComponent("profiles/\(id).json")
    }

    /// The password items as `password list --json` shows them: key description -> user name.
    func passwordKeys(_ cli: CLIRunner) throws -> [String: String] {
        let items = try #require(try cli.run(["password", "list", "--json"]).json()["items"] as? [[String: Any]])
        var keys: [String: String] = [:]
        for item in items {
            let key = try #require(item["key"] as? [String: Any])
            let text = switch key["kind"] as? String {
            case "profile": "profile \(key["profileID"] as? String ?? "?")"
            case "ssid": "SSID \"\(key["ssid"] as? String ?? "?")\""
            default: "\(key)"
            }
            keys[text] = item["username"] as? String
        }
        return keys
    }

    @Test func editKeepsTheIDAndTheSecretsAndReportsWhatChanged() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let (id, _) = try Self.createCorp(cli)
        #expect(try cli.run(["password", "set", "--profile", id, "--username", "alice", "--password", "-"], stdin: "pw1").status == 0)
        let result = try cli.run(["profile", "edit", "Corp", "--add-server-name", "exact:radius2.example.org",
                                  "--username", "bob", "--tls-min", "1.2", "--hidden", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["id"] as? String == id)
        let changed = try #require(json["changed"] as? [[String: Any]])
        #expect(changed.map { $0["field"] as? String } == ["binding.hidden", "eap.username", "trust.serverNames", "trust.tlsMinVersion"])
        #expect(changed[1]["old"] as? String == "alice" && changed[1]["new"] as? String == "bob")
        #expect(changed[3]["old"] is NSNull && changed[3]["new"] as? String == "1.2")
        let view = try #require(json["profile"] as? [String: Any])
        #expect(view["id"] as? String == id)

        let show = try cli.run(["profile", "show", id, "--json"]).json()
        let profile = try #require((show["profile"] as? [String: Any])?["profile"] as? [String: Any])
        #expect((profile["eap"] as? [String: Any])?["username"] as? String == "bob")
        #expect((profile["trust"] as? [String: Any])?["serverNames"] as? [String] == ["radius.example.org", "exact:radius2.example.org"])
        let secret = try cli.run(["password", "get", "--profile", id, "--json"])
        #expect(secret.status == 0, "the password item keyed by the profile ID is still there: \(secret.stderr)")
    }

    @Test func humanOutputListsEachChange() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let (id, ca) = try Self.createCorp(cli)
        let secondDir = cli.baseDirectory.appendingPathComponent("second")
        try FileManager.default.createDirectory(at: secondDir, withIntermediateDirectories: true)
        let other = try ProfileCommandsTests.makeCA(in: secondDir, name: "Second CA")
        let result = try cli.run(["profile", "edit", "--ssid", "corp", "--remove-ca-cert", try Self.fingerprint(of: ca),
                                  "--add-ca-cert", other.path, "--no-username"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Edited profile Corp (\(id)):\n"))
        #expect(result.stdout.contains("  eap.username: alice -> (none)\n"))
        #expect(result.stdout.contains("  trust.caCertificates: removed CN=Test CA (SHA-256 \(try Self.fingerprint(of: ca)))\n"))
        #expect(result.stdout.contains("  trust.caCertificates: added CN=Second CA (SHA-256 \(try Self.fingerprint(of: other)))\n"))
        let again = try cli.run(["profile", "edit", "Corp", "--no-username"])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("Unchanged profile Corp"))
    }

    @Test func refusalsChangeNothing() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let (id, ca) = try Self.createCorp(cli)
        let file = profileFile(cli, id)
        let before = try Data(contentsOf: file)
        let index = try Data(contentsOf: cli.stateDir.appendingPathComponent("profiles.index"))

        // The last CA cannot go: the same error create gives for a profile without a trust anchor.
        let last = try cli.run(["profile", "edit", "Corp", "--remove-ca-cert", try Self.fingerprint(of: ca), "--json"])
        #expect(last.status == 65)
        let error = try last.jsonError()
        #expect(error["name"] as? String == "invalid-profile")
        #expect((error["details"] as? [String: Any])?["problemIDs"] as? [String] == ["missing-trust-anchor"])
        let create = try cli.run(["profile", "create", "--name", "Bare", "--ssid", "bare", "--method", "peap",
                                  "--server-name", "radius.example.org", "--json"])
        #expect(try create.jsonError()["name"] as? String == "invalid-profile")

        // A CA that is not there is named.
        let absent = String(repeating: "0f:", count: 31) + "0f"
        let missing = try cli.run(["profile", "edit", "Corp", "--remove-ca-cert", absent.replacingOccurrences(of: ":", with: "").uppercased(), "--json"])
        #expect(missing.status == 65)
        #expect(try missing.jsonError()["name"] as? String == "not-in-profile")
        #expect((try missing.jsonError()["message"] as? String)?.contains(absent) == true)

        // WPA3-192 needs EAP-TLS.
        let suiteB = try cli.run(["profile", "edit", "Corp", "--security", "wpa3-192", "--json"])
        #expect((try suiteB.jsonError()["details"] as? [String: Any])?["problemIDs"] as? [String] == ["suite-b-requires-tls"])

        // No change at all: a usage error whose hint names the command.
        let nothing = try cli.run(["profile", "edit", "Corp", "--json"])
        #expect(nothing.status == 64)
        #expect((try nothing.jsonError()["hint"] as? String)?.contains("eapolctl profile edit") == true)

        // Contradicting options.
        let both = try cli.run(["profile", "edit", "Corp", "--username", "x", "--no-username"])
        #expect(both.status == 64)

        // A file that is not a certificate: nothing read half-way is kept.
        let junk = cli.baseDirectory.appendingPathComponent("junk.pem")
        try Data("not a certificate".utf8).write(to: junk)
        #expect(try cli.run(["profile", "edit", "Corp", "--add-ca-cert", junk.path, "--username", "y"]).status == 65)

        #expect(try Data(contentsOf: file) == before)
        #expect(try Data(contentsOf: cli.stateDir.appendingPathComponent("profiles.index")) == index)
    }

    @Test func anotherProfilesSSIDIsRefusedAndThatProfileStays() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let (id, _) = try Self.createCorp(cli)
        let other = try cli.run(["profile", "create", "--name", "Guest", "--ssid", "guest", "--method", "peap",
                                 "--insecure-no-server-validation"])
        let otherID = other.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try Data(contentsOf: profileFile(cli, id))
        let clash = try cli.run(["profile", "edit", "Corp", "--ssid-set", "guest", "--json"])
        #expect(clash.status == 65)
        #expect(try clash.jsonError()["name"] as? String == "duplicate-ssid")
        #expect((try clash.jsonError()["hint"] as? String)?.contains("eapolctl profile remove \(otherID)") == true)
        #expect(try cli.run(["profile", "show", otherID]).status == 0)
        #expect(try Data(contentsOf: profileFile(cli, id)) == before)
    }

    @Test func newSSIDTakesTheSSIDsSecretsAlong() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let (id, _) = try Self.createCorp(cli)
        #expect(try cli.run(["setPasswordItem", "--SSID", "corp", "--name", "alice", "--password", "-"], stdin: "pw\n").status == 0)
        let result = try cli.run(["profile", "edit", "--ssid", "corp", "--ssid-set", "corp-5g", "--security", "wpa3", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try result.json()["movedSecrets"] as? [String] == [#"password item: SSID "corp" -> SSID "corp-5g""#])
        #expect(try passwordKeys(cli) == [#"SSID "corp-5g""#: "alice"])
        #expect(try cli.run(["getPasswordItem", "--name", "--SSID", "corp-5g"]).status == 0)
        #expect(try cli.run(["profile", "show", "--ssid", "corp-5g", "--json"]).json()["profile"] != nil)

        // Turning it wired: the item moves to the profile's ID, the only key a wired profile is found by.
        let wired = try cli.run(["profile", "edit", id, "--wired", "--wired-interface", "eth1", "--json"])
        #expect(wired.status == 0, "\(wired.stderr)")
        #expect(try passwordKeys(cli) == ["profile \(id)": "alice"])
    }

    @Test func newSSIDWhoseKeyIsTakenMovesTheItemToTheProfileID() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let (id, _) = try Self.createCorp(cli)
        #expect(try cli.run(["password", "set", "--ssid", "corp", "--username", "alice", "--password", "-"], stdin: "a").status == 0)
        #expect(try cli.run(["password", "set", "--ssid", "new", "--username", "stranger", "--password", "-"], stdin: "b").status == 0)
        #expect(try cli.run(["profile", "edit", "Corp", "--ssid-set", "new"]).status == 0)
        #expect(try passwordKeys(cli) == [#"SSID "new""#: "stranger", "profile \(id)": "alice"])
    }

    @Test func eapolcfgImportReplaceKeepsTheSecrets() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let created = try cli.run(["createProfile", "--authType", "PEAP", "--SSID", "myssid", "--securityType", "WPA2",
                                   "--userDefinedName", "MyProfile", "--trustedCertificate", ca.path,
                                   "--trustedServerName", "radius.example.org", "--userName", "alice"])
        try #require(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run(["setPasswordItem", "--SSID", "myssid", "--name", "alice", "--password", "-"], stdin: "s1\n").status == 0)
        #expect(try cli.run(["password", "set", "--profile", id, "--username", "alice", "--password", "-"], stdin: "s2").status == 0)
        let exported = try cli.run(["exportProfile", "--SSID", "myssid", "--format", "eapolcfg"])
        try #require(exported.status == 0, "\(exported.stderr)")
        // The eapolcfg user's edit: a new display name in the plist.
        let edited = exported.stdout.replacingOccurrences(of: "<string>MyProfile</string>", with: "<string>Renamed</string>")
        #expect(edited != exported.stdout)
        let file = cli.baseDirectory.appendingPathComponent("edited.plist")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["importProfile", "--replace", file.path, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let entry = try #require((try imported.json()["profiles"] as? [[String: Any]])?.first)
        #expect(entry["id"] as? String == id)
        #expect(entry["status"] as? String == "replaced")
        #expect(try passwordKeys(cli) == [#"SSID "myssid""#: "alice", "profile \(id)": "alice"])
        #expect(try cli.run(["showProfile", "--SSID", "myssid"]).stdout.contains("Renamed"))
    }

    @Test func humanReportEscapesUntrustedText() throws {
        var profile = Profile(name: "Corp", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap),
                              trust: TrustSettings(insecureNoServerValidation: true))
        profile.name = "Evil\u{1b}]0;owned\u{07}"
        let report = ProfileActions.Edited(
            id: profile.id.description,
            changed: [ProfileChange(field: "trust.caCertificates", old: nil, new: "CN=x\n  eap.username: forged\u{1b}[2J"),
                      ProfileChange(field: "eap.username", old: "a\u{202e}b", new: "c\r\nd")],
            movedSecrets: ["identity: SSID \"a\nb\" -> profile X"], profile: ProfileActions.ProfileView(profile))
        let text = ProfileActions.editText(report)
        #expect(text.split(separator: "\n").count == 4, "one line per change and the title: \(text)")
        #expect(!TerminalTextTests.containsRawControl(text, allowingLayout: true))
        #expect(text.contains(#"CN=x\n  eap.username: forged\x1b[2J"#))
        #expect(text.contains(#"c\r\nd"#))
    }
}
