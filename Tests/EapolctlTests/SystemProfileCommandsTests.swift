import Foundation
import Testing

/// setSystemProfile & co. run as a user would, with EAPOLCTL_NO_SYSTEMD set so the host's systemd is never touched
/// (the systemd step itself is tested in OrchestrationTests with a stand-in systemctl).
@Suite struct SystemProfileCommandsTests {
    static func runner() throws -> CLIRunner {
        var cli = try CLIRunner()
        cli.environment["EAPOLCTL_NO_SYSTEMD"] = "1"
        return cli
    }

    static func createWired(_ cli: CLIRunner, name: String) throws -> String {
        let created = try cli.run(["createProfile", "--authType", "PEAP", "--userDefinedName", name,
                                   "--insecure-no-server-validation"])
        try #require(created.status == 0, "\(created.stderr)")
        return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func setGetListClearRoundTrip() throws {
        let cli = try Self.runner()
        defer { cli.cleanUp() }
        let id = try Self.createWired(cli, name: "Corp")

        let set = try cli.run(["setSystemProfile", "--interface", "eth0", "--profileID", "Corp"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("eth0: system profile 'Corp' (\(id))"))
        #expect(set.stdout.contains("EAPOLCTL_NO_SYSTEMD is set; run: systemctl enable --now eapolctl-watch@eth0.service"))
        let file = cli.stateDir.appendingPathComponent("system/interfaces/eth0.json")
        #expect(FileManager.default.fileExists(atPath: file.path))

        let setJSON = try cli.run(["setsystemprofile", "--interface", "eth1", "--profileID", id, "--json"])
        #expect(setJSON.status == 0, "\(setJSON.stderr)")
        let service = try #require(try setJSON.json()["service"] as? [String: Any])
        #expect(service["action"] as? String == "manual")
        #expect(service["command"] as? String == "systemctl enable --now eapolctl-watch@eth1.service")

        let get = try cli.run(["getSystemProfile", "--interface", "eth0", "--json"])
        #expect(get.status == 0, "\(get.stderr)")
        #expect((try get.json()["profile"] as? [String: Any])?["id"] as? String == id)

        let list = try cli.run(["getSystemInterfaces"])
        #expect(list.stdout == "eth0\neth1\n")
        let details = try cli.run(["getSystemInterfaces", "--details"])
        #expect(details.stdout.contains("eth0\tCorp (\(id))\teapolctl-watch@eth0.service: unknown (systemd not available)"))
        let listJSON = try cli.run(["getSystemInterfaces", "--json"])
        let interfaces = try #require(try listJSON.json()["interfaces"] as? [[String: Any]])
        #expect(interfaces.map { $0["interface"] as? String } == ["eth0", "eth1"])
        #expect(interfaces.first?["profileName"] as? String == "Corp")

        let clear = try cli.run(["clearSystemProfile", "--interface", "eth0"])
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(clear.stdout.contains("run: systemctl disable --now eapolctl-watch@eth0.service"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let after = try cli.run(["getSystemProfile", "--interface", "eth0", "--json"])
        #expect(after.status == 65)
        #expect(try after.jsonError()["name"] as? String == "no-system-profile")
        #expect(try after.jsonError()["hint"] as? String ?? "" == "Set one with `eapolctl setSystemProfile --interface eth0 --profileID ID`; `eapolctl getSystemInterfaces` lists the interfaces that have one.")
    }

    @Test func badInputIsRefusedWithNothingWritten() throws {
        let cli = try Self.runner()
        defer { cli.cleanUp() }
        _ = try Self.createWired(cli, name: "Corp")
        let traversal = try cli.run(["setSystemProfile", "--interface", "../../etc", "--profileID", "Corp", "--json"])
        #expect(traversal.status == 64)
        #expect(try traversal.jsonError()["name"] as? String == "invalid-argument")
        let unknown = try cli.run(["setSystemProfile", "--interface", "eth0", "--profileID", "Nope", "--json"])
        #expect(unknown.status == 65)
        #expect(try unknown.jsonError()["name"] as? String == "profile-not-found")
        let none = try cli.run(["setSystemProfile", "--interface", "eth0"])
        #expect(none.status == 64)
        #expect(!FileManager.default.fileExists(atPath: cli.stateDir.appendingPathComponent("system").path))
    }

    @Test func ethernetProfileSetGetClear() throws {
        let cli = try Self.runner()
        defer { cli.cleanUp() }
        let id = try Self.createWired(cli, name: "Wired")
        let missing = try cli.run(["getSystemEthernetProfile", "--json"])
        #expect(missing.status == 65)
        #expect(try missing.jsonError()["name"] as? String == "no-system-profile")
        let set = try cli.run(["setSystemEthernetProfile", "--profileID", "Wired"])
        #expect(set.status == 0, "\(set.stderr)")
        let get = try cli.run(["getSystemEthernetProfile", "--json"])
        #expect((try get.json()["profile"] as? [String: Any])?["id"] as? String == id)
        let clear = try cli.run(["clearSystemEthernetProfile", "--json"])
        #expect(try clear.json()["removed"] as? Bool == true)
        let again = try cli.run(["clearSystemEthernetProfile", "--json"])
        #expect(try again.json()["removed"] as? Bool == false)
    }

    /// `watch --system` resolves the profile from the system configuration before it opens anything: without one
    /// it stops with profile.no-system-profile; with one (or the Ethernet profile on a wired port) it gets past
    /// that step and only then fails on the unreachable bus.
    @Test func watchSystemReadsTheSystemConfiguration() throws {
        let cli = try Self.runner()
        defer { cli.cleanUp() }
        _ = try Self.createWired(cli, name: "Corp")
        let bus = "unix:path=" + cli.baseDirectory.appendingPathComponent("no-bus").path
        let unset = try cli.run(["watch", "--interface", "eth9", "--system", "--driver", "wired", "--bus", bus, "--json"])
        #expect(unset.status == 65)
        #expect(try unset.jsonError()["name"] as? String == "no-system-profile")
        #expect((try unset.jsonError()["message"] as? String ?? "").contains("no system Ethernet profile"))

        _ = try cli.run(["setSystemEthernetProfile", "--profileID", "Corp"])
        let viaEthernet = try cli.run(["watch", "--interface", "eth9", "--system", "--driver", "wired", "--bus", bus, "--json"])
        #expect(viaEthernet.status == 68, "\(viaEthernet.stderr)")
        let wireless = try cli.run(["watch", "--interface", "wlan9", "--system", "--driver", "nl80211", "--bus", bus, "--json"])
        #expect(wireless.status == 65, "the Ethernet profile is for wired interfaces only")

        _ = try cli.run(["clearSystemEthernetProfile"])
        _ = try cli.run(["setSystemProfile", "--interface", "eth9", "--profileID", "Corp"])
        let own = try cli.run(["watch", "--interface", "eth9", "--system", "--bus", bus, "--json"])
        #expect(own.status == 68, "\(own.stderr)")

        let both = try cli.run(["watch", "--interface", "eth9", "--system", "--profile", "Corp", "--bus", bus, "--json"])
        #expect(both.status == 64)
        #expect(try both.jsonError()["name"] as? String == "conflicting-arguments")
    }
}
