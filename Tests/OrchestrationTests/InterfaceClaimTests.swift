import DBusKit
import Foundation
import NetworkManagerClient
import Orchestration
import ProfileModel
import StructuredErrors
import SupplicantClient
import Testing

/// The interface claim's decisions (``InterfaceClaim``, ``NetworkManagerCheck``) against a fake NetworkManager and a
/// fake wpa_supplicant: managed, unmanaged, absent, no device, an untrusted owner, a NetworkManager that hangs or
/// fails, `--take-over`, and networks of others on the supplicant's interface.
@Suite struct InterfaceClaimTests {
    static let path = "/org/freedesktop/NetworkManager/Devices/3"

    static func device(managed: Bool = true, state: NMDeviceState = .disconnected) -> NetworkManagerDevice {
        NetworkManagerDevice(path: path, interfaceName: "eth9", managed: managed, state: state)
    }

    /// Collects the events the claim emits.
    final class Events: @unchecked Sendable {
        // @unchecked: `items` is only touched while holding `lock`.
        private let lock = NSLock()
        private var items: [AuthenticationUpdate.Kind] = []
        func add(_ kind: AuthenticationUpdate.Kind) { lock.withLock { items.append(kind) } }
        var all: [AuthenticationUpdate.Kind] { lock.withLock { items } }
    }

    func claim(_ nm: FakeNetworkManager?, supplicant: FakeSupplicant = FakeSupplicant(scripts: []), takeOver: Bool = false,
               budget: Duration = .milliseconds(300), ownUID: UInt32 = 0, events: Events = Events())
        async throws -> (SupplicantInterface, TakeOver?) {
        var claim = InterfaceClaim(supplicant: supplicant, networkManager: nm, takeOver: takeOver)
        claim.budget = budget
        claim.ownUID = ownUID
        claim.releaseLimit = .seconds(2)
        return try await claim.claim("eth9", driver: nil, profile: "7A2B0F4E-0000-4000-8000-000000000001") { events.add($0) }
    }

    // MARK: - The device states

    @Test(arguments: [NMDeviceState.unavailable, .disconnected, .prepare, .config, .needAuth, .ipConfig, .activated,
                      .deactivating, .failed, .unknown])
    func aManagedDeviceIsRefusedNamingNetworkManagerTheStateAndTheWayOut(state: NMDeviceState) async throws {
        let nm = FakeNetworkManager(devices: [Self.device(state: state)])
        let supplicant = FakeSupplicant(scripts: [])
        let error = try await #require(throws: SupplicantError.self) { _ = try await claim(nm, supplicant: supplicant) }
        #expect(error.code == .interfaceBusy)
        #expect(error.message.contains("NetworkManager") && error.message.contains("eth9")
                && error.message.contains("\(state.name), \(state.rawValue)"))
        #expect(error.details["state"] == .string(state.name) && error.details["manager"] == "NetworkManager")
        let hint = error.hint
        #expect(hint.contains("`nmcli device set eth9 managed no`") && hint.contains("--take-over"))
        #expect(hint.contains("`eapolctl profile export 7A2B0F4E-0000-4000-8000-000000000001 --format networkmanager"))
        #expect(hint.contains("nmcli connection up uuid 7a2b0f4e-0000-4000-8000-000000000001"))
        #expect(supplicant.interfaceRequests == 0, "nothing is asked of wpa_supplicant before the refusal")
        #expect(!nm.calls.contains { $0.hasPrefix("setUnmanaged") })
    }

    @Test func unmanagedDevicesNoDeviceAndNoNetworkManagerProceed() async throws {
        for nm in [FakeNetworkManager(devices: [Self.device(managed: false, state: .unmanaged)]),
                   FakeNetworkManager(devices: [Self.device(managed: true, state: .unmanaged)]),
                   FakeNetworkManager(devices: [Self.device(managed: false, state: .disconnected)]),
                   FakeNetworkManager(devices: []),
                   FakeNetworkManager(owner: nil)] {
            let (iface, taken) = try await claim(nm)
            #expect(iface.name == "eth9" && taken == nil)
            #expect(!nm.calls.contains { $0.hasPrefix("setUnmanaged") })
        }
        // A fake supplicant without NetworkManager (nil) is not asked at all.
        let (iface, taken) = try await claim(nil)
        #expect(iface.name == "eth9" && taken == nil)
    }

    @Test func absentNetworkManagerCostsOneQuestion() async throws {
        let nm = FakeNetworkManager(owner: nil)
        _ = try await claim(nm)
        #expect(nm.calls == ["owner"])
    }

    // MARK: - --take-over

    @Test func takeOverSetsTheDeviceUnmanagedFirstAndSaysSo() async throws {
        let nm = FakeNetworkManager(devices: [Self.device(state: .activated)])
        let supplicant = FakeSupplicant(scripts: [])
        let events = Events()
        let (iface, taken) = try await claim(nm, supplicant: supplicant, takeOver: true, events: events)
        #expect(iface.name == "eth9")
        let release = NetworkManagerRelease(device: Self.path, previousState: .activated, state: .unmanaged)
        #expect(taken == TakeOver(networkManager: release))
        #expect(nm.device(at: Self.path)?.managed == false)
        #expect(nm.calls.contains("setUnmanaged \(Self.path) to :1.4"), "sent to the verified owner's unique name")
        #expect(events.all == [.networkManagerReleased(interface: "eth9", release: release)])
        #expect(supplicant.interfaceRequests == 1)
    }

    @Test func takeOverGoesOnWhenNetworkManagerDoesNotLetGoAndReportsTheState() async throws {
        let nm = FakeNetworkManager(devices: [Self.device(state: .activated)], obeys: false)
        let clock = ContinuousClock()
        let start = clock.now
        let events = Events()
        let (_, taken) = try await claim(nm, takeOver: true, events: events)
        #expect(taken?.networkManager?.state == .activated, "the state NetworkManager still reports")
        #expect(clock.now - start < .seconds(15), "bounded by the release limit (2 s), far below a hung wait (loose: a starved pool)")
        guard case .warning(let text)? = events.all.first else { Issue.record("no warning: \(events.all)"); return }
        #expect(text.contains("did not let go of eth9") && text.contains(Self.path) && text.contains("state activated")
                && text.contains("not unmanaged within 2 s"), "\(text)")
    }

    /// NetworkManager refuses the `Set` (AccessDenied: a non-root eapolctl without polkit's consent). --take-over goes
    /// on, and says why NetworkManager still holds the device instead of reporting it "set unmanaged" silently.
    @Test func takeOverWarnsWithTheReasonWhenNetworkManagerRefusesTheSet() async throws {
        let denied = DBusError.remote(name: "org.freedesktop.NetworkManager.PermissionDenied", message: "Not authorized")
        let nm = FakeNetworkManager(devices: [Self.device(state: .activated)], setError: denied)
        let events = Events()
        let (_, taken) = try await claim(nm, takeOver: true, events: events)
        #expect(taken?.networkManager == NetworkManagerRelease(device: Self.path, previousState: .activated, state: .activated))
        guard case .warning(let text)? = events.all.first else { Issue.record("no warning: \(events.all)"); return }
        #expect(text.contains("did not let go of eth9") && text.contains("Not authorized"), "\(text)")
        #expect(events.all.count == 2, "the warning, then network-manager-released: \(events.all)")
    }

    // MARK: - Attacks: an untrusted owner, a hung or failing NetworkManager

    /// Attack: a process of another user owns org.freedesktop.NetworkManager (a bus whose policy lets anyone own
    /// it). eapolctl (root) asks it nothing and sends it nothing; it cannot block the interface nor be "taken over".
    @Test func anOwnerOfAnotherUserIsNeitherAskedNorObeyed() async throws {
        let spoof = NetworkManagerPeer(uniqueName: ":1.66", uid: 1000, pid: 4242)
        for takeOver in [false, true] {
            let nm = FakeNetworkManager(owner: spoof, devices: [Self.device(state: .activated)])
            let events = Events()
            let (iface, taken) = try await claim(nm, takeOver: takeOver, ownUID: 0, events: events)
            #expect(iface.name == "eth9" && taken == nil)
            #expect(nm.calls == ["owner"], "nothing after the owner check: \(nm.calls)")
            guard case .warning(let text)? = events.all.first else { Issue.record("no warning: \(events.all)"); continue }
            #expect(text.contains("uid 1000") && text.contains("pid 4242"))
        }
        // The same user's NetworkManager (a non-root eapolctl on a user bus) is believed.
        let own = FakeNetworkManager(owner: NetworkManagerPeer(uniqueName: ":1.5", uid: 1000, pid: 9),
                                     devices: [Self.device()])
        await #expect(throws: SupplicantError(.interfaceBusy, "")) { _ = try await claim(own, ownUID: 1000) }
    }

    /// Attack/failure: NetworkManager owns its name but never answers. The claim gives up after its budget and
    /// refuses (it may manage the interface); --take-over goes on regardless, with a warning.
    @Test func aHungNetworkManagerIsBoundedByTheBudget() async throws {
        let clock = ContinuousClock()
        let nm = FakeNetworkManager(devices: [Self.device()], delay: .seconds(30))
        var start = clock.now
        let error = try await #require(throws: SupplicantError.self) { _ = try await claim(nm, budget: .milliseconds(200)) }
        #expect(clock.now - start < .seconds(15), "the budget (0.2 s), not the 30 s hang (loose: a starved pool)")
        #expect(error.code == .interfaceBusy && error.message.contains("did not say whether it manages eth9"))
        #expect(error.hint.contains("--take-over"))

        start = clock.now
        let events = Events()
        let (_, taken) = try await claim(nm, takeOver: true, budget: .milliseconds(200), events: events)
        #expect(clock.now - start < .seconds(15))
        #expect(taken?.networkManager == NetworkManagerRelease(device: nil, previousState: nil, state: nil))
        #expect(events.all.contains { if case .warning = $0 { true } else { false } })
    }

    @Test func aNetworkManagerThatAnswersWithAnErrorIsRefusedNotIgnored() async throws {
        let nm = FakeNetworkManager(deviceError: DBusError.remote(name: "org.freedesktop.DBus.Error.AccessDenied",
                                                                   message: "denied"))
        let error = try await #require(throws: SupplicantError.self) { _ = try await claim(nm) }
        #expect(error.code == .interfaceBusy && error.details["reason"] != nil)
    }

    /// An absent NetworkManager is answered at once, not after the budget (10 s here; the bound is loose because
    /// parallel suites can starve the pool; NetworkManagerBusTests times the real bus round trip).
    @Test func theCheckOfAnAbsentNetworkManagerDoesNotWaitForItsBudget() async throws {
        let check = NetworkManagerCheck(networkManager: FakeNetworkManager(owner: nil), budget: .seconds(10), ownUID: 0)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(await check.verdict(for: "eth9") == .absent)
        #expect(clock.now - start < .seconds(5))
    }

    // MARK: - Networks eapolctl did not add

    @Test func anInterfaceHoldingNetworksOfOthersIsRefusedUnlessTakenOver() async throws {
        let supplicant = FakeSupplicant(scripts: [])
        _ = try await supplicant.addNetwork([], idString: "corp-managed", to: supplicant.iface)
        _ = try await supplicant.addNetwork([], idString: "", to: supplicant.iface)
        _ = try await supplicant.addNetwork([], idString: SupplicantNames.idString(profileID: "X"), to: supplicant.iface)
        let error = try await #require(throws: SupplicantError.self) { _ = try await claim(nil, supplicant: supplicant) }
        #expect(error.code == .interfaceBusy && error.details["foreignNetworks"] == .int(2))
        #expect(error.message.contains("holds 2 networks eapolctl did not add"))
        #expect(error.hint.contains("wpa_cli -i eth9 list_networks") && error.hint.contains("--take-over"))

        let events = Events()
        let (_, taken) = try await claim(nil, supplicant: supplicant, takeOver: true, events: events)
        #expect(taken == TakeOver(foreignNetworks: 2))
        #expect(events.all == [.foreignNetworksKept(interface: "eth9", count: 2)])
        #expect(supplicant.networkPaths.count == 3, "the others' networks stay")
    }

    @Test func onlyOurOwnNetworksOnTheInterfaceIsNotBusy() async throws {
        let supplicant = FakeSupplicant(scripts: [])
        _ = try await supplicant.addNetwork([], idString: SupplicantNames.idString(profileID: "X"), to: supplicant.iface)
        _ = try await supplicant.addNetwork([], idString: "eapolctl:probe", to: supplicant.iface)
        let (_, taken) = try await claim(nil, supplicant: supplicant)
        #expect(taken == nil)
    }
}
