import Foundation
import Testing

/// eapolcfg's profile information commands and the options issue 12 added to the item commands, run as a user
/// runs them (the real binary, real state directory, real plist files).
@Suite struct ProfileInformationCommandTests {
    static let typedPlist = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
            <key>Name</key><string>Corp VPN</string>
            <key>Count</key><integer>42</integer>
            <key>Ratio</key><real>1</real>
            <key>Enabled</key><true/>
            <key>Since</key><date>2024-01-01T00:00:00Z</date>
            <key>Blob</key><data>AAEC/w==</data>
            <key>List</key><array><string>a</string><integer>-7</integer></array>
            <key>Nested</key><dict><key>Deep</key><false/></dict>
        </dict>
        </plist>
        """

    /// A CLI with one PEAP profile for SSID corp.
    static func withProfile() throws -> CLIRunner {
        let cli = try CLIRunner()
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let created = try cli.run(["createProfile", "--authType", "PEAP", "--SSID", "corp", "--securityType", "WPA2",
                                   "--userDefinedName", "Corp", "--trustedCertificate", ca.path,
                                   "--trustedServerName", "radius.example.org"])
        try #require(created.status == 0, "\(created.stderr)")
        return cli
    }

    static func write(_ text: String, _ name: String, in cli: CLIRunner) throws -> String {
        let url = cli.baseDirectory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func setGetShowExportImportKeepEveryType() throws {
        let cli = try Self.withProfile()
        defer { cli.cleanUp() }
        let file = try Self.write(Self.typedPlist, "info.plist", in: cli)
        let set = try cli.run(["setProfileInformation", "--SSID", "corp", "--applicationID", "com.example.vpn",
                               "--information", file])
        #expect(set.status == 0, "\(set.stderr)")

        let get = try cli.run(["getprofileinformation", "--ssid", "corp", "--applicationid", "com.example.vpn"])
        #expect(get.status == 0, "\(get.stderr)")
        for fragment in ["<integer>42</integer>", "<real>1</real>", "<true/>", "<false/>", "<date>2024-01-01T00:00:00Z</date>",
                         "<data>", "AAEC/w==", "<integer>-7</integer>", "<string>Corp VPN</string>"] {
            #expect(get.stdout.contains(fragment), "\(fragment) missing from:\n\(get.stdout)")
        }
        let original = try PropertyListSerialization.propertyList(from: Data(Self.typedPlist.utf8), format: nil) as? NSDictionary
        let printed = try PropertyListSerialization.propertyList(from: Data(get.stdout.utf8), format: nil) as? NSDictionary
        #expect(original != nil && printed == original)

        let json = try cli.run(["getProfileInformation", "--SSID", "corp", "--applicationID", "com.example.vpn", "--json"])
        let information = try #require(try json.json()["information"] as? [String: Any])
        #expect((information["Count"] as? [String: Any])?["integer"] as? Int == 42)
        #expect((information["Ratio"] as? [String: Any])?["real"] as? Double == 1)
        #expect((information["Blob"] as? [String: Any])?["data"] as? String == "AAEC/w==")
        #expect((information["Since"] as? [String: Any])?["date"] as? String == "2024-01-01T00:00:00Z")

        let details = try cli.run(["showProfile", "--SSID", "corp", "--details"])
        #expect(details.stdout.contains("com.example.vpn:") && details.stdout.contains("<integer>42</integer>"))
        let plain = try cli.run(["showProfile", "--SSID", "corp"])
        #expect(!plain.stdout.contains("com.example.vpn"))

        // eapolcfg plist out, into a fresh state directory, and the same plist comes back.
        let exported = try cli.run(["exportProfile", "--SSID", "corp", "--format", "eapolcfg"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("<key>com.example.vpn</key>"))
        let other = try CLIRunner()
        defer { other.cleanUp() }
        let path = try Self.write(exported.stdout, "exported.plist", in: other)
        let imported = try other.run(["importProfile", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try other.run(["getProfileInformation", "--SSID", "corp", "--applicationID", "com.example.vpn"])
        #expect(again.stdout == get.stdout)
    }

    @Test func clearRemovesOnlyThatApplication() throws {
        let cli = try Self.withProfile()
        defer { cli.cleanUp() }
        let file = try Self.write(Self.typedPlist, "info.plist", in: cli)
        for app in ["com.example.a", "com.example.b"] {
            #expect(try cli.run(["setProfileInformation", "--SSID", "corp", "--applicationID", app, "--information", file]).status == 0)
        }
        #expect(try cli.run(["clearProfileInformation", "--SSID", "corp", "--applicationID", "com.example.a"]).status == 0)
        let gone = try cli.run(["getProfileInformation", "--SSID", "corp", "--applicationID", "com.example.a", "--json"])
        #expect(gone.status != 0)
        let error = try gone.jsonError()
        #expect(error["domain"] as? String == "profile")
        #expect(error["name"] as? String == "no-profile-information" || error["code"] as? Int == 222)
        #expect(try cli.run(["getProfileInformation", "--SSID", "corp", "--applicationID", "com.example.b"]).status == 0)
        #expect(try cli.run(["clearProfileInformation", "--SSID", "corp", "--applicationID", "com.example.a"]).status != 0)
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let cli = try Self.withProfile()
        defer { cli.cleanUp() }
        let good = try Self.write(Self.typedPlist, "info.plist", in: cli)
        #expect(try cli.run(["setProfileInformation", "--SSID", "corp", "--applicationID", "com.example.keep", "--information", good]).status == 0)
        let before = try cli.run(["profile", "show", "--ssid", "corp", "--json"]).stdout

        let array = try Self.write("<plist version=\"1.0\"><array><string>x</string></array></plist>", "array.plist", in: cli)
        let big = try Self.write("<plist version=\"1.0\"><dict><key>k</key><string>\(String(repeating: "x", count: 70_000))</string></dict></plist>",
                                 "big.plist", in: cli)
        let broken = try Self.write("<plist version=\"1.0\"><dict><key>k</key>", "broken.plist", in: cli)
        let cases: [([String], String)] = [
            (["--applicationID", "nodots", "--information", good], "application ID 'nodots'"),
            (["--applicationID", "org.eapolctl", "--information", good], "eapolctl's own key"),
            (["--applicationID", "com.exa mple", "--information", good], "application ID"),
            (["--applicationID", "com.example.x", "--information", array], "top level is not a dictionary"),
            (["--applicationID", "com.example.x", "--information", big], "over the limit"),
            (["--applicationID", "com.example.x", "--information", broken], "not a valid property list"),
            (["--applicationID", "com.example.x", "--information", "/nonexistent/info.plist"], "does not exist"),
            (["--applicationID", "com.example.x"], "--information"),
        ]
        for (arguments, message) in cases {
            let result = try cli.run(["setProfileInformation", "--SSID", "corp"] + arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let domain = try cli.run(["setProfileInformation", "--domain", "example.com", "--applicationID", "com.example.x", "--information", good])
        #expect(domain.status != 0 && domain.stderr.contains("no Passpoint profile has the home domain 'example.com'"), "\(domain.stderr)")
        #expect(try cli.run(["profile", "show", "--ssid", "corp", "--json"]).stdout == before)
    }

    /// A string with a C1 control (CSI) passes the plist parser and the XML writer; on a terminal it would start
    /// an escape sequence, so it is printed escaped. A C0 control (ESC, via a binary plist) is refused outright.
    @Test func hostileTextIsEscapedOrRefused() throws {
        let cli = try Self.withProfile()
        defer { cli.cleanUp() }
        let csi = try Self.write("<plist version=\"1.0\"><dict><key>k</key><string>\u{9B}31mRED</string></dict></plist>",
                                 "csi.plist", in: cli)
        #expect(try cli.run(["setProfileInformation", "--SSID", "corp", "--applicationID", "com.example.x", "--information", csi]).status == 0)
        for arguments in [["getProfileInformation", "--SSID", "corp", "--applicationID", "com.example.x"],
                          ["showProfile", "--SSID", "corp", "--details"]] {
            let shown = try cli.run(arguments)
            #expect(shown.status == 0)
            #expect(!shown.stdout.unicodeScalars.contains("\u{9B}"), "\(arguments) printed a raw CSI")
            #expect(shown.stdout.contains("31mRED"))
        }

        let binary = try PropertyListSerialization.data(fromPropertyList: ["k": "\u{1B}[2J"], format: .binary, options: 0)
        let url = cli.baseDirectory.appendingPathComponent("esc.plist")
        try binary.write(to: url)
        let refused = try cli.run(["setProfileInformation", "--SSID", "corp", "--applicationID", "com.example.y", "--information", url.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("control character"), "\(refused.stderr)")
    }

    @Test func getPasswordItemPrintsWhatIsAskedAndNeverThePassword() throws {
        let cli = try Self.withProfile()
        defer { cli.cleanUp() }
        #expect(try cli.run(["setPasswordItem", "--name", "alice", "--password", "-", "--SSID", "corp"], stdin: "s3cret\n").status == 0)

        let neither = try cli.run(["getPasswordItem", "--SSID", "corp"])
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("Must specify at least one of name or password"))
        let name = try cli.run(["getPasswordItem", "--name", "--SSID", "corp"])
        #expect(name.stdout == "Name: alice\n")
        let password = try cli.run(["getPasswordItem", "--password", "--system", "--SSID", "corp"])
        #expect(password.stdout == "Password: ************\n")
        let both = try cli.run(["getPasswordItem", "--name", "--password", "--SSID", "corp", "--json"])
        let item = try #require(try both.json()["item"] as? [String: Any])
        #expect(item["username"] as? String == "alice" && item["password"] as? String == "************")
        for result in [name, password, both] { #expect(!result.stdout.contains("s3cret")) }
    }

    @Test func systemAndDomainOptions() throws {
        let cli = try Self.withProfile()
        defer { cli.cleanUp() }
        // --system names the same item: there is one store.
        #expect(try cli.run(["setPasswordItem", "--system", "--name", "bob", "--password", "-", "--SSID", "corp"], stdin: "x\n").status == 0)
        #expect(try cli.run(["getPasswordItem", "--name", "--SSID", "corp"]).stdout == "Name: bob\n")
        let identity = try cli.run(["getIdentity", "--system", "--SSID", "corp", "--json"])
        #expect(try identity.jsonError()["domain"] as? String == "store", "\(identity.stderr)")
        let cleared = try cli.run(["clearIdentity", "--system", "--SSID", "corp"])
        #expect(!cleared.stderr.contains("Unknown option"))

        // --domain names a Passpoint profile by its home domain; none has example.com here.
        for arguments in [["getPasswordItem", "--name", "--domain", "example.com"],
                          ["getIdentity", "--system", "--domain", "example.com"]] {
            let result = try cli.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains("no Passpoint profile has the home domain 'example.com'"), "\(arguments): \(result.stderr)")
        }
    }

    /// eapolcfg's `--domain` names the Passpoint profile with that home domain (without case) in the item, profile
    /// and information commands, exactly like `--SSID` names a Wi-Fi profile.
    @Test func domainNamesThePasspointProfile() throws {
        let cli = try Self.withProfile()
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let created = try cli.run(["createProfile", "--authType", "TTLS", "--domain", "hotspot.example.net",
                                   "--userDefinedName", "Hotspot", "--trustedCertificate", ca.path,
                                   "--trustedServerName", "aaa.example.net"])
        try #require(created.status == 0, "\(created.stderr)")
        let set = try cli.run(["setPasswordItem", "--domain", "HOTSPOT.example.net", "--name", "carol", "--password", "-"], stdin: "pw\n")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try cli.run(["getPasswordItem", "--name", "--domain", "hotspot.example.net"]).stdout == "Name: carol\n")
        // The Wi-Fi profile's item is a different one.
        #expect(try cli.run(["getPasswordItem", "--name", "--SSID", "corp"]).status != 0)
        let shown = try cli.run(["showProfile", "--domain", "hotspot.example.net"])
        #expect(shown.status == 0 && shown.stdout.contains("Hotspot"), "\(shown.stderr)")
        let both = try cli.run(["getPasswordItem", "--name", "--domain", "hotspot.example.net", "--SSID", "corp"])
        #expect(both.status == 64, "\(both.stderr)")
        let unknown = try cli.run(["showProfile", "--domain", "other.example.net", "--json"])
        #expect(try unknown.jsonError()["name"] as? String == "profile-not-found", "\(unknown.stderr)")
    }
}
