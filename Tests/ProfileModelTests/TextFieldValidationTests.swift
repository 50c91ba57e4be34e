import Foundation
import ProfileModel
import StructuredErrors
import Testing

/// Values that would end a value in an exported configuration file, with the character the message must name.
let forbiddenTextValues: [(value: String, character: String)] = [
    ("a\nb", "a line feed (U+000A)"),
    ("a\rb", "a carriage return (U+000D)"),
    ("a\tb", "a tab (U+0009)"),
    ("a\u{0}b", "a NUL character (U+0000)"),
    ("a\u{1B}[31mb", "a control character (U+001B)"),
    ("a\u{7F}b", "a DEL control character (U+007F)"),
    ("a\u{85}b", "a next-line (NEL) control character (U+0085)"),
    ("a\u{9B}b", "a C1 control character (U+009B)"),
    ("a\u{2028}b", "a line separator (U+2028)"),
    ("a\u{2029}b", "a paragraph separator (U+2029)"),
    ("/x\"\n}\nctrl_interface=DIR=/run/wpa_supplicant GROUP=users\nnetwork={\n\tssid=\"evil\"\n", "a line feed (U+000A)"),
    ("x\n[section]\nkey=value", "a line feed (U+000A)"),
]

/// Printable values that are special somewhere (quotes, braces, `=`, `#`, `;`, `[`, backslash, spaces): they are
/// accepted in names and identities, and the exporters escape them.
let printableSpecialValues: [String] = [
    "a\"b", "}", "{", "a=b", "#x", "[section]", "a\\b", " lead", "trail ", "a;b", "\\n", "ü€😀", "a]]>&<b",
]

@Suite struct TextFieldValidationTests {
    /// One generated CA for every test of the suite (openssl runs are slow).
    static let ca: TrustedCertificate = try! generatedCA()
    /// Each text field, how to set it, its JSON path and problem id.
    static let fields: [(field: String, id: String, set: @Sendable (inout Profile, String) -> Void)] = [
        ("name", "invalid-name", { $0.name = $1 }),
        ("eap.username", "invalid-username", { $0.eap.username = $1 }),
        ("eap.outerIdentity", "invalid-outer-identity", { $0.eap.outerIdentity = $1 }),
        ("trust.systemCABundlePath", "invalid-system-ca-path", { $0.trust.systemCABundlePath = "/etc/ssl/" + $1 }),
        ("binding.interface", "invalid-interface", { $0.binding = .wired(interface: String($1.prefix(15))) }),
    ]

    @Test func everyTextFieldRefusesControlCharactersAndLineBreaks() throws {
        let base = try samplePEAPProfile(ca: Self.ca)
        for (field, id, set) in Self.fields {
            for (value, character) in forbiddenTextValues {
                var profile = base
                set(&profile, value)
                let problems = ProfileValidator.problems(in: profile)
                let problem = try #require(problems.first { $0.field == field }, "\(field) accepted \(value.debugDescription)")
                #expect(problem.id == id)
                #expect(problems.count == 1, "\(problems)")
                if field != "binding.interface" {
                    // A path refuses a double quote too, and reports whichever comes first.
                    let firstQuote = value.unicodeScalars.firstIndex(of: "\"")
                    let firstOther = value.unicodeScalars.firstIndex { ProfileValidator.forbiddenCharacter(in: String($0)) != nil }
                    let quoteFirst = field == "trust.systemCABundlePath" && firstQuote != nil && firstQuote! < firstOther!
                    #expect(problem.message.contains(quoteFirst ? "a double quote (U+0022)" : character), "\(problem.message)")
                    #expect(problem.description.hasPrefix("\(field): "))
                }
                #expect(throws: ProfileError.self) { try profile.validated() }
            }
        }
    }

    @Test func aPathRefusesAQuoteButNamesAndIdentitiesKeepIt() throws {
        var profile = try samplePEAPProfile(ca: Self.ca)
        profile.trust.systemCABundlePath = "/etc/ssl/ca\"bundle.crt"
        let problem = try #require(ProfileValidator.problems(in: profile).first)
        #expect(problem.id == "invalid-system-ca-path" && problem.field == "trust.systemCABundlePath")
        #expect(problem.message.contains("a double quote (U+0022) at character 12"), "\(problem.message)")
        // Checked even when the system CAs are not used: the path is exported (eapolcfg, JSON) all the same.
        #expect(!profile.trust.useSystemCAs)

        for value in printableSpecialValues {
            var ok = try samplePEAPProfile(ca: Self.ca)
            ok.name = value
            ok.eap.username = value
            ok.eap.outerIdentity = value
            #expect(ProfileValidator.problems(in: ok).isEmpty, "\(value.debugDescription)")
        }
    }

    @Test func aServerNameBuiltWithoutParsingIsChecked() throws {
        var profile = try samplePEAPProfile(ca: Self.ca)
        profile.trust.serverNames = [.suffix("corp.example"), .exact("a\"\n}\nnetwork={")]
        let problems = ProfileValidator.problems(in: profile)
        #expect(problems.map(\.id) == ["invalid-server-name"])
        #expect(problems.map(\.field) == ["trust.serverNames[1]"])
        #expect(problems.first.map { !$0.message.contains("\n") } == true)
    }

    /// The reproduction: a JSON profile whose CA bundle path carries a quote and newlines no longer loads.
    @Test func jsonProfileWithAnInjectedPathIsRefusedAtLoad() throws {
        let profile = try samplePEAPProfile(ca: Self.ca)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(ProfileJSON.encode(profile))) as? [String: Any])
        var trust = try #require(object["trust"] as? [String: Any])
        trust["useSystemCAs"] = true
        trust["systemCABundlePath"] = forbiddenTextValues[10].value
        object["trust"] = trust
        var eap = try #require(object["eap"] as? [String: Any])
        eap["username"] = "alice\nidentity=\"mallory\""
        object["eap"] = eap
        let bytes = Array(try JSONSerialization.data(withJSONObject: object))
        let decoded = try ProfileJSON.decode(bytes, source: "evil.json")
        #expect(decoded.trust.systemCABundlePath == forbiddenTextValues[10].value)
        let error = try #require(throws: ProfileError.self) { try decoded.validated() }
        #expect(error.code == .invalidProfile)
        #expect(error.details["problemIDs"] == .list(["invalid-username", "invalid-system-ca-path"]))
        #expect(error.message.contains("trust.systemCABundlePath: the system CA bundle path contains a double quote (U+0022) at character 3"))
        #expect(error.message.contains("eap.username: the username contains a line feed (U+000A) at character 6"))
    }
}
