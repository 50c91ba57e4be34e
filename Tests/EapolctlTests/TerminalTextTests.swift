import DHCPClient
import Foundation
import Orchestration
import StructuredErrors
import Testing
@testable import eapolctl

/// `TerminalText` and the human lines built on it: nothing from the network or a file reaches the terminal as a
/// control sequence.
@Suite struct TerminalTextTests {
    /// Every scalar a terminal could act on, as `TerminalText` escapes it.
    static func containsRawControl(_ text: String, allowingLayout: Bool = false) -> Bool {
        text.unicodeScalars.contains { scalar in
            if allowingLayout && (scalar == "\n" || scalar == "\t") { return false }
            return TerminalText.needsEscape(scalar) && scalar != "\\"
        }
    }

    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(TerminalText.escaped("\u{1b}]0;pwned\u{07}") == #"\x1b]0;pwned\x07"#)
        #expect(TerminalText.escaped("\u{1b}[2J") == #"\x1b[2J"#)
        #expect(TerminalText.escaped("a\u{00}b\u{7f}c") == #"a\x00b\x7fc"#)
        #expect(TerminalText.escaped("line\nnext\r\tend") == #"line\nnext\r\tend"#)
        // C1 controls (U+009B is a one-character CSI on some terminals) and bidi overrides / isolates / marks.
        #expect(TerminalText.escaped("\u{9b}2J\u{85}") == #"\u{9b}2J\u{85}"#)
        #expect(TerminalText.escaped("abc\u{202e}fed\u{202a}\u{202c}\u{2066}x\u{2069}\u{200f}\u{061c}")
                == #"abc\u{202e}fed\u{202a}\u{202c}\u{2066}x\u{2069}\u{200f}\u{61c}"#)
        #expect(TerminalText.escaped("a\u{2028}b\u{2029}") == #"a\u{2028}b\u{2029}"#)
    }

    @Test func backslashIsEscapedSoTheOutputIsUnambiguous() {
        // A name that really contains the text `\x1b` must not look like one that contains ESC.
        #expect(TerminalText.escaped(#"C:\x1b"#) == #"C:\\x1b"#)
        #expect(TerminalText.escaped(#"C:\x1b"#) != TerminalText.escaped("C:\u{1b}"))
    }

    @Test func printableTextIsUnchanged() {
        for text in ["", "Corp Wi-Fi", "Zürich Université – Ωmega", "東京大学 eduroam", "café 🙂 ñ", "CN=radius,O=Example\u{301}",
                     "a-b_c.d:e/f@g (h) [i] {j} 'k' \"l\" %m ~n"] {
            #expect(TerminalText.escaped(text) == text)
            #expect(TerminalText.escapedKeepingLayout(text) == text)
        }
    }

    @Test func layoutModeKeepsOurLineBreaksAndTabsOnly() {
        #expect(TerminalText.escapedKeepingLayout("Name:\tX\u{1b}[2J\nID:\t1\r\n")
                == "Name:\tX" + #"\x1b[2J"# + "\nID:\t1" + #"\r"# + "\n")
    }

    @Test func everyScalarThatNeedsEscapingIsEscaped() {
        var all = String.UnicodeScalarView()
        for value in Array(0x00...0x9F) + [0x061C, 0x200E, 0x200F, 0x2028, 0x2029] + Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            all.append(Unicode.Scalar(UInt32(value))!)
        }
        let escaped = TerminalText.escaped(String(all))
        #expect(!Self.containsRawControl(escaped))
    }

    // MARK: Human lines of the views, as Output writes them

    @Test func authEventLineEscapesACertificateSubject() throws {
        let subject = "CN=evil\u{1b}]0;pwned\u{07}\u{1b}[2J\u{202e}moc.elpmaxe,O=\u{9b}31m"
        let update = AuthenticationUpdate(.exchange(.serverCertificate(depth: 0, subject: subject, fingerprint: "ab:cd",
                                                                       subjectAltNames: [])),
                                          elapsed: .milliseconds(12))
        let human = try #require(AuthEventLine(update: update).human)
        let written = Output.humanLine(human)
        #expect(written.hasSuffix(#"server certificate depth 0: CN=evil\x1b]0;pwned\x07\x1b[2J\u{202e}moc.elpmaxe,O=\u{9b}31m SHA-256 ab:cd"#))
        #expect(!Self.containsRawControl(written))
        // JSON keeps the exact subject (the encoder escapes it as \u001b).
        let json = Output.encode(AuthEventLine(update: update))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["subject"] as? String == subject)
        #expect(!json.unicodeScalars.contains("\u{1b}"))
    }

    @Test func authEventLineEscapesATLSAlertAndAWarning() throws {
        let bad = "bad\u{1b}[2Jthing\nforged line"
        let kinds: [AuthenticationUpdate.Kind] = [.exchange(.tlsAlert(local: false, description: bad)), .warning(bad),
                                                  .exchange(.verificationFailed(reason: bad))]
        for kind in kinds {
            let update = AuthenticationUpdate(kind, elapsed: .zero)
            let written = Output.humanLine(try #require(AuthEventLine(update: update).human))
            #expect(written.contains(#"bad\x1b[2Jthing\nforged line"#))
            #expect(!Self.containsRawControl(written))
        }
    }

    /// A DHCPNAK's message (option 56) is chosen by whoever answers on the wire. It reaches people in the error
    /// report of `auth start` / `dhcp renew` (message and `serverMessage` detail) and in `watch`'s dhcp-failed line.
    @Test func dhcpNakMessageIsEscapedInTheErrorReportAndTheWatchLine() throws {
        let nak = "no lease for you\u{1b}]0;pwned\u{07}\u{1b}[2J\r\neapolctl: error: forged"
        // The same message and details as DHCPSession.nakError builds.
        let error = DHCPError(.nak, "DHCP server 192.0.2.1 refused the request on eth0: \(nak)",
                              details: ["interface": .string("eth0"), "server": .string("192.0.2.1"),
                                        "serverMessage": .string(nak)])
        let report = ErrorReporter.humanText(error, usage: nil)
        let escapedNak = #"no lease for you\x1b]0;pwned\x07\x1b[2J\r\neapolctl: error: forged"#
        #expect(report.hasPrefix("eapolctl: error: DHCP server 192.0.2.1 refused the request on eth0: \(escapedNak)\n"))
        #expect(report.contains("  serverMessage: \(escapedNak)\n"))
        // Our own line breaks stay; the forged one does not start a line.
        #expect(report.split(separator: "\n").filter { $0.hasPrefix("eapolctl: error:") }.count == 1)
        #expect(!Self.containsRawControl(report, allowingLayout: true))

        let event = WatchEvent(.dhcpFailed(EventError(error), nextAttempt: nil), time: Date(timeIntervalSince1970: 0),
                               elapsed: .seconds(1))
        let written = Output.humanLine(try #require(WatchEventLine(event: event).human))
        #expect(written.hasSuffix("dhcp-failed  DHCP server 192.0.2.1 refused the request on eth0: \(escapedNak)"))
        #expect(!Self.containsRawControl(written))
        // JSON keeps the exact message.
        let object = try #require(JSONSerialization.jsonObject(with: Data(Output.encode(WatchEventLine(event: event)).utf8))
                                  as? [String: Any])
        #expect(object["message"] as? String == error.message)
    }

    @Test func watchLineEscapesEveryGenericField() throws {
        let event = WatchEvent(.reauthenticationFailed(EventError(code: nil, message: "profile 'X\u{1b}[2J' failed"),
                                                       retryIn: nil),
                               time: Date(timeIntervalSince1970: 0), elapsed: .zero)
        let written = Output.humanLine(try #require(WatchEventLine(event: event).human))
        #expect(written.hasSuffix(#"profile 'X\x1b[2J' failed"#))
        let other = WatchEvent(.waiting(.interfaceMissing(interface: "\u{1b}]0;t\u{07}")), time: Date(timeIntervalSince1970: 0),
                               elapsed: .zero)
        #expect(!Self.containsRawControl(Output.humanLine(try #require(WatchEventLine(event: other).human))))
    }

    @Test func resultTextKeepsItsLayoutButNotForeignControls() {
        let text = "Name:\tEvil\u{1b}]0;pwned\u{07}\nSSID:\tcorp\u{202e}"
        #expect(Output.humanResult(text) == "Name:\tEvil" + #"\x1b]0;pwned\x07"# + "\nSSID:\tcorp" + #"\u{202e}"#)
    }
}
