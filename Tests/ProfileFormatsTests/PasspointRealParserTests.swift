import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import Testing

/// The `cred={}` export read back by wpa_supplicant itself (wired driver, throwaway namespace): one cred block, no
/// complaint, the interface added — and a broken block is noticed by the same check.
@Suite(.serialized) struct PasspointRealParserTests {
    static func check(_ log: String) -> (credBlocks: Int, errors: [String], added: Bool) {
        let lines = log.split(separator: "\n").map(String.init)
        return (lines.filter { $0.contains("start of a new cred block") }.count,
                lines.filter { $0.contains("Line ") && ($0.contains("Invalid") || $0.contains("invalid") || $0.contains("failed")) },
                log.contains("Added interface"))
    }

    @Test(.enabled(if: RealParsers.shouldRun))
    func wpaSupplicantReadsTheCredBlock() throws {
        let namespace = try SupplicantNamespace()
        let profile = try PasspointFormatTests().profile()
        let output = try ProfileExporter.export(profile, as: .wpaSupplicant, secrets: ExportSecrets(
            password: ImportedPassword(username: "alice@example.org", password: SecretBytes(utf8: "p\"w #x"))))
        let result = Self.check(try namespace.parse(output.text, label: "cred"))
        #expect(result.credBlocks == 1 && result.errors.isEmpty && result.added, "\(result)\n\(output.text)")
    }

    @Test(.enabled(if: RealParsers.shouldRun))
    func theCheckSeesABrokenCredBlock() throws {
        let namespace = try SupplicantNamespace()
        let broken = "cred={\n\trealm=\"example.org\"\n\troaming_consortiums=\"001bc50460\"\n\teap=NOPE\n}\n"
        let result = Self.check(try namespace.parse(broken, label: "broken"))
        #expect(!result.errors.isEmpty || !result.added, "\(result)")
    }
}
