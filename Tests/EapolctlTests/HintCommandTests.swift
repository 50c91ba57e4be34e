import Foundation
import Testing
@testable import eapolctl

/// Every hint names a command that exists: each backticked `eapolctl …` (and each bare "eapolctl word …" in a hint)
/// of the error catalogue and of the sources is checked against the real command tree: the subcommand path must
/// exist, every option must be one of that command's (with its value when it takes one), and positional values need a
/// command that takes them; an option named alone ("run it again with --verbose") must be one of some command's. Placeholders (`PROFILE`, `<file>`) are values; other tools (`ip link`,
/// `systemctl`) are left alone.
@Suite struct HintCommandTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func everyCatalogueHintNamesRealCommands() {
        var problems: [String] = []
        for info in ErrorCatalog.all {
            for problem in CommandMentions.problems(in: info.hint, includeBare: true)
                + CommandMentions.problems(in: info.summary, includeBare: false) {
                problems.append("\(info.domain.rawValue).\(info.name): \(problem)")
            }
        }
        #expect(problems.isEmpty, "false commands in the error catalogue:\n\(problems.joined(separator: "\n"))")
    }

    @Test func everyHintInTheSourcesNamesRealCommands() throws {
        var problems: [String] = []
        var hints = 0, catalogueHints = 0
        for file in try Self.swiftFiles(under: Self.sources) {
            let source = try String(contentsOf: file, encoding: .utf8)
            let relative = String(file.path.dropFirst(Self.sources.deletingLastPathComponent().path.count + 1))
            for text in SwiftStringLiterals.texts(in: source) {
                if text.isHint { hints += 1 }
                if text.isCatalogueHint { catalogueHints += 1 }
                // Backticked commands count in any text the user reads; bare "eapolctl word" only in hints.
                for problem in CommandMentions.problems(in: text.text, includeBare: text.isHint) {
                    problems.append("\(relative):\(text.line): \(problem)")
                }
            }
        }
        #expect(problems.isEmpty, "false commands in Sources/:\n\(problems.joined(separator: "\n"))")
        // The scan sees the code types' info(name, summary, hint) entries: as many as the catalogue has codes.
        #expect(catalogueHints == ErrorCatalog.all.count)
        #expect(hints > catalogueHints + 50, "only \(hints) hint literals found: the scanner misses hints")
    }

    // MARK: - The checker itself

    @Test func falseCommandsAreCaught() {
        let falseOnes = [
            "`eapolctl scan`",                                              // no such command
            "`eapolctl password set PROFILE`",                              // password set takes --profile
            "`eapolctl password set MyProfile`",
            "`eapolctl profile edit PROFILE --ca-cert FILE`",               // edit's option is --add-ca-cert
            "`eapolctl auth start --interface IF --verbose`",               // no --verbose
            "`eapolctl profile`",                                           // a group, not a command
            "`eapolctl store list`",
            "`eapolctl dhcp renew --interface`",                            // option without its value
            "`eapolctl profile show A B`",                                  // one profile only
        ]
        for text in falseOnes {
            #expect(CommandMentions.problems(in: "Run " + text + ".", includeBare: true).count == 1, "\(text)")
        }
        #expect(CommandMentions.problems(in: "Run eapolctl scan now.", includeBare: true).count == 1)
        #expect(CommandMentions.problems(in: "see eapolctl password list --pkcs12 FILE.", includeBare: true).count == 1)
        #expect(CommandMentions.problems(in: "Run the command again with --verbose.", includeBare: true).count == 1)
        #expect(CommandMentions.problems(in: "unbalanced `eapolctl errors", includeBare: true).count == 1)
    }

    @Test func realCommandsPlaceholdersAndOtherToolsPass() {
        let good = [
            "Store it with `eapolctl password set --profile PROFILE --username NAME --password -`.",
            "Run `eapolctl auth start --interface <value> --profile PROFILE` first.",
            "Run `eapolctl auth start --interface IF …` first, or give `watch` --profile.",
            "`eapolctl store rekey --to key-file` or `eapolctl errors --domain eap --json`",
            "`eapolctl profile show Corp`, `eapolctl --help`, `eapolctl listProfiles`, `eapolctl SETPASSWORDITEM --SSID S`",
            "Check with `ip link show dev IF` and `systemctl status wpa_supplicant`.",
            "Another eapolctl process holds it; eapolctl profile list shows the IDs (eapolctl profile import --replace).",
            "restart eapolctl watch (systemd restarts it)",
        ]
        for text in good {
            #expect(CommandMentions.problems(in: text, includeBare: true).isEmpty, "\(text)")
        }
    }

    @Test func theScannerFindsHintsTheWaySourcesWriteThem() {
        let source = ##"""
            // hint: "`eapolctl commented`" is a comment
            throw E(.x, "message `eapolctl in-message`", hint: "Run `eapolctl a \(name) --b` "
                + "then `eapolctl c --interface " + interface + "`.", details: ["k": "not a hint"])
            let hint = flag
                ? "first"
                : #"second \#(x)"#
            let other = "after"
            info("name", "summary", "catalogue")
            let text = """
                multi \
                line
                """
            let d = ["hint": "dict"]
            """##
        let texts = SwiftStringLiterals.texts(in: source)
        let hints = texts.filter(\.isHint).map(\.text)
        #expect(hints == ["Run `eapolctl a <value> --b` then `eapolctl c --interface <value>`.", "first", "second <value>",
                          "catalogue", "dict"])
        #expect(texts.filter(\.isCatalogueHint).map(\.text) == ["catalogue"])
        #expect(texts.map(\.text).contains("message `eapolctl in-message`"))
        #expect(texts.contains { $0.text.split(whereSeparator: \.isWhitespace) == ["multi", "line"] })
        #expect(!texts.map(\.text).contains { $0.contains("commented") })
        #expect(texts.first { $0.text == "after" }?.isHint == false)
        #expect(texts.first { $0.text.hasPrefix("Run") }?.line == 2)
    }

    static func swiftFiles(under directory: URL) throws -> [URL] {
        let enumerator = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }
}
