import Foundation
import Testing

/// EAP-FAST profiles from the command line: `profile create --method fast --fast-provisioning`, eapolcfg
/// `createProfile --authType 43 --EAPFAST*`, their refusals, display (anonymous provisioning shown as insecure),
/// `profile edit`, and the eapolcfg plist round trip of the EAPFAST keys.
@Suite struct FASTCommandTests {
    static func create(_ cli: CLIRunner, _ extra: [String], method: String = "fast") throws -> CLIRunner.Result {
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        return try cli.run(["profile", "create", "--name", "FAST", "--method", method, "--username", "fast-user",
                            "--ca-cert", ca.path, "--server-name", "radius.example.org"] + extra)
    }

    static func eapolcfgCreate(_ cli: CLIRunner, _ flags: [String], authType: String = "43") throws -> CLIRunner.Result {
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        return try cli.run(["createProfile", "--authType", authType, "--userDefinedName", "FAST", "--userName", "fast-user",
                            "--trustedCertificate", ca.path, "--trustedServerName", "radius.example.org"] + flags)
    }

    func profileJSON(_ cli: CLIRunner, _ id: String) throws -> String {
        try String(contentsOf: cli.stateDir.appendingPathComponent("profiles/\(id).json"), encoding: .utf8)
    }

    @Test func createDefaultsToAuthenticatedProvisioningAndShowsIt() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let created = try Self.create(cli, [])
        try #require(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let json = try profileJSON(cli, id)
        #expect(json.contains("\"outer\" : \"fast\"") && json.contains("\"provisioning\" : \"authenticated\""))
        #expect(!json.contains("PAC-"), "no PAC in a profile file")
        let shown = try cli.run(["profile", "show", id]).stdout
        #expect(shown.contains("EAP method:     EAP-FAST / MSCHAPv2") && shown.contains("Provisioning:   authenticated"))
        #expect(!shown.contains("!!!"))
        #expect(!(try cli.run(["profile", "list"]).stdout.contains("INSECURE")))
        #expect(!created.stderr.contains("INSECURE"))
    }

    @Test func anonymousProvisioningIsWarnedListedAndShownAsInsecure() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let created = try Self.create(cli, ["--fast-provisioning", "anonymous", "--inner", "gtc"])
        try #require(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(created.stderr.contains("EAP-FAST anonymous PAC provisioning authenticates no server"))
        #expect(!created.stderr.contains("server certificate is NOT validated"), "the certificate is validated outside provisioning")
        #expect(try cli.run(["profile", "list"]).stdout.contains("fast/gtc\tINSECURE"))
        let shown = try cli.run(["showProfile", "--profileID", id]).stdout
        #expect(shown.hasPrefix("!!! INSECURE: EAP-FAST anonymous PAC provisioning"))
        let asJSON = try cli.run(["profile", "show", id, "--json"]).json()
        let view = try #require(asJSON["profile"] as? [String: Any])
        #expect(view["insecure"] as? Bool == true)
        let fast = ((view["profile"] as? [String: Any])?["eap"] as? [String: Any])?["fast"] as? [String: Any]
        #expect(fast?["provisioning"] as? String == "anonymous" && fast?["usePAC"] as? Bool == true)

        // Provisioning turned off: no longer insecure.
        let edited = try cli.run(["profile", "edit", id, "--fast-provisioning", "none"])
        #expect(edited.status == 0, "\(edited.stderr)")
        let after = try cli.run(["profile", "show", id]).stdout
        #expect(after.contains("Provisioning:   none") && !after.contains("!!!"))
    }

    @Test func inconsistentCombinationsAreRefusedWithProfileErrors() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let unknown = try Self.create(cli, ["--fast-provisioning", "sometimes", "--json"])
        #expect(unknown.status != 0)
        #expect(try unknown.jsonError()["name"] as? String == "invalid-fast-provisioning")

        let onPEAP = try Self.create(cli, ["--fast-provisioning", "anonymous", "--json"], method: "peap")
        #expect(onPEAP.status != 0)
        let peapError = try onPEAP.jsonError()
        #expect(peapError["name"] as? String == "invalid-profile")
        #expect(((peapError["details"] as? [String: Any])?["problemIDs"] as? [String]) == ["unexpected-fast-settings"])

        // eapolcfg's default (no --EAPFASTUsePAC) cannot authenticate on Linux.
        for flags in [[String](), ["--EAPFASTProvisionPACAnonymously"]] {
            let noPAC = try Self.eapolcfgCreate(cli, flags + ["--json"])
            #expect(noPAC.status != 0, "\(flags)")
            let ids = (try noPAC.jsonError()["details"] as? [String: Any])?["problemIDs"] as? [String]
            #expect(ids == [flags.isEmpty ? "fast-pac-required" : "fast-provisioning-without-pac"], "\(flags)")
        }
        let peapWithPAC = try Self.eapolcfgCreate(cli, ["--EAPFASTUsePAC", "--json"], authType: "PEAP")
        #expect(peapWithPAC.status != 0)
        #expect(((try peapWithPAC.jsonError()["details"] as? [String: Any])?["problemIDs"] as? [String]) == ["unexpected-fast-settings"])
        let profiles = (try? FileManager.default.contentsOfDirectory(atPath: cli.stateDir.appendingPathComponent("profiles").path)) ?? []
        #expect(!profiles.contains { $0.hasSuffix(".json") }, "a refused create saved a profile: \(profiles)")
    }

    @Test(arguments: [
        (["--EAPFASTUsePAC"], "none"),
        (["--EAPFASTUsePAC", "--EAPFASTProvisionPAC"], "authenticated"),
        (["--EAPFASTUsePAC", "--EAPFASTProvisionPACAnonymously"], "anonymous"),
        (["--EAPFASTUsePAC", "--EAPFASTProvisionPAC", "--EAPFASTProvisionPACAnonymously"], "both"),
    ])
    func eapolcfgFlagsMapToProvisioningAndRoundTripThroughThePlist(flags: [String], provisioning: String) throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let created = try Self.eapolcfgCreate(cli, flags)
        try #require(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try profileJSON(cli, id).contains("\"provisioning\" : \"\(provisioning)\""))
        let exported = try cli.run(["exportProfile", "--profileID", id, "--format", "eapolcfg"])
        try #require(exported.status == 0, "\(exported.stderr)")
        let plist = try #require(try PropertyListSerialization.propertyList(from: Data(exported.stdout.utf8), format: nil) as? [String: Any])
        let auth = try #require(plist["AuthenticationProperties"] as? [String: Any])
        #expect(auth["AcceptEAPTypes"] as? [Int] == [43])
        #expect(auth["EAPFASTUsePAC"] as? Bool == true)
        #expect(auth["EAPFASTProvisionPAC"] as? Bool == flags.contains("--EAPFASTProvisionPAC"))
        #expect(auth["EAPFASTProvisionPACAnonymously"] as? Bool == flags.contains("--EAPFASTProvisionPACAnonymously"))

        // Imported into a fresh state directory, the same settings come back.
        let other = try CLIRunner()
        defer { other.cleanUp() }
        let file = other.baseDirectory.appendingPathComponent("fast.plist")
        try Data(exported.stdout.utf8).write(to: file)
        let imported = try other.run(["importProfile", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try profileJSON(other, id).contains("\"provisioning\" : \"\(provisioning)\""))
    }
}
