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

// MARK: - ScanHintMonitor (after SelectNetwork)

@Test func hintMatchesWhenAssociationStarts() {
    var m = ScanHintMonitor(startedAt: .zero)
    // SelectNetwork passes through disconnected first: no verdict.
    #expect(m.observe(.stateChanged(.disconnected)) == .wait)
    #expect(m.observe(.stateChanged(.authenticating)) == .matched)
    // Decided once: a later scan (a roam, a reconnect) changes nothing.
    #expect(m.observe(.stateChanged(.scanning)) == .wait)
    #expect(m.decided == .matched)
}

@Test func hintFallsBackWhenTheSupplicantStartsItsOwnScan() {
    // The hinted results held no access point of the network: SelectNetwork's fast associate found nothing and
    // wpa_supplicant scans every channel.
    var m = ScanHintMonitor(startedAt: .zero)
    #expect(m.observe(.scanDone(success: true)) == .wait)
    #expect(m.observe(.stateChanged(.scanning)) == .fallBack(.noMatch))
    #expect(m.observe(.stateChanged(.associating)) == .wait)
    #expect(m.decided == .fallBack(.noMatch))
}

// MARK: - Authenticator with a hint

private func authenticate(_ fake: FakeSupplicant, hint: ScanHint, updates: Recorded? = nil) async throws -> AuthenticationReport {
    fake.driver = .nl80211
    let profile = try wifiProfile()
    var options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(30), settleWindow: .milliseconds(5))
    options.scanHint = hint
    return try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
        .authenticate(profile: profile, options: options) { updates?.append($0.kind) }
}

@Test func hintIsOneScanBeforeSelectionAndNeverPartOfTheNetwork() async throws {
    let fake = FakeSupplicant(scripts: [completedPEAP])
    fake.scanScript = [.stateChanged(.scanning), .scanDone(success: true), .stateChanged(.inactive)]
    let updates = Recorded()
    // A limit far beyond the test: on a loaded machine the timer must not decide instead of the signals.
    let given = ScanHint(frequencies: [2412, 5180], source: .given, limit: .seconds(60))
    let report = try await authenticate(fake, hint: given, updates: updates)
    #expect(report.status == .authenticated)
    #expect(report.scanHint?.frequencies == [2412, 5180])
    #expect(report.scanHintFallback == nil)
    #expect(fake.scanRequests == [try ScanRequest(frequencies: [2412, 5180], ssid: Array("corp".utf8))])
    // The scan comes after AddNetwork (the network is disabled until selected) and before SelectNetwork.
    let order = fake.calls.filter { ["AddNetwork", "Scan", "SelectNetwork"].contains($0) }
    #expect(order == ["AddNetwork", "Scan", "SelectNetwork"])
    // Nothing of the hint stays on the network: later scans (reconnects, roams) cover every channel.
    #expect(fake.addedProperties.count == 1)
    #expect(!(fake.addedProperties.first ?? []).contains { $0.key == "scan_freq" })
    #expect(updates.kinds.contains(.scanHint(given)))
    #expect(!updates.kinds.contains { if case .scanHintFallback = $0 { true } else { false } })
}

@Test func hintThatFindsNothingLeavesTheFullScanToTheSupplicant() async throws {
    // The hinted scan ends; SelectNetwork finds nothing in its results and wpa_supplicant scans every channel.
    let fake = FakeSupplicant(scripts: [[.stateChanged(.scanning), .scanDone(success: true)] + completedPEAP])
    fake.scanScript = [.scanDone(success: true)]
    let updates = Recorded()
    let report = try await authenticate(fake, hint: ScanHint(frequencies: [2437], source: .remembered, limit: .seconds(60)),
                                        updates: updates)
    #expect(report.status == .authenticated)
    #expect(report.scanHintFallback == .noMatch)
    // One network, never replaced: no second AddNetwork, no RemoveNetwork.
    #expect(fake.addedProperties.count == 1)
    #expect(fake.networkPaths == [report.networkPath])
    #expect(!fake.calls.contains("RemoveNetwork"))
    #expect(updates.kinds.contains { if case .scanHintFallback(.noMatch, _, let n) = $0 { n == report.networkPath } else { false } })
}

@Test func aHintedScanThatNeverEndsIsGivenUpAtItsLimit() async throws {
    let fake = FakeSupplicant(scripts: [completedPEAP])
    fake.scanScript = [.stateChanged(.scanning)]
    let started = ContinuousClock.now
    let report = try await authenticate(fake, hint: ScanHint(frequencies: [2437], source: .given, limit: .milliseconds(200)))
    #expect(report.status == .authenticated)
    #expect(report.scanHintFallback == .timeout)
    #expect(ContinuousClock.now - started >= .milliseconds(200))
    #expect(fake.calls.filter { $0 == "SelectNetwork" }.count == 1)
}

@Test func aRefusedOrFailedHintedScanIsReportedAndTheConnectGoesOn() async throws {
    let refused = FakeSupplicant(scripts: [completedPEAP])   // scanScript nil: Scan is refused
    var report = try await authenticate(refused, hint: ScanHint(frequencies: [2437], source: .given, limit: .seconds(60)))
    #expect(report.status == .authenticated && report.scanHintFallback == .scanFailed)
    let failed = FakeSupplicant(scripts: [completedPEAP])
    failed.scanScript = [.scanDone(success: false)]
    report = try await authenticate(failed, hint: ScanHint(frequencies: [2437], source: .given, limit: .seconds(60)))
    #expect(report.status == .authenticated && report.scanHintFallback == .scanFailed)
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
    #expect(!fake.calls.contains("Scan"))
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
    let attacks: [(String, AssociationRefusal)] = [
        (record("[2412]", ssid: "6f74686572"), .otherSSID),
        (record("[99999]"), .frequenciesOutOfRange),
        (record("[2413]"), .frequenciesOutOfRange),
        (record("[]"), .frequenciesOutOfRange),
        (record("[2412,2417,2422,2427,2432]"), .frequenciesOutOfRange),
        (record("[2412]", bssids: #"["02:00:00:00:01"]"#), .malformedBSSID),
        (record("[2412]", bssids: #"["zz:00:00:00:01:01"]"#), .malformedBSSID),
        (record("[2412]", at: now + 2 * 86_400), .recordedInTheFuture),
        (record("[2412]", at: now - 31 * 86_400), .tooOld),
        ("not json", .notARecord),
        (String(repeating: " ", count: 5000) + record("[2412]"), .tooLarge(limit: 4096)),
    ]
    for (text, reason) in attacks {
        try write(text)
        #expect(memory.lookup(for: profile) == .ignored(reason), "\(text.prefix(80))")
    }
    // Not a file to read whole: an endless device is cut at the limit, a FIFO without a writer does not block.
    try FileManager.default.removeItem(atPath: memory.path(for: profile))
    try FileManager.default.createSymbolicLink(atPath: memory.path(for: profile), withDestinationPath: "/dev/zero")
    #expect(memory.lookup(for: profile) == .ignored(.tooLarge(limit: 4096)))
    try FileManager.default.removeItem(atPath: memory.path(for: profile))
    #expect(mkfifo(memory.path(for: profile), 0o600) == 0)
    #expect(memory.lookup(for: profile) == .ignored(.notARecord))
    try FileManager.default.removeItem(atPath: memory.path(for: profile))
    try write(record("[5180]"))
    #expect(memory.lookup(for: profile) == .hint(ScanHint(frequencies: [5180], source: .remembered)))
    // The profile's SSID changed: the record no longer applies.
    var edited = profile
    edited.binding = .wifi(ssid: try SSID(parsing: "other"), security: .wpa2, hidden: false)
    #expect(memory.lookup(for: edited) == .ignored(.otherSSID))
}

/// Progress kinds collected from a @Sendable callback.
private final class Recorded: @unchecked Sendable {
    // @unchecked: `items` is only touched while holding `lock`.
    private let lock = NSLock()
    private var items: [AuthenticationUpdate.Kind] = []
    func append(_ kind: AuthenticationUpdate.Kind) { lock.withLock { items.append(kind) } }
    var kinds: [AuthenticationUpdate.Kind] { lock.withLock { items } }
}
