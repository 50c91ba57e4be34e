import Foundation
import Orchestration
import ProfileModel
import SupplicantClient
import Testing

// The authenticator restarts EAP right after the 4-way handshake (seen with hostapd on a slow host): wpa_supplicant
// stays `completed` but reads CurrentAuthMode EAP-UNKNOWN-EAP until the second round ends. Success waits for it.

private let pin = String(repeating: "ab", count: 32)

@Test func successWaitsOutAnEAPRestartAfterTheHandshake() async throws {
    let fake = FakeSupplicant(scripts: [completedPEAP])
    fake.reportedAuthMode = "EAP-UNKNOWN-EAP"
    let profile = Profile(name: "lab", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2),
                          trust: TrustSettings(serverCertificatePins: [pin]))
    let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
    let restarted = Task {
        try await Task.sleep(for: .milliseconds(700))
        fake.reportedAuthMode = "EAP-PEAP"   // the second round completed
    }
    let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(30), settleWindow: .milliseconds(5))
    let report = try await auth.authenticate(profile: profile, options: options)
    _ = try await restarted.value
    #expect(report.status == .authenticated)
    #expect(report.authMode == "EAP-PEAP")
}

@Test func aModeThatStaysUnknownIsStillUnconfirmedAtTheDeadline() async throws {
    let fake = FakeSupplicant(scripts: [completedPEAP])
    fake.reportedAuthMode = "EAP-UNKNOWN-EAP"
    let profile = Profile(name: "lab", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2),
                          trust: TrustSettings(serverCertificatePins: [pin]))
    let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
    let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(1), settleWindow: .milliseconds(5))
    await #expect(throws: SupplicantError(.outcomeUnconfirmed, "")) {
        _ = try await auth.authenticate(profile: profile, options: options)
    }
    #expect(fake.networkPaths.isEmpty)   // cleaned up as any failure
}
