import Foundation
import Testing

/// Strings from imported files and certificates are shown escaped in human output and exactly in JSON output,
/// run through the built binary as a user would.
@Suite struct TerminalInjectionTests {
    /// An OSC title change and a screen clear: what a hostile profile or certificate would carry.
    static let osc = "\u{1b}]0;pwned\u{07}"
    static let clear = "\u{1b}[2J"
    static let oscEscaped = #"\x1b]0;pwned\x07"#
    static let clearEscaped = #"\x1b[2J"#

    /// Whether `text` holds anything a terminal acts on (other than the line breaks and tabs eapolctl writes).
    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }

    /// The example PEAP profile with the given fields replaced, written as an eapolctl JSON profile file.
    static func profileFile(in dir: URL, id: String, name: String, ssid: String, username: String? = nil,
                            outerIdentity: String? = nil) throws -> URL {
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Profiles/corporate-peap.json")
        var profile = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: example)) as? [String: Any])
        profile["id"] = id
        profile["name"] = name
        var binding = try #require(profile["binding"] as? [String: Any])
        binding["ssid"] = ssid
        profile["binding"] = binding
        var eap = try #require(profile["eap"] as? [String: Any])
        if let username { eap["username"] = username }
        if let outerIdentity { eap["outerIdentity"] = outerIdentity }
        profile["eap"] = eap
        let url = dir.appendingPathComponent("\(id).json")
        try JSONSerialization.data(withJSONObject: profile).write(to: url)
        return url
    }

    /// Import refuses a name with control characters; the error naming the profile shows it escaped on the
    /// terminal and exactly in `--json`.
    @Test func importErrorNamingAHostileProfileIsEscaped() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let name = "Evil\(Self.osc)Corp\(Self.clear)"
        let file = try Self.profileFile(in: cli.baseDirectory, id: "11111111-2222-4333-8444-555555555501",
                                        name: name, ssid: "corp\(Self.clear)")
        let human = try cli.run(["profile", "import", file.path])
        #expect(human.status == 65)
        #expect(human.stderr.contains("profile 'Evil\(Self.oscEscaped)Corp\(Self.clearEscaped)'"), "\(human.stderr)")
        #expect(human.stderr.contains("  profile: Evil\(Self.oscEscaped)Corp\(Self.clearEscaped)\n"))
        #expect(!Self.hasRawControl(human.stderr) && !Self.hasRawControl(human.stdout))

        let json = try cli.run(["profile", "import", file.path, "--json"])
        #expect(json.status == 65)
        let error = try json.jsonError()
        #expect((error["message"] as? String)?.contains(name) == true)
        #expect((error["details"] as? [String: Any])?["profile"] as? String == name)
    }

    /// A profile whose fields carry control characters and a bidi override (the name validator refuses control
    /// characters but not U+202E): import output, `profile list` and `profile show` escape them; `--json` output
    /// round-trips the exact strings.
    @Test func importedProfileIsShownEscapedAndRoundTripsInJSON() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let id = "11111111-2222-4333-8444-555555555502"
        let name = "Corp\u{202e}lanretni"
        let ssid = "corp\(Self.clear)"
        let username = "alice\(Self.osc)"
        let outer = "anon\(Self.clear)@example.org"
        let file = try Self.profileFile(in: cli.baseDirectory, id: id, name: name, ssid: ssid, username: username,
                                        outerIdentity: outer)

        // Import refuses control characters in the identities (issue 10); the refusal names the fields, escaped.
        let refused = try cli.run(["profile", "import", file.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("eap.username") && refused.stderr.contains("eap.outerIdentity"), "\(refused.stderr)")
        #expect(!Self.hasRawControl(refused.stdout) && !Self.hasRawControl(refused.stderr))
        let hostile = cli.baseDirectory.appendingPathComponent("hostile.json")
        try FileManager.default.copyItem(at: file, to: hostile)
        // The same name and SSID with plain identities import (rewriting `file`), and the output escapes them.
        _ = try Self.profileFile(in: cli.baseDirectory, id: id, name: name, ssid: ssid, username: "alice", outerIdentity: "anon@example.org")
        let imported = try cli.run(["profile", "import", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains(#"Imported profile Corp\u{202e}lanretni"#), "\(imported.stdout)")
        #expect(imported.stdout.contains("hex:636F72701B5B324A"))  // an SSID with controls is shown in hex
        #expect(!Self.hasRawControl(imported.stdout) && !Self.hasRawControl(imported.stderr))
        // The hostile identities, planted behind eapolctl's back, are shown escaped below.
        let stored = cli.stateDir.appendingPathComponent("profiles/\(id).json")
        try FileManager.default.removeItem(at: stored)
        try FileManager.default.copyItem(at: hostile, to: stored)

        let list = try cli.run(["profile", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("\(id)\t" + #"Corp\u{202e}lanretni"# + "\thex:636F72701B5B324A"))
        #expect(!Self.hasRawControl(list.stdout))

        let show = try cli.run(["profile", "show", id])
        #expect(show.status == 0)
        #expect(show.stdout.contains(#"Corp\u{202e}lanretni"#))
        #expect(show.stdout.contains("alice\(Self.oscEscaped)\n"))
        #expect(show.stdout.contains("anon\(Self.clearEscaped)@example.org\n"))
        #expect(!Self.hasRawControl(show.stdout))

        // JSON: the exact strings (the encoder escapes them as \u001b, \u202e).
        let listJSON = try cli.run(["profile", "list", "--json"])
        // (JSON has no raw ESC; U+202E is not a JSON control character and stays as it is: JSON is for programs.)
        #expect(!listJSON.stdout.unicodeScalars.contains("\u{1b}"))
        let summary = try #require((listJSON.json()["profiles"] as? [[String: Any]])?.first)
        #expect(summary["name"] as? String == name)
        #expect(summary["ssid"] as? String == "hex:636F72701B5B324A")
        let shown = try #require(try cli.run(["profile", "show", id, "--json"]).json()["profile"] as? [String: Any])
        #expect(shown["name"] as? String == name)
        let eap = try #require((shown["profile"] as? [String: Any])?["eap"] as? [String: Any])
        #expect(eap["username"] as? String == username)
        #expect(eap["outerIdentity"] as? String == outer)
        let importJSON = try cli.run(["profile", "import", file.path, "--replace", "--json"])
        #expect((try importJSON.json()["profiles"] as? [[String: Any]])?.first?["name"] as? String == name)
    }

    /// A profile file placed in the state directory by something other than eapolctl's validated import (another
    /// tool, an older version, a restored backup) can hold any name: list and show still escape it.
    @Test func profileFileWrittenBehindOurBackIsShownEscaped() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        // Create the state directory and its profiles directory the normal way first.
        let seed = try Self.profileFile(in: cli.baseDirectory, id: "11111111-2222-4333-8444-555555555503",
                                        name: "Seed", ssid: "seed")
        #expect(try cli.run(["profile", "import", seed.path]).status == 0)
        let id = "11111111-2222-4333-8444-555555555504"
        let name = "Evil\(Self.osc)Corp\(Self.clear)"
        let planted = try Self.profileFile(in: cli.baseDirectory, id: id, name: name, ssid: "planted")
        try FileManager.default.copyItem(at: planted, to: cli.stateDir.appendingPathComponent("profiles/\(id).json"))

        let list = try cli.run(["profile", "list"])
        #expect(list.stdout.contains("\(id)\tEvil\(Self.oscEscaped)Corp\(Self.clearEscaped)\tplanted"), "\(list.stdout)")
        #expect(!Self.hasRawControl(list.stdout))
        let show = try cli.run(["profile", "show", id])
        #expect(show.stdout.contains("Name:           Evil\(Self.oscEscaped)Corp\(Self.clearEscaped)\n"), "\(show.stdout)")
        #expect(!Self.hasRawControl(show.stdout))
        let details = try cli.run(["profile", "list", "--details"])
        #expect(!Self.hasRawControl(details.stdout))
        // An error that names it.
        let remove = try cli.run(["password", "get", "--profile", id])
        #expect(remove.status != 0)
        #expect(!Self.hasRawControl(remove.stderr))
        let shownJSON = try #require(try cli.run(["profile", "show", id, "--json"]).json()["profile"] as? [String: Any])
        #expect(shownJSON["name"] as? String == name)
    }

    /// A CA certificate whose subject carries an escape sequence: `profile show` escapes it.
    @Test func certificateSubjectIsShownEscaped() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory, name: "Evil\(Self.osc) CA")
        let created = try cli.run(["createProfile", "--authType", "PEAP", "--SSID", "certssid", "--securityType", "WPA2",
                                   "--userDefinedName", "CertProfile", "--trustedCertificate", ca.path,
                                   "--trustedServerName", "radius.example.org"])
        #expect(created.status == 0, "\(created.stderr)")
        let show = try cli.run(["profile", "show", "--ssid", "certssid"])
        // The subject as RFC 4514 writes it (`;` becomes `\;`), then escaped for the terminal (`\` becomes `\\`).
        #expect(show.stdout.contains(#"  CA certificate: #1 CN=Evil\x1b]0\\;pwned\x07 CA"# + "\n"), "\(show.stdout)")
        #expect(show.stdout.contains(#"    issuer:       CN=Evil\x1b]0\\;pwned\x07 CA (self-signed)"# + "\n"))
        #expect(!Self.hasRawControl(show.stdout))
        let json = try #require(try cli.run(["profile", "show", "--ssid", "certssid", "--json"]).json()["profile"] as? [String: Any])
        let subject = (json["certificates"] as? [[String: Any]])?.first?["subject"] as? String
        #expect(subject == "CN=Evil\u{1b}]0\\;pwned\u{07} CA", "\(subject ?? "nil")")
    }

    /// eap-config: XML 1.0 cannot carry C0 controls such as ESC, even as character references (the importer
    /// refuses the file), but it can carry C1 controls (U+009B is a one-character CSI on some terminals) and bidi
    /// overrides. The provider name becomes the profile name.
    @Test func eapConfigProviderNameIsEscaped() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let url = try OnboardCommandTests.eapConfig(in: cli.baseDirectory)
        let original = try String(contentsOf: url, encoding: .utf8)
        func write(displayName: String) throws {
            try Data(original.replacingOccurrences(of: "<DisplayName>Onboard U</DisplayName>",
                                                   with: "<DisplayName>\(displayName)</DisplayName>").utf8).write(to: url)
        }

        // C1 controls: the name validator refuses the profile; the error names it escaped, JSON exactly.
        try write(displayName: "Onboard&#x9b;2J&#x85;U&#x202e;")
        let refused = try cli.run(["profile", "import", url.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains(#"profile 'Onboard\u{9b}2J\u{85}U\u{202e}"#), "\(refused.stderr)")
        #expect(!Self.hasRawControl(refused.stderr) && !Self.hasRawControl(refused.stdout))
        let refusedJSON = try cli.run(["profile", "import", url.path, "--json"])
        let profileName = try #require((try refusedJSON.jsonError()["details"] as? [String: Any])?["profile"] as? String)
        #expect(profileName.hasPrefix("Onboard\u{9b}2J\u{85}U\u{202e}"))

        // A bidi override passes the validator: the import output shows it escaped, the provider line too.
        try write(displayName: "Onboard&#x202e;U")
        let imported = try cli.run(["profile", "import", url.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains(#"Imported profile Onboard\u{202e}U"#), "\(imported.stdout)")
        #expect(imported.stdout.contains(#"Provider: Onboard\u{202e}U"#), "\(imported.stdout)")
        #expect(!Self.hasRawControl(imported.stdout) && !Self.hasRawControl(imported.stderr))
        let list = try cli.run(["profile", "list"])
        #expect(list.stdout.contains(#"Onboard\u{202e}U"#) && !Self.hasRawControl(list.stdout))
        let names = try #require(try cli.run(["profile", "list", "--json"]).json()["profiles"] as? [[String: Any]])
        #expect(names.contains { ($0["name"] as? String)?.hasPrefix("Onboard\u{202e}U") == true })
    }
}
