#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import Orchestration
import ProfileModel
import SupplicantClient
import Testing

// The scan hint: frequencies scanned first on a repeat connect, the decision to fall back to a full scan, and the
// remembered association it comes from (validated on every read).

private let pin = String(repeating: "ab", count: 32)

private func wifiProfile(ssid: String = "corp") throws -> Profile {
    Profile(name: "corp", binding: .wifi(ssid: try SSID(parsing: ssid), security: .wpa2, hidden: false),
            eap: EAPSettings(outer: .peap, inner: .mschapv2), trust: TrustSettings(serverCertificatePins: [pin]))
}

private func hint(limit: Duration = .seconds(3), grace: Duration = .milliseconds(500)) -> ScanHint {
    ScanHint(frequencies: [2412], source: .remembered, limit: limit, grace: grace)
}

// MARK: - ScanHintMonitor

@Test func hintMatchesWhenAssociationStarts() {
    var m = ScanHintMonitor(hint: hint(), selectedAt: .zero)
    #expect(m.observe(.stateChanged(.scanning), at: .milliseconds(10)) == .wait)
    #expect(m.observe(.scanDone(success: true), at: .milliseconds(300)) == .wait)
    #expect(m.observe(.stateChanged(.authenticating), at: .milliseconds(320)) == .matched)
    // Decided once: nothing later changes it, and no wake-up is needed.
    #expect(m.tick(at: .seconds(10)) == .wait)
    #expect(m.nextWakeup == nil)
    #expect(m.decided == .matched)
}

@Test func hintFallsBackWhenScanEndsAndNothingStarts() {
    var m = ScanHintMonitor(hint: hint(), selectedAt: .milliseconds(100))
    _ = m.observe(.stateChanged(.scanning), at: .milliseconds(110))
    #expect(m.observe(.scanDone(success: true), at: .milliseconds(400)) == .wait)
    #expect(m.nextWakeup == .milliseconds(900))
    #expect(m.tick(at: .milliseconds(899)) == .wait)
    #expect(m.tick(at: .milliseconds(900)) == .fallBack(.noMatch))
}

@Test func hintFallsBackAtOnceOnDisconnectedAfterAScan() {
    var m = ScanHintMonitor(hint: hint(), selectedAt: .zero)
    // SelectNetwork passes through disconnected before its first scan: that is no verdict.
    #expect(m.observe(.stateChanged(.disconnected), at: .milliseconds(5)) == .wait)
    _ = m.observe(.scanDone(success: true), at: .milliseconds(200))
    #expect(m.observe(.stateChanged(.disconnected), at: .milliseconds(210)) == .fallBack(.noMatch))
}

@Test func hintFallsBackAtTheLimitWithoutAnyScanResult() {
    var m = ScanHintMonitor(hint: hint(limit: .seconds(2)), selectedAt: .seconds(1))
    // A failed scan (busy radio) is not a result: wpa_supplicant tries again.
    #expect(m.observe(.scanDone(success: false), at: .milliseconds(1500)) == .wait)
    #expect(m.nextWakeup == .seconds(3))
    #expect(m.tick(at: .milliseconds(2999)) == .wait)
    #expect(m.tick(at: .seconds(3)) == .fallBack(.timeout))
}

// MARK: - Authenticator with a hint

@Test func hintGoesToScanFreqAndIsReported() async throws {
    let fake = FakeSupplicant(scripts: [[.stateChanged(.scanning), .scanDone(success: true)] + completedPEAP])
    fake.driver = .nl80211
    let profile = try wifiProfile()
    var options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(30), settleWindow: .milliseconds(5))
    // A limit far beyond the test: on a loaded machine the timer must not decide instead of the signals.
    options.scanHint = ScanHint(frequencies: [2412, 5180], source: .given, limit: .seconds(60))
    let updates = Recorded()
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
        .authenticate(profile: profile, options: options) { updates.append($0.kind) }
    #expect(report.status == .authenticated)
    #expect(report.scanHint?.frequencies == [2412, 5180])
    #expect(report.scanHintFallback == nil)
    let props = try #require(fake.addedProperties.first)
    #expect(props.first { $0.key == "scan_freq" }?.value == .string("2412 5180"))
    #expect(fake.addedProperties.count == 1)
    #expect(updates.kinds.contains(.scanHint(ScanHint(frequencies: [2412, 5180], source: .given, limit: .seconds(60)))))
}

@Test func hintThatFindsNothingFallsBackToAFullScan() async throws {
    // First selection: the hinted scan ends, the state drops back to disconnected. Second: the full scan finds it.
    let fake = FakeSupplicant(scripts: [
        [.stateChanged(.scanning), .scanDone(success: true), .stateChanged(.disconnected)],
        [.stateChanged(.scanning), .scanDone(success: true)] + completedPEAP,
    ])
    fake.driver = .nl80211
    let profile = try wifiProfile()
    var options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(30), settleWindow: .milliseconds(5))
    options.scanHint = ScanHint(frequencies: [2437], source: .remembered, limit: .seconds(60))
    let updates = Recorded()
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
        .authenticate(profile: profile, options: options) { updates.append($0.kind) }
    #expect(report.status == .authenticated)
    #expect(report.scanHintFallback == .noMatch)
    // The hinted network was replaced by one without scan_freq, which is the one kept and reported.
    #expect(fake.addedProperties.count == 2)
    #expect(fake.addedProperties[0].contains { $0.key == "scan_freq" })
    #expect(!fake.addedProperties[1].contains { $0.key == "scan_freq" })
    #expect(fake.networkPaths == [report.networkPath])
    #expect(fake.calls.filter { $0 == "RemoveNetwork" }.count == 1)
    #expect(updates.kinds.contains { if case .scanHintFallback(.noMatch, _, let n) = $0 { n == report.networkPath } else { false } })
}

@Test func hintFallsBackOnTheTimerWhenNoScanEnds() async throws {
    let fake = FakeSupplicant(scripts: [[.stateChanged(.scanning)], completedPEAP])
    fake.driver = .nl80211
    let profile = try wifiProfile()
    var options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(30), settleWindow: .milliseconds(5))
    options.scanHint = ScanHint(frequencies: [2437], source: .given, limit: .milliseconds(200))
    let started = ContinuousClock.now
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
        .authenticate(profile: profile, options: options)
    #expect(report.scanHintFallback == .timeout)
    #expect(ContinuousClock.now - started >= .milliseconds(200))
    #expect(fake.addedProperties.count == 2)
}

@Test func hintIsNotUsedOnWiredPorts() async throws {
    let fake = FakeSupplicant(scripts: [completedPEAP])
    let profile = Profile(name: "lab", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2),
                          trust: TrustSettings(serverCertificatePins: [pin]))
    var options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(30), settleWindow: .milliseconds(5))
    options.scanHint = ScanHint(frequencies: [2412], source: .given)
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
        .authenticate(profile: profile, options: options)
    #expect(report.scanHint == nil)
    #expect(!(fake.addedProperties.first ?? []).contains { $0.key == "scan_freq" })
}

// MARK: - AssociationMemory

private func tempDir() -> String {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("assoc-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
}

private func bss(_ frequency: Int, _ last: UInt8) -> BSSDescription {
    BSSDescription(ssid: Array("corp".utf8), bssid: [2, 0, 0, 0, 1, last], frequency: frequency, advertisedOIs: [])
}

@Test func memoryRecordsNewestFirstAndReadsBack() throws {
    let dir = tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let memory = AssociationMemory(stateDirectory: dir, now: { 1_800_000_000 })
    let profile = try wifiProfile()
    #expect(memory.lookup(for: profile) == .none)
    try memory.record(bss(2412, 1), for: profile)
    try memory.record(bss(5180, 2), for: profile)
    try memory.record(bss(2412, 1), for: profile)
    guard case .hint(let h) = memory.lookup(for: profile) else { Issue.record("no hint"); return }
    #expect(h.frequencies == [2412, 5180])
    #expect(h.bssids == ["02:00:00:00:01:01", "02:00:00:00:01:02"])
    #expect(h.source == .remembered)
    let mode = try FileManager.default.attributesOfItem(atPath: memory.path(for: profile))[.posixPermissions] as? Int
    #expect(mode == 0o600)
    // Not a channel centre, or not a 6-byte BSSID: not recorded.
    try memory.record(bss(2413, 3), for: profile)
    try memory.record(BSSDescription(ssid: [], bssid: [1, 2, 3], frequency: 2437, advertisedOIs: []), for: profile)
    guard case .hint(let again) = memory.lookup(for: profile) else { Issue.record("no hint"); return }
    #expect(again.frequencies == [2412, 5180])
}

@Test func memoryRefusesTamperedRecords() throws {
    let dir = tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let now: Int64 = 1_800_000_000
    let memory = AssociationMemory(stateDirectory: dir, now: { now })
    let profile = try wifiProfile()
    let ssidHex = "636f7270"
    func write(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: memory.directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: memory.path(for: profile)))
    }
    func record(_ freqs: String, bssids: String = "[]", ssid: String = ssidHex, at t: Int64 = now) -> String {
        #"{"ssidHex":"\#(ssid)","frequencies":\#(freqs),"bssids":\#(bssids),"recordedAt":\#(t)}"#
    }
    let attacks: [(String, String)] = [
        (record("[2412]", ssid: "6f74686572"), "recorded for another SSID"),
        (record("[99999]"), "frequencies out of range"),
        (record("[2413]"), "frequencies out of range"),
        (record("[]"), "frequencies out of range"),
        (record("[2412,2417,2422,2427,2432]"), "frequencies out of range"),
        (record("[2412]", bssids: #"["02:00:00:00:01"]"#), "malformed BSSID"),
        (record("[2412]", bssids: #"["zz:00:00:00:01:01"]"#), "malformed BSSID"),
        (record("[2412]", at: now + 2 * 86_400), "recorded in the future"),
        (record("[2412]", at: now - 31 * 86_400), "older than 30 days"),
        ("not json", "not a record"),
        (String(repeating: " ", count: 5000) + record("[2412]"), "larger than 4096 bytes"),
    ]
    for (text, reason) in attacks {
        try write(text)
        #expect(memory.lookup(for: profile) == .ignored(reason), "\(text.prefix(80))")
    }
    // Not a file to read whole: an endless device is cut at the limit, a FIFO without a writer does not block.
    try FileManager.default.removeItem(atPath: memory.path(for: profile))
    try FileManager.default.createSymbolicLink(atPath: memory.path(for: profile), withDestinationPath: "/dev/zero")
    #expect(memory.lookup(for: profile) == .ignored("larger than 4096 bytes"))
    try FileManager.default.removeItem(atPath: memory.path(for: profile))
    #expect(mkfifo(memory.path(for: profile), 0o600) == 0)
    #expect(memory.lookup(for: profile) == .ignored("not a record"))
    try FileManager.default.removeItem(atPath: memory.path(for: profile))
    try write(record("[5180]"))
    #expect(memory.lookup(for: profile) == .hint(ScanHint(frequencies: [5180], source: .remembered)))
    // The profile's SSID changed: the record no longer applies.
    var edited = profile
    edited.binding = .wifi(ssid: try SSID(parsing: "other"), security: .wpa2, hidden: false)
    #expect(memory.lookup(for: edited) == .ignored("recorded for another SSID"))
}

/// Progress kinds collected from a @Sendable callback.
private final class Recorded: @unchecked Sendable {
    // @unchecked: `items` is only touched while holding `lock`.
    private let lock = NSLock()
    private var items: [AuthenticationUpdate.Kind] = []
    func append(_ kind: AuthenticationUpdate.Kind) { lock.withLock { items.append(kind) } }
    var kinds: [AuthenticationUpdate.Kind] { lock.withLock { items } }
}
