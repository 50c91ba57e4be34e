import DHCPClient
import Foundation
import Orchestration
import ProfileModel
import StructuredErrors
import SupplicantClient
import Testing
import TestSupport

private let pin = String(repeating: "cd", count: 32)
private let profile = Profile(name: "lab", binding: .wired(interface: nil),
                              eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
                              trust: TrustSettings(serverCertificatePins: [pin]))
private let success = completedPEAP
private let failure: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("completion", "failure"),
]
private let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(5), settleWindow: .milliseconds(5))
private let creds = FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")])

/// Collects progress names.
final class Names: Recorder<AuthenticationUpdate>, @unchecked Sendable {
    func add(_ u: AuthenticationUpdate) { append(u) }
    var updates: [AuthenticationUpdate] { all }
    var names: [String] { updates.map(\.kind.name) }
}

@Test func dhcpRunsRightAfterAuthenticationAndReportsTheLease() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let trigger = FakeTrigger(delay: .milliseconds(20))
    let names = Names()
    let report = try await Connector(authenticator: Authenticator(supplicant: fake, credentials: creds), dhcp: trigger)
        .connect(profile: profile, options: options) { names.add($0) }
    #expect(trigger.calls == ["renew eth9"])
    let lease = try #require(report.dhcp)
    #expect(lease.address.description.hasPrefix("198.18.0."))
    let bound = try #require(report.authenticatedToBound)
    #expect(bound >= .milliseconds(20) && bound < .seconds(2))
    let n = names.names
    let authenticated = try #require(n.firstIndex(of: "authenticated"))
    let started = try #require(n.firstIndex(of: "dhcp-started"))
    let boundIndex = try #require(n.firstIndex(of: "dhcp-bound"))
    #expect(authenticated < started && started < boundIndex)
    guard case .dhcpBound(let event) = names.updates[boundIndex].kind else { Issue.record("not dhcp-bound"); return }
    #expect(event.result.address == lease.address)
    #expect(event.authenticatedToBound ?? .zero >= .milliseconds(20))
}

@Test func noTriggerMeansNoDHCP() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let names = Names()
    let report = try await Connector(authenticator: Authenticator(supplicant: fake, credentials: creds), dhcp: nil)
        .connect(profile: profile, options: options) { names.add($0) }
    #expect(report.dhcp == nil && report.authenticatedToBound == nil)
    #expect(!names.names.contains("dhcp-started"))
}

@Test func dhcpFailureAfterSuccessKeepsTheCodeAndSaysAuthenticationSucceeded() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let trigger = FakeTrigger(failures: [DHCPError(.noServer, "No DHCP server answered on eth9 within 2 s")])
    do {
        _ = try await Connector(authenticator: Authenticator(supplicant: fake, credentials: creds), dhcp: trigger)
            .connect(profile: profile, options: options)
        Issue.record("expected a DHCP error")
    } catch let error as DHCPError {
        #expect(error.code == .noServer)
        #expect(error.message.contains("authentication on eth9"))
        #expect(error.message.contains("succeeded"))
        #expect(error.message.contains("No DHCP server answered on eth9"))
        #expect(error.hint.contains("dhcp renew --interface eth9"))
        #expect(error.details["authenticated"] == .string("true"))
    }
    #expect(fake.networkPaths.count == 1)   // the authentication stays
}

@Test func authenticationFailureSkipsDHCP() async throws {
    let fake = FakeSupplicant(scripts: [failure])
    let trigger = FakeTrigger()
    await #expect(throws: EAPError.self) {
        _ = try await Connector(authenticator: Authenticator(supplicant: fake, credentials: creds), dhcp: trigger)
            .connect(profile: profile, options: options)
    }
    #expect(trigger.calls.isEmpty)
}
