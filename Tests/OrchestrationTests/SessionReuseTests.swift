import Foundation
import Orchestration
import ProfileModel
import SupplicantClient
import Testing

// A second `auth start` with an unchanged profile re-authenticates on the network the first one left (wpa_supplicant
// resumes a TLS session only on the network object that created it); a changed trust setting forces a new network.

private let pinA = String(repeating: "ab", count: 32)
private let pinB = String(repeating: "cd", count: 32)
private let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(5), settleWindow: .milliseconds(5))

private func profile(pin: String = pinA, serverNames: [String] = []) -> Profile {
    Profile(name: "lab", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2),
            trust: TrustSettings(serverCertificatePins: [pin]))
}

private let full: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
    .certification(depth: 0, subject: "/CN=radius", altSubjects: [], certHashHex: pinA, der: [0x30]),
    .eapStatus("remote certificate verification", "success"), .eapStatus("completion", "success"),
    .currentAuthMode("EAP-PEAP"), .stateChanged("completed"),
]
/// The re-authentication the EAPOL-Start triggers on a completed port: no certificate (abbreviated handshake).
private let resumedExchange: [AuthenticationEvent] = [
    .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"), .eapStatus("completion", "success"),
]

private func credentials(_ p: Profile) -> FakeCredentials { FakeCredentials(passwords: [p.id.uuid: ("alice", "pw")]) }

@Test func secondStartKeepsTheNetworkAndReportsResumption() async throws {
    let fake = FakeSupplicant(scripts: [full])
    let p = profile()
    let auth = Authenticator(supplicant: fake, credentials: credentials(p))
    let first = try await auth.authenticate(profile: p, options: options)
    #expect(first.resumed == false)
    #expect(fake.blobList.contains { $0.hasPrefix("eapolctl-session-") })
    let network = try #require(fake.networkPaths.first)

    fake.eapolStartScripts = [fake.eapolStartCount + 1: resumedExchange]
    let callsBefore = fake.calls.count
    let second = try await auth.authenticate(profile: p, options: options)
    let calls = Array(fake.calls.dropFirst(callsBefore))
    #expect(second.resumed == true)
    #expect(second.networkPath == network)
    #expect(second.serverChain.isEmpty)
    #expect(fake.networkPaths == [network])
    #expect(!calls.contains("RemoveNetwork") && !calls.contains("AddNetwork") && !calls.contains("SelectNetwork"))
    #expect(calls.contains("EAPOLStart"))
}

@Test func changedTrustForcesANewNetwork() async throws {
    let fake = FakeSupplicant(scripts: [full])
    let p = profile()
    let auth = Authenticator(supplicant: fake, credentials: credentials(p))
    _ = try await auth.authenticate(profile: p, options: options)
    let firstNetwork = try #require(fake.networkPaths.first)
    let firstMarker = try #require(fake.blobList.first { $0.hasPrefix("eapolctl-session-") })

    var changed = p
    changed.trust = TrustSettings(serverCertificatePins: [pinB])   // same profile ID, different trust
    let callsBefore = fake.calls.count
    let second = try await Authenticator(supplicant: fake, credentials: credentials(changed))
        .authenticate(profile: changed, options: options)
    let calls = Array(fake.calls.dropFirst(callsBefore))
    #expect(calls.contains("RemoveNetwork") && calls.contains("AddNetwork"))
    #expect(second.networkPath != firstNetwork)
    #expect(!fake.blobList.contains(firstMarker))
    #expect(second.resumed == false)
}

@Test func aFailedReuseFallsBackToAFullAttempt() async throws {
    let fake = FakeSupplicant(scripts: [full])
    let p = profile()
    let auth = Authenticator(supplicant: fake, credentials: credentials(p))
    _ = try await auth.authenticate(profile: p, options: options)
    let firstNetwork = try #require(fake.networkPaths.first)
    // The server refuses the old network's credentials (say the password changed in the store).
    fake.eapolStartScripts = [fake.eapolStartCount + 1: [
        .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"), .eapStatus("completion", "failure"),
    ]]
    let names = UpdateNames()
    let second = try await auth.authenticate(profile: p, options: options, progress: { names.append($0.kind.name) })
    #expect(names.all.contains("network-reuse-failed"))
    #expect(second.networkPath != firstNetwork)
    #expect(fake.networkPaths == [second.networkPath])
    #expect(second.resumed == false)
}

@Test func anotherProfilesNetworkIsNotReused() async throws {
    let fake = FakeSupplicant(scripts: [full])
    let a = profile()
    _ = try await Authenticator(supplicant: fake, credentials: credentials(a)).authenticate(profile: a, options: options)
    let b = profile()   // same settings, different ID: a different marker and id_str
    let callsBefore = fake.calls.count
    _ = try await Authenticator(supplicant: fake, credentials: credentials(b)).authenticate(profile: b, options: options)
    #expect(Array(fake.calls.dropFirst(callsBefore)).contains("AddNetwork"))
}

/// The progress event names, collected from the authenticator's callback.
private final class UpdateNames: @unchecked Sendable {
    // @unchecked: `names` is only touched while holding `lock`.
    private let lock = NSLock()
    private var names: [String] = []
    func append(_ name: String) { lock.withLock { names.append(name) } }
    var all: [String] { lock.withLock { names } }
}
