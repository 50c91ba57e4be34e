import Foundation
import Orchestration
import ProfileModel
import Secrets
import StructuredErrors
import SupplicantClient
import Testing

// EAP-FAST in `auth start`: the stored PAC goes to wpa_supplicant as the PAC blob, the PAC wpa_supplicant holds
// after an attempt is read back (before a failure's clean-up) and stored when it changed, and a failure after
// provisioning is followed by one more attempt with the new PAC (Docs/authentication.md, "EAP-FAST").

private let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(20), settleWindow: .milliseconds(5))
private let provisionedText = "wpa_supplicant EAP-FAST PAC file - version 1\nSTART\nPAC-Key=11\nEND\n"
private let storedText = "wpa_supplicant EAP-FAST PAC file - version 1\nSTART\nPAC-Key=22\nEND\n"

private func fastProfile(_ provisioning: ProfileModel.PACProvisioning) -> Profile {
    Profile(name: "fast", binding: .wired(interface: nil),
            eap: EAPSettings(outer: .fast, inner: .mschapv2, username: "fast-user",
                             fast: FASTSettings(provisioning: provisioning)),
            trust: TrustSettings(serverCertificatePins: [String(repeating: "cd", count: 32)]))
}

/// PACs in memory.
private final class FakePACs: PACStoring, @unchecked Sendable {
    // @unchecked: `pacs` and `writes` are only touched while holding `lock`.
    private let lock = NSLock()
    private var pacs: [UUID: SecretBytes] = [:]
    private(set) var writes = 0
    /// Every write fails (a full disk, a held store lock).
    var failsWrites = false
    init(_ initial: [UUID: String] = [:]) { pacs = initial.mapValues { SecretBytes(utf8: $0) } }
    func pac(profileID: UUID) throws -> SecretBytes? { lock.withLock { pacs[profileID] } }
    func storePAC(_ pac: SecretBytes, profileID: UUID) throws {
        if failsWrites { throw StoreFailure() }
        lock.withLock { pacs[profileID] = pac; writes += 1 }
    }
    func text(_ id: UUID) -> String? { lock.withLock { pacs[id]?.utf8String() } }
}

private struct StoreFailure: Error {}

/// Anonymous provisioning as hostapd runs it: the tunnel opens, the PAC is provisioned, the exchange ends in failure.
private let provisioningFailure: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "FAST"),
    .eapStatus("completion", "failure"),
]
private let fastSuccess: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "FAST"),
    .eapStatus("completion", "success"), .currentAuthMode("EAP-FAST"), .stateChanged("completed"),
]

/// The PAC blobs the attempts added (the PAC each attempt sent), in order.
private func sentPACs(_ fake: FakeSupplicant) -> [String?] {
    fake.addedBlobs.filter { $0.name.hasSuffix("-pac") }.map {
        if case .secret(let s) = $0.content { s.utf8String() } else { nil }
    }
}

private final class FASTUpdates: @unchecked Sendable {
    // @unchecked: `items` is only touched while holding `lock`.
    private let lock = NSLock()
    private var items: [AuthenticationUpdate] = []
    func append(_ u: AuthenticationUpdate) { lock.withLock { items.append(u) } }
    var names: [String] { lock.withLock { items.map(\.kind.name) } }
}

@Test func anonymousProvisioningFailsOnceThenTheNewPACAuthenticatesAndIsStored() async throws {
    let p = fastProfile(.anonymous)
    let fake = FakeSupplicant(scripts: [provisioningFailure, fastSuccess])
    fake.provisionedPAC = Array(provisionedText.utf8)
    let pacs = FakePACs()
    let updates = FASTUpdates()
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [p.id.uuid: ("fast-user", "pw")]),
                                         pacs: pacs)
        .authenticate(profile: p, options: options, progress: { updates.append($0) })
    #expect(report.status == .authenticated && report.pac == .provisioned && report.pacRetried)
    #expect(pacs.text(p.id.uuid) == provisionedText && pacs.writes == 1)
    #expect(fake.calls.filter { $0 == "SelectNetwork" }.count == 2)
    // No PAC went with the first attempt; the retry sent the provisioned one.
    #expect(sentPACs(fake) == [provisionedText])
    #expect(updates.names.contains("fast-pac-stored") && updates.names.contains("fast-pac-retry"))
    let stored = try #require(updates.names.firstIndex(of: "fast-pac-stored"))
    #expect(stored < (updates.names.firstIndex(of: "fast-pac-retry") ?? 0), "the PAC is stored before the retry")
}

/// A PAC that cannot be stored does not undo an authentication: the retry still uses it, the result says so, and a
/// warning tells why the next run provisions again.
@Test func aPACThatCannotBeStoredIsAWarningNotAFailure() async throws {
    let p = fastProfile(.anonymous)
    let fake = FakeSupplicant(scripts: [provisioningFailure, fastSuccess])
    fake.provisionedPAC = Array(provisionedText.utf8)
    let pacs = FakePACs()
    pacs.failsWrites = true
    let updates = FASTUpdates()
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [p.id.uuid: ("fast-user", "pw")]),
                                         pacs: pacs)
        .authenticate(profile: p, options: options, progress: { updates.append($0) })
    #expect(report.status == .authenticated && report.pac == .provisioned && report.pacRetried)
    #expect(pacs.text(p.id.uuid) == nil && pacs.writes == 0)
    #expect(sentPACs(fake) == [provisionedText])
    #expect(updates.names.contains("warning") && !updates.names.contains("fast-pac-stored"), "\(updates.names)")
}

@Test func aStoredPACIsSentAndAnUnchangedOneIsNotWrittenAgain() async throws {
    let p = fastProfile(.none)
    let fake = FakeSupplicant(scripts: [fastSuccess])
    let pacs = FakePACs([p.id.uuid: storedText])
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [p.id.uuid: ("fast-user", "pw")]),
                                         pacs: pacs)
        .authenticate(profile: p, options: options)
    #expect(report.status == .authenticated && report.pac == .used && !report.pacRetried)
    #expect(sentPACs(fake) == [storedText] && pacs.writes == 0)
    #expect(fake.calls.filter { $0 == "SelectNetwork" }.count == 1)
}

@Test func aFailureWithoutANewPACIsNotRetriedAndAFailedRetryEndsTheRun() async throws {
    let p = fastProfile(.anonymous)
    // No PAC came back: a plain failure (wrong password), thrown at once.
    let plain = FakeSupplicant(scripts: [provisioningFailure, fastSuccess])
    let pacs = FakePACs()
    await #expect(throws: EAPError.self) {
        try await Authenticator(supplicant: plain, credentials: FakeCredentials(passwords: [p.id.uuid: ("fast-user", "pw")]),
                                pacs: pacs).authenticate(profile: p, options: options)
    }
    #expect(plain.calls.filter { $0 == "SelectNetwork" }.count == 1 && pacs.writes == 0)

    // A PAC was provisioned but the retry fails too: one retry only, the PAC is kept, nothing is left behind.
    let twice = FakeSupplicant(scripts: [provisioningFailure, provisioningFailure])
    twice.provisionedPAC = Array(provisionedText.utf8)
    await #expect(throws: EAPError.self) {
        try await Authenticator(supplicant: twice, credentials: FakeCredentials(passwords: [p.id.uuid: ("fast-user", "pw")]),
                                pacs: pacs).authenticate(profile: p, options: options)
    }
    #expect(twice.calls.filter { $0 == "SelectNetwork" }.count == 2)
    #expect(pacs.text(p.id.uuid) == provisionedText)
    #expect(twice.blobList.isEmpty && twice.networkPaths.isEmpty, "a failed FAST run leaves no PAC blob in the supplicant")
}
