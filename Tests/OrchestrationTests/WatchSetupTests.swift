import DHCPClient
import Foundation
import Orchestration
import ProfileModel
import ProfileStore
import SupplicantClient
import Testing

/// watch's setup below the command line: which profile it re-authenticates with (``Watcher/profile(named:systemProfile:interface:supplicant:profiles:unloadable:)``)
/// and how it gets addresses (``WatchDHCP/make(_:interface:stateDirectory:unreadableLease:)``), on a real profile
/// directory and a real lease file.
@Suite struct WatchSetupTests {
    let directory: String
    let profiles: ProfileRepository

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("watch-setup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        profiles = ProfileRepository(stateDirectory: directory)
    }

    private func profile(_ name: String) -> Profile {
        Profile(name: name, binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
                trust: TrustSettings(insecureNoServerValidation: true))
    }

    /// A supplicant whose current network on eth9 carries `idString`.
    private func supplicant(currentIDString idString: String?) async throws -> FakeSupplicant {
        let fake = FakeSupplicant(scripts: [[]])
        if let idString { _ = try await fake.addNetwork([], idString: idString, to: fake.iface) }
        return fake
    }

    @Test func theCurrentEapolctlNetworkNamesTheProfile() async throws {
        let saved = profile("lab")
        _ = try profiles.save(saved, replace: false)
        let fake = try await supplicant(currentIDString: SupplicantNames.idString(profileID: saved.id.description))
        var told: [ProfileID] = []
        let chosen = try await Watcher.profile(named: nil, systemProfile: nil, interface: "eth9", supplicant: fake,
                                               profiles: profiles) { id, _ in told.append(id) }
        #expect(chosen?.id == saved.id)
        #expect(told.isEmpty)
    }

    @Test func aProfileThatCannotBeLoadedIsToldAndLeavesNone() async throws {
        let missing = ProfileID(UUID())
        let fake = try await supplicant(currentIDString: SupplicantNames.idString(profileID: missing.description))
        var told: [ProfileID] = []
        let chosen = try await Watcher.profile(named: nil, systemProfile: nil, interface: "eth9", supplicant: fake,
                                               profiles: profiles) { id, _ in told.append(id) }
        #expect(chosen == nil)
        #expect(told == [missing])
    }

    @Test func networksNotOursAndTheProbeNameNoProfile() async throws {
        for idString in ["corp", "eapolctl:probe", "xeapolctl:\(UUID().uuidString)"] {
            let fake = try await supplicant(currentIDString: idString)
            var told = 0
            let chosen = try await Watcher.profile(named: nil, systemProfile: nil, interface: "eth9", supplicant: fake,
                                                   profiles: profiles) { _, _ in told += 1 }
            #expect(chosen == nil, "id_str \(idString)")
            #expect(told == 0)
        }
        // No interface in wpa_supplicant at all.
        let fake = try await supplicant(currentIDString: nil)
        #expect(try await Watcher.profile(named: nil, systemProfile: nil, interface: "eth0", supplicant: fake,
                                          profiles: profiles) { _, _ in } == nil)
    }

    @Test func theNamedProfileComesFirstThenTheSystemProfile() async throws {
        let named = profile("named")
        let current = profile("current")
        let system = profile("system")
        _ = try profiles.save(named, replace: false)
        _ = try profiles.save(current, replace: false)
        let fake = try await supplicant(currentIDString: SupplicantNames.idString(profileID: current.id.description))
        let byName = try await Watcher.profile(named: "named", systemProfile: system, interface: "eth9", supplicant: fake,
                                               profiles: profiles) { _, _ in }
        #expect(byName?.id == named.id)
        let bySystem = try await Watcher.profile(named: nil, systemProfile: system, interface: "eth9", supplicant: fake,
                                                 profiles: profiles) { _, _ in }
        #expect(bySystem?.id == system.id)
        await #expect(throws: ProfileError.self) {
            _ = try await Watcher.profile(named: "nope", systemProfile: nil, interface: "eth9", supplicant: fake,
                                          profiles: profiles) { _, _ in }
        }
    }

    @Test func eachBackendGetsItsKindOfDHCP() throws {
        func kind(_ backend: DHCPBackend) -> String {
            switch WatchDHCP.make(DHCPSettings(backend: backend), interface: "eth9", stateDirectory: directory, unreadableLease: { _ in }) {
            case .none: "none"
            case .trigger(let trigger): "trigger:\(type(of: trigger))"
            case .keeper: "keeper"
            }
        }
        #expect(kind(.none) == "none")
        #expect(kind(.builtin) == "keeper")
        for external in [DHCPBackend.dhclient, .dhcpcd, .udhcpc] {
            #expect(kind(external) == "trigger:ExternalDHCPClient", "\(external)")
        }
    }

    @Test func anUnreadableRecordedLeaseIsToldAndTheKeeperStillStarts() throws {
        let leases = directory + "/leases"
        try FileManager.default.createDirectory(atPath: leases, withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: leases + "/eth9.json"))
        var told: [any Error] = []
        let dhcp = WatchDHCP.make(DHCPSettings(backend: .builtin), interface: "eth9", stateDirectory: directory) { told.append($0) }
        guard case .keeper = dhcp else { Issue.record("builtin without a readable lease: \(dhcp)"); return }
        #expect(told.count == 1)
        #expect((told.first as? DHCPError)?.code == .invalidLease)
    }
}
