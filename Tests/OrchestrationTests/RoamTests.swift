import Foundation
@testable import Orchestration
import ProfileModel
import Secrets
import SupplicantClient
import Testing

// Roams as watch and `auth roam` see them: the kind from the signals between two confirmed `completed` states.

private let a = "02:00:00:00:00:00", b = "02:00:00:00:02:00"

@Test func roamKindsFromTheSignals() {
    let t0 = ContinuousClock.now
    // FT: no EAP, no 4-way handshake.
    var ft = RoamTracker(bssid: a)
    ft.observe(.stateChanged(.authenticating), at: t0 + .milliseconds(10))
    ft.observe(.currentBSS("/bss/2"), at: t0 + .milliseconds(20))
    ft.observe(.stateChanged(.associated), at: t0 + .milliseconds(30))
    #expect(ft.completed(on: b, at: t0 + .milliseconds(40)) == Roam(from: a, to: b, kind: .ft, duration: .milliseconds(30)))
    #expect(ft.bssid == b)
    // PMKSA/OKC: a 4-way handshake, no EAP.
    var pmksa = RoamTracker(bssid: a)
    for s in [SupplicantState.associating, .associated, .fourWayHandshake, .groupHandshake] {
        pmksa.observe(.stateChanged(s), at: t0)
    }
    #expect(pmksa.completed(on: b, at: t0 + .milliseconds(5))?.kind == .pmksa)
    // Full: EAP ran.
    var full = RoamTracker(bssid: a)
    full.observe(.stateChanged(.associated), at: t0)
    full.observe(.eapStatus(.started, ""), at: t0)
    full.observe(.stateChanged(.fourWayHandshake), at: t0)
    #expect(full.completed(on: b, at: t0)?.kind == .full)
}

@Test func reauthenticationOnTheSameBSSIsNoRoam() {
    let t0 = ContinuousClock.now
    var t = RoamTracker(bssid: a)
    t.observe(.eapStatus(.started, ""), at: t0)
    #expect(t.completed(on: a, at: t0) == nil)
    // The interval starts again: a later roam is timed and classified from there.
    t.observe(.stateChanged(.authenticating), at: t0 + .seconds(1))
    #expect(t.completed(on: b, at: t0 + .milliseconds(1200)) == Roam(from: a, to: b, kind: .ft, duration: .milliseconds(200)))
}

@Test func noRoamWithoutAKnownBSS() {
    let t0 = ContinuousClock.now
    var t = RoamTracker()
    #expect(t.completed(on: a, at: t0) == nil)   // the first BSS is recorded, not a roam
    #expect(t.bssid == a)
    #expect(t.completed(on: nil, at: t0) == nil) // unknown BSS: no roam, the last one kept
    #expect(t.bssid == a)
}

/// A supplicant that roams: Roam plays a script, currentBSS follows it.
private final class RoamingSupplicant: SupplicantControlling, @unchecked Sendable {
    // @unchecked: mutable fields are only touched while holding `lock`.
    private let lock = NSLock()
    private var continuation: AsyncThrowingStream<AuthenticationEvent, any Error>.Continuation?
    private var bss: String
    var script: [AuthenticationEvent]
    var landsOn: String
    var roamCalls: [String] = []
    let iface = SupplicantInterface(path: "/fi/w1/wpa_supplicant1/Interfaces/3", name: "wlan1", driver: .nl80211, created: false)

    init(bss: String, script: [AuthenticationEvent], landsOn: String) {
        self.bss = bss
        self.script = script
        self.landsOn = landsOn
    }

    func roam(_ interface: SupplicantInterface, to bssid: String) async throws {
        let (c, s) = lock.withLock { () -> (AsyncThrowingStream<AuthenticationEvent, any Error>.Continuation?, [AuthenticationEvent]) in
            roamCalls.append(bssid)
            bss = landsOn
            return (continuation, script)
        }
        for e in s { c?.yield(e) }
    }
    func currentBSS(of interface: SupplicantInterface) async throws -> BSSDescription? {
        let text = lock.withLock { bss }
        let bytes = text.split(separator: ":").map { UInt8($0, radix: 16)! }
        return BSSDescription(ssid: Array("corp".utf8), bssid: bytes, frequency: 2412, advertisedOIs: [])
    }
    func interface(named name: String, driver: InterfaceDriver?) async throws -> SupplicantInterface { iface }
    func existingInterface(named name: String) async throws -> SupplicantInterface? { name == iface.name ? iface : nil }
    func events(of interface: SupplicantInterface) -> AsyncThrowingStream<AuthenticationEvent, any Error> {
        let (stream, c) = AsyncThrowingStream.makeStream(of: AuthenticationEvent.self, throwing: (any Error).self)
        lock.withLock { continuation = c }
        return stream
    }
    func addBlob(_ blob: NetworkBlob, to interface: SupplicantInterface) async throws {}
    func removeBlob(named name: String, from interface: SupplicantInterface) async throws {}
    func addNetwork(_ properties: [(key: String, value: NetworkValue)], idString: String,
                    to interface: SupplicantInterface) async throws -> String { "/n/1" }
    func selectNetwork(_ network: String, on interface: SupplicantInterface) async throws {}
    func removeNetwork(_ network: String, from interface: SupplicantInterface) async throws {}
    func networkReply(network: String, field: String, value: SecretBytes, on interface: SupplicantInterface) async throws {}
    func disconnect(_ interface: SupplicantInterface) async throws {}
    func networks(of interface: SupplicantInterface) async throws -> [String] { [] }
    func blobNames(of interface: SupplicantInterface) async throws -> [String] { [] }
    func idString(ofNetwork path: String) async throws -> String? { nil }
    func state(of interface: SupplicantInterface) async throws -> SupplicantState { .completed }
    func currentAuthMode(of interface: SupplicantInterface) async throws -> String { "FT-EAP" }
    func currentNetwork(of interface: SupplicantInterface) async throws -> String? { "/n/1" }
    func sendEAPOLStart(on interface: SupplicantInterface) -> EAPOLStart.Result { .noSuchInterface }
}

@Test func authRoamWaitsForCompletedOnTheTarget() async throws {
    let fake = RoamingSupplicant(bss: a, script: [.stateChanged(.authenticating), .stateChanged(.associated),
                                                  .stateChanged(.completed)], landsOn: b)
    let r = try await RoamRequest(supplicant: fake).roam(interfaceName: "wlan1", to: b.uppercased(), timeout: .seconds(2))
    #expect(r.from == a && r.to == b && r.kind == .ft)
    #expect(fake.roamCalls == [b])
}

@Test func authRoamThatLandsElsewhereFails() async throws {
    let fake = RoamingSupplicant(bss: a, script: [.stateChanged(.authenticating), .stateChanged(.completed)], landsOn: a)
    let started = ContinuousClock.now
    await #expect(throws: SupplicantError(.roamFailed, "")) {
        _ = try await RoamRequest(supplicant: fake).roam(interfaceName: "wlan1", to: b, timeout: .milliseconds(300))
    }
    #expect(ContinuousClock.now - started < .seconds(60))   // ends at the timeout, not a hang (0.3 s alone; the parallel suite starves it)
}

@Test func authRoamNeedsAControlledInterface() async throws {
    let fake = RoamingSupplicant(bss: a, script: [], landsOn: b)
    await #expect(throws: SupplicantError(.interfaceUnknown, "")) {
        _ = try await RoamRequest(supplicant: fake).roam(interfaceName: "wlan9", to: b, timeout: .seconds(1))
    }
    #expect(RoamRequest.isBSSID("02:00:00:00:02:00") && !RoamRequest.isBSSID("02:00:00:00:02") && !RoamRequest.isBSSID("02-00-00-00-02-00"))
}

