import Foundation
import Testing

@Suite struct ErrorsCommandTests {
    @Test func docsListExactlyTheCodesTheBinaryKnows() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let generated = try cli.run(["errors", "--markdown"])
        #expect(generated.status == 0)
        let doc = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Docs/errors.md"), encoding: .utf8)
        let begin = try #require(doc.range(of: "<!-- BEGIN GENERATED: eapolctl errors --markdown -->\n"))
        let end = try #require(doc.range(of: "\n<!-- END GENERATED -->"))
        let table = String(doc[begin.upperBound..<end.lowerBound])
        #expect(table == generated.stdout.trimmingCharacters(in: .newlines),
                "Docs/errors.md is stale: regenerate it with `eapolctl errors --markdown`")
    }

    @Test func jsonListsEveryDomainWithDistinctCodes() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["errors", "--json"])
        #expect(result.status == 0)
        let entries = try #require(try result.json()["errors"] as? [[String: Any]])
        let codes = entries.compactMap { $0["code"] as? Int }
        #expect(codes.count == entries.count)
        #expect(Set(codes).count == codes.count)
        let domains = Set(entries.compactMap { $0["domain"] as? String })
        #expect(domains.isSuperset(of: ["usage", "system"]))
        for entry in entries {
            #expect(!((entry["hint"] as? String) ?? "").isEmpty)
        }
    }

    @Test func usageErrorsExitWith64AndJSONOnStderr() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["errors", "--domain", "nope", "--json"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let error = try result.jsonError()
        #expect(error["domain"] as? String == "usage")
        #expect((error["message"] as? String)?.contains("nope") == true)
    }

    @Test func versionWorksAfterAnyCommandName() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["errors", "--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("eapolctl "))
    }
}

@Suite struct UsageErrorsFromValidationTests {
    @Test func conflictingSelectorsKeepTheirOwnCode() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let conflicting = try cli.run(["getPasswordItem", "--SSID", "a", "--default", "--json"])
        #expect(conflicting.status == 64)
        #expect(try conflicting.jsonError()["name"] as? String == "conflicting-arguments")
        let missing = try cli.run(["profile", "show", "--json"])
        #expect(missing.status == 64)
        #expect(try missing.jsonError()["name"] as? String == "missing-argument")
    }
}
