import Foundation
import Orchestration
import SupplicantClient
import Testing
@testable import eapolctl

/// What `profile probe` prints comes from the network: escaped for the terminal, exact in JSON, and never
/// presented as trusted.
@Suite struct ProbeViewTests {
    static let hostileSubject = "/CN=radius\u{1b}]0;pwned\u{07}.example\u{202e}gro"
    static let hostileName = "DNS:evil\u{1b}[2J.example"

    static func hostileReport() -> ProbeReport {
        ProbeReport(interfaceName: "eth0", identity: "anon\u{1b}[31m", method: "PEAP",
                    chain: [ProbedCertificate(ServerCertificate(depth: 0, subject: hostileSubject,
                                                                altSubjects: [hostileName],
                                                                sha256Hex: String(repeating: "ab", count: 32), der: []))],
                    elapsed: .milliseconds(12))
    }

    @Test("Human output escapes certificate subjects, names and the identity")
    func humanOutputIsEscaped() {
        let view = ProbeView(report: Self.hostileReport())
        let written = Output.humanResult(view.human)
        #expect(!TerminalTextTests.containsRawControl(written, allowingLayout: true), "raw control in:\n\(written)")
        #expect(written.contains(#"radius\x1b]0;pwned\x07.example\u{202e}gro"#))
        #expect(written.contains(#"evil\x1b[2J.example"#))
        #expect(written.contains(#"anon\x1b[31m"#))
    }

    @Test("The report says plainly that nothing shown is verified, and tells to compare the SHA-256")
    func untrustedIsSaid() throws {
        let view = ProbeView(report: Self.hostileReport())
        #expect(view.human.contains("NOT VERIFIED"))
        #expect(view.human.contains("Compare the SHA-256"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(Output.encode(view).utf8)) as? [String: Any])
        let probe = try #require(json["probe"] as? [String: Any])
        #expect(probe["verified"] as? Bool == false)
        #expect((probe["warning"] as? String)?.contains("NOT VERIFIED") == true)
    }

    @Test("JSON keeps the exact strings (the encoder escapes them), one object")
    func jsonIsExact() throws {
        let view = ProbeView(report: Self.hostileReport())
        let text = Output.encode(view)
        #expect(!text.contains("\u{1b}"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let probe = try #require(json["probe"] as? [String: Any])
        let certs = try #require(probe["certificates"] as? [[String: Any]])
        #expect(certs.first?["subject"] as? String == Self.hostileSubject)
        #expect(certs.first?["subjectAltNames"] as? [String] == [Self.hostileName])
        #expect(probe["rootPresented"] as? Bool == false)
        #expect((probe["noSuggestion"] as? [String: String])?["code"] == "root-not-presented")
    }
}
