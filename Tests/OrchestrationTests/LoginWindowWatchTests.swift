import DHCPClient
import Foundation
import HostOS
import Orchestration
import ProfileModel
import SupplicantClient
import Testing

private let pin = String(repeating: "ab", count: 32)
private func peap(_ name: String, _ user: String) -> Profile {
    Profile(name: name, binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2, username: user),
            trust: TrustSettings(serverCertificatePins: [pin]))
}
private let machine = peap("machine", "host/pc1")
private let user = peap("user", "alice")
private let creds = FakeCredentials(passwords: [machine.id.uuid: ("host/pc1", "pw1"), user.id.uuid: ("alice", "pw2")])
private let success: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("completion", "success"),
    .currentAuthMode("EAP-PEAP"), .stateChanged("completed"),
]
private let failure: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("completion", "failure"),
]

private func options() -> WatchOptions {
    WatchOptions(interfaceName: "eth9", profile: machine, authenticationTimeout: .seconds(5), dhcpTimeout: .seconds(1),
                 reauthenticationCheck: .milliseconds(200), retryDelay: .milliseconds(100), fallbackProfiles: [user])
}

private func loginWindowEvents(_ log: EventLog) -> [LoginWindowEvent] {
    log.events.compactMap { if case .loginWindow(let e) = $0.kind { e } else { nil } }
}

/// watch with a login-window list, against the fake supplicant.
@Suite struct LoginWindowWatchTests {
    @Test func theFirstProfileFailsTheSecondAuthenticatesAndTheFailureIsReported() async throws {
        let fake = FakeSupplicant(scripts: [failure, success])
        let trigger = FakeTrigger(backend: .dhclient)
        let log = EventLog()
        let run = Running(Watcher(supplicant: fake, credentials: creds, link: FakeLink(), dhcp: .trigger(trigger),
                                  options: options()), log: log)
        await log.wait(for: "dhcp-bound")
        try await run.stop()
        let events = loginWindowEvents(log)
        guard case .profileFailed(let failed, let error)? = events.first else {
            Issue.record("no login-window-profile-failed first: \(events)")
            return
        }
        #expect(failed.profileID == machine.id && failed.position == 1 && failed.count == 2)
        #expect(error.code != nil, "the failure carries its structured code: \(error)")
        #expect(events.dropFirst().first == .profileSelected(.init(profile: "user", profileID: user.id, position: 2, count: 2)))
        let names = log.events.map(\.kind.name)
        #expect(names.filter { $0 == "authenticating" }.count == 2)
        #expect(names.firstIndex(of: "login-window-profile-failed")! < names.firstIndex(of: "authenticated")!)
        #expect(fake.networkPaths.count == 1, "the failed profile's network is gone, the working one stays")
        #expect(trigger.calls == ["renew eth9"])
    }

    @Test func whenEveryProfileFailsEachErrorIsReportedAndTheListIsTriedAgain() async throws {
        let fake = FakeSupplicant(scripts: [failure, failure, success])
        let log = EventLog()
        let run = Running(Watcher(supplicant: fake, credentials: creds, link: FakeLink(), dhcp: .none, options: options()),
                          log: log)
        await log.wait(for: "authenticated")
        try await run.stop()
        let events = loginWindowEvents(log)
        guard let exhausted = events.first(where: { if case .exhausted = $0 { true } else { false } }),
              case .exhausted(let failures, let retryIn) = exhausted else {
            Issue.record("no login-window-exhausted: \(events)")
            return
        }
        #expect(failures.map(\.attempt.profileID) == [machine.id, user.id])
        #expect(retryIn == .milliseconds(100))
        // The retry starts from the first again (nothing worked), and the first now succeeds.
        #expect(events.last == .profileSelected(.init(profile: "machine", profileID: machine.id, position: 1, count: 2)))
        #expect(log.lastAuthenticationReason == .retry)
    }

    @Test func aLinkChangeStartsAgainFromTheFirstProfile() async throws {
        // machine fails, user works; after the link flap machine is tried first again (and now works).
        let fake = FakeSupplicant(scripts: [failure, success, success])
        let link = FakeLink()
        let log = EventLog()
        let run = Running(Watcher(supplicant: fake, credentials: creds, link: link, dhcp: .none, options: options()), log: log)
        await log.wait(for: "authenticated")
        link.set(up: false)
        await log.wait(for: "link-down")
        link.set(up: true)
        await log.wait(for: "authenticated", count: 2)
        try await run.stop()
        let selected = loginWindowEvents(log).compactMap { if case .profileSelected(let t) = $0 { t.profileID } else { nil } }
        #expect(selected == [user.id, machine.id])
        #expect(!fake.calls.contains("Reassociate"), "a fallback is not reassociated after a link change")
        #expect(log.lastAuthenticationReason == .linkUp)
    }
}
