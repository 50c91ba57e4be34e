import Foundation
import NetworkManagerClient
import ProfileModel
import Testing
@testable import Orchestration
@testable import SupplicantClient

/// FakeSupplicant's interworking side, for Passpoint profiles (a fatal error when a test did not set one).
extension FakeSupplicant: InterworkingControlling {
    private var side: FakeInterworking {
        guard let interworking else { fatalError("FakeSupplicant.interworking is not set") }
        return interworking
    }
    func globalSetting(_ name: String, of interface: SupplicantInterface) async throws -> String? {
        try await side.globalSetting(name, of: interface)
    }
    func setGlobalSetting(_ name: String, to value: String, on interface: SupplicantInterface) async throws {
        try await side.setGlobalSetting(name, to: value, on: interface)
    }
    func addCred(_ plan: CredentialPlan, to interface: SupplicantInterface) async throws -> String {
        try await side.addCred(plan, to: interface)
    }
    func removeCred(_ path: String, from interface: SupplicantInterface) async throws {
        try await side.removeCred(path, from: interface)
    }
    func interworkingSelect(on interface: SupplicantInterface) async throws { try await side.interworkingSelect(on: interface) }
    func describeBSS(_ path: String, of interface: SupplicantInterface) async throws -> BSSDescription {
        try await side.describeBSS(path, of: interface)
    }
    func interworkingEvents(of interface: SupplicantInterface) -> AsyncThrowingStream<InterworkingEvent, any Error> {
        side.interworkingEvents(of: interface)
    }
}

/// A Passpoint profile goes through ``InterfaceClaim`` once per run: the selection claims the interface and the
/// connection to the matched SSID uses that claim (NetworkManager asked once, `--take-over` reported once).
@Suite struct PasspointClaimTests {
    @Test func aPasspointRunClaimsTheInterfaceOnceAndReportsTheTakeOverOnce() async throws {
        let fake = FakeSupplicant(scripts: [completedPEAPWithCertificate])
        fake.driver = .nl80211
        let device = "/org/freedesktop/NetworkManager/Devices/2"
        let nm = FakeNetworkManager(devices: [NetworkManagerDevice(path: device, interfaceName: "eth9", managed: true,
                                                                   state: .activated)])
        fake.networkManager = nm
        let iface = fake.iface
        let match = InterworkingEvent.accessPointMatched(InterworkingMatch(
            bssPath: iface.path + "/BSSs/4", credentialPath: iface.path + "/Credentials/0", kind: .home, excluded: false))
        fake.interworking = FakeInterworking(script: [match, .selectDone], bss: PasspointSelectorTests.bss)
        _ = try await fake.addNetwork([], idString: "corp-managed", to: iface)

        var profile = PasspointSelectorTests.profile
        profile.trust = TrustSettings(serverCertificatePins: [String(repeating: "ab", count: 32)])
        let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("user", "pw")]))
        let events = InterfaceClaimTests.Events()
        let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(5), settleWindow: .milliseconds(5),
                                            takeOver: true)
        let report = try await auth.authenticate(profile: profile, options: options) { events.add($0.kind) }

        #expect(report.status == .authenticated && report.passpoint?.ssid == "never-named")
        let release = NetworkManagerRelease(device: device, previousState: .activated, state: .unmanaged)
        #expect(report.takeOver == TakeOver(networkManager: release, foreignNetworks: 1))
        #expect(fake.interfaceRequests == 1, "one GetInterface/CreateInterface per run")
        #expect(nm.calls.filter { $0 == "owner" }.count == 1, "NetworkManager asked once: \(nm.calls)")
        let taken = events.all.filter {
            switch $0 {
            case .networkManagerReleased, .foreignNetworksKept: true
            default: false
            }
        }
        #expect(taken == [.networkManagerReleased(interface: "eth9", release: release),
                          .foreignNetworksKept(interface: "eth9", count: 1)])
    }
}
