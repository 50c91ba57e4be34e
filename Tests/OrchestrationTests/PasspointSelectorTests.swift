import Foundation
import ProfileModel
import Synchronization
import Testing
@testable import Orchestration
@testable import SupplicantClient

/// A supplicant's interworking side that answers InterworkingSelect with the scripted events and records calls.
final class FakeInterworking: InterworkingControlling, @unchecked Sendable {
    let lock = NSLock()
    var settings: [String: String] = ["Interworking": "0", "Hs20": "0", "AutoInterworking": "1"]
    var creds: [String] = []
    var script: [InterworkingEvent]
    var continuation: AsyncThrowingStream<InterworkingEvent, any Error>.Continuation?
    let bss: BSSDescription
    /// The BSS paths the selector asked about.
    var described: [String] = []
    /// Ends the signal stream after the script, as a dropped bus connection would.
    var finishAfterScript = false

    init(script: [InterworkingEvent], bss: BSSDescription) {
        self.script = script
        self.bss = bss
    }

    func globalSetting(_ name: String, of interface: SupplicantInterface) async throws -> String? { lock.withLock { settings[name] } }
    func setGlobalSetting(_ name: String, to value: String, on interface: SupplicantInterface) async throws {
        lock.withLock { settings[name] = value }
    }
    func addCred(_ plan: CredentialPlan, to interface: SupplicantInterface) async throws -> String {
        let path = interface.path + "/Credentials/0"
        lock.withLock { creds.append(path) }
        return path
    }
    func removeCred(_ path: String, from interface: SupplicantInterface) async throws { lock.withLock { creds.removeAll { $0 == path } } }
    func interworkingSelect(on interface: SupplicantInterface) async throws {
        // Selection runs with interworking on, and never with automatic connects.
        #expect(lock.withLock { settings } == ["Interworking": "1", "Hs20": "1", "AutoInterworking": "0"])
        let (c, events) = lock.withLock { (continuation, script) }
        for event in events { c?.yield(event) }
        if lock.withLock({ finishAfterScript }) { c?.finish() }
    }
    func describeBSS(_ path: String, of interface: SupplicantInterface) async throws -> BSSDescription {
        lock.withLock { described.append(path) }
        return bss
    }
    func interworkingEvents(of interface: SupplicantInterface) -> AsyncThrowingStream<InterworkingEvent, any Error> {
        let (stream, c) = AsyncThrowingStream.makeStream(of: InterworkingEvent.self, throwing: (any Error).self)
        lock.withLock { continuation = c }
        return stream
    }
}

@Suite struct PasspointSelectorTests {
    static let iface = SupplicantInterface(path: "/fi/w1/wpa_supplicant1/Interfaces/1", name: "wlan0", driver: .nl80211, created: false)
    static let settings = PasspointSettings(homeDomains: ["hwsim.test"], realm: nil,
                                            roamingConsortiums: [try! RoamingConsortiumOI(parsing: "1122334455"),
                                                                 try! RoamingConsortiumOI(parsing: "001bc50460")])
    static let profile = Profile(name: "PP", binding: .passpoint(settings),
                                 eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "user"),
                                 trust: TrustSettings(useSystemCAs: true, serverNames: [.suffix("hwsim.test")]))
    static let bss = BSSDescription(ssid: Array("never-named".utf8), bssid: [2, 0, 0, 0, 1, 0], frequency: 2412,
                                    advertisedOIs: [[0x00, 0x1b, 0xc5, 0x04, 0x60]])
    static func match(_ kind: InterworkingMatch.Kind, bss: Int, cred: String = "0", excluded: Bool = false) -> InterworkingEvent {
        .accessPointMatched(InterworkingMatch(bssPath: iface.path + "/BSSs/\(bss)", credentialPath: iface.path + "/Credentials/\(cred)",
                                              kind: kind, excluded: excluded))
    }

    func select(_ fake: FakeInterworking, timeout: Duration = .seconds(5)) async throws -> PasspointSelection {
        try await PasspointSelector(supplicant: FakeSupplicant(scripts: []), interworking: fake).select(
            profile: Self.profile, settings: Self.settings,
            credentials: ResolvedCredentials(username: "user", password: .init(utf8: "pw")),
            interface: Self.iface, deadline: .now + timeout)
    }

    @Test func matchReportsSSIDBSSIDAndOIAndCleansUp() async throws {
        let fake = FakeInterworking(script: [Self.match(.roaming, bss: 3), Self.match(.home, bss: 4), .selectDone], bss: Self.bss)
        let selection = try await select(fake)
        #expect(selection.ssid == "never-named" && selection.bssid == "02:00:00:00:01:00" && selection.frequency == 2412)
        #expect(selection.match == .home && selection.candidates == 2)
        #expect(selection.roamingConsortium == "001bc50460")
        #expect(fake.creds.isEmpty)
        #expect(fake.settings == ["Interworking": "0", "Hs20": "0", "AutoInterworking": "1"])
    }

    /// A BSS that wpa_supplicant describes with an empty, over-long SSID or a short BSSID is refused (never cut to a
    /// prefix and connected to), and the credential is still removed.
    @Test(arguments: [(0, 6), (33, 6), (8, 5)])
    func aMatchedBSSWithABadSSIDOrBSSIDIsRefused(ssidLength: Int, bssidLength: Int) async throws {
        let bss = BSSDescription(ssid: Array(repeating: UInt8(ascii: "a"), count: ssidLength),
                                 bssid: Array(repeating: 2, count: bssidLength), frequency: 2412, advertisedOIs: [])
        let fake = FakeInterworking(script: [Self.match(.home, bss: 4), .selectDone], bss: bss)
        let error = try await #require(throws: SupplicantError.self) { _ = try await select(fake) }
        #expect(error.code == .unexpectedState && error.details["bss"] != nil, "\(error)")
        #expect(fake.creds.isEmpty)
    }

    @Test func noMatchIsTheSpecificErrorNotATimeoutAndCleansUp() async throws {
        // A match for another credential does not count.
        let fake = FakeInterworking(script: [Self.match(.home, bss: 3, cred: "7"), .selectDone], bss: Self.bss)
        let error = await #expect(throws: EAPError.self) { try await select(fake) }
        #expect(error?.code == .noPasspointMatch)
        #expect(error?.message.contains("no matching Passpoint network") == true)
        #expect(error?.details["roamingConsortiums"] == .list(["1122334455", "001bc50460"]))
        #expect(fake.creds.isEmpty)
        #expect(fake.settings == ["Interworking": "0", "Hs20": "0", "AutoInterworking": "1"])
    }

    @Test func aSelectionThatNeverEndsIsATimeout() async throws {
        let fake = FakeInterworking(script: [], bss: Self.bss)
        let error = await #expect(throws: EAPError.self) { try await select(fake, timeout: .milliseconds(200)) }
        #expect(error?.code == .timeout)
        #expect(fake.creds.isEmpty)
    }

    /// A network the credential's excluded SSIDs name is never chosen, even when it is the home network.
    @Test func anExcludedMatchIsNeverChosen() async throws {
        let fake = FakeInterworking(script: [Self.match(.home, bss: 3, excluded: true), Self.match(.roaming, bss: 4), .selectDone],
                                    bss: Self.bss)
        let selection = try await select(fake)
        #expect(selection.match == .roaming && selection.candidates == 1)
        #expect(fake.described == [Self.iface.path + "/BSSs/4"])
    }

    /// Only excluded matches: the no-match error, not a connection to an excluded network.
    @Test func onlyExcludedMatchesIsNoMatch() async throws {
        let fake = FakeInterworking(script: [Self.match(.home, bss: 3, excluded: true), .selectDone], bss: Self.bss)
        let error = await #expect(throws: EAPError.self) { try await select(fake) }
        #expect(error?.code == .noPasspointMatch)
        #expect(fake.described.isEmpty && fake.creds.isEmpty)
    }

    /// Signals that stop before InterworkingSelectDone are reported at once as that, not waited out as a timeout.
    @Test func anEarlyEndOfTheSignalsIsNotATimeout() async throws {
        let fake = FakeInterworking(script: [Self.match(.home, bss: 3)], bss: Self.bss)
        fake.finishAfterScript = true
        let start = ContinuousClock.now
        let error = await #expect(throws: SupplicantError.self) { try await select(fake, timeout: .seconds(30)) }
        #expect(error?.code == .unexpectedState)
        #expect(error?.message.contains("InterworkingSelectDone") == true)
        #expect(error?.details["phase"] == "interworking-select")
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(fake.creds.isEmpty)
        #expect(fake.settings == ["Interworking": "0", "Hs20": "0", "AutoInterworking": "1"])
    }

    /// A cancelled selection is the caller's cancellation, not an early end of the signals nor a timeout.
    @Test func aCancelledSelectionIsCancellation() async throws {
        let fake = FakeInterworking(script: [], bss: Self.bss)
        let task = Task { try await select(fake, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(fake.creds.isEmpty)
    }

    /// `auth start --json` shows how long the selection took (`passpoint.selectionMs`): the report's elapsed times
    /// count from the connection after it, so without it the selection's scan and ANQP would be invisible.
    @Test func theSelectionTimeIsInTheJSON() throws {
        var selection = PasspointSelection(ssid: "s", ssidHex: "hex:73", bssid: "02:00:00:00:00:00", frequency: 2412,
                                           match: .home, roamingConsortium: nil, candidates: 1)
        selection.selectionMs = 5432.5
        let json = String(decoding: try JSONEncoder().encode(selection), as: UTF8.self)
        #expect(json.contains("\"selectionMs\":5432.5"), "\(json)")
    }
}
