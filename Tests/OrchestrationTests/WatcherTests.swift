import DHCPClient
import Foundation
import Orchestration
import ProfileModel
import SupplicantClient
import Testing
import TestSupport

private let pin = String(repeating: "ef", count: 32)
private let profile = Profile(name: "lab", binding: .wired(interface: nil),
                              eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
                              trust: TrustSettings(serverCertificatePins: [pin]))
private let success = completedPEAP
private let creds = FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")])

/// Collects watch events and waits for them.
final class EventLog: Recorder<WatchEvent>, @unchecked Sendable {
    func add(_ e: WatchEvent) { append(e) }
    var events: [WatchEvent] { all }
    func count(_ name: String) -> Int { events.filter { $0.kind.name == name }.count }

    /// The reason of the last `authenticated`.
    var lastAuthenticationReason: WatchAuthenticationReason? {
        for e in events.reversed() { if case .authenticated(let reason, _, _, _, _) = e.kind { return reason } }
        return nil
    }

    /// Waits until `name` happened `count` times (fails the test after 3 s).
    func wait(for name: String, count: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) async {
        for _ in 0..<300 {
            if self.count(name) >= count { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("no \(count)× \(name); saw \(events.map(\.kind.name))", sourceLocation: sourceLocation)
    }
}

/// Runs a watcher in the background; `stop()` ends it and waits.
struct Running {
    let task: Task<Void, any Error>
    let stopper: AsyncStream<Void>.Continuation

    init(_ watcher: Watcher, log: EventLog) {
        let (stream, c) = AsyncStream.makeStream(of: Void.self)
        stopper = c
        task = Task { try await watcher.run(stop: stream) { log.add($0) } }
    }

    func stop() async throws {
        stopper.yield()
        try await task.value
    }
}

private func options(check: Duration = .seconds(2)) -> WatchOptions {
    WatchOptions(interfaceName: "eth9", profile: profile, authenticationTimeout: .seconds(5), dhcpTimeout: .seconds(1),
                 reauthenticationCheck: check, retryDelay: .milliseconds(100))
}

@Test func startAuthenticatesTheProfileThenRunsDHCP() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let trigger = FakeTrigger(backend: .dhclient)
    let log = EventLog()
    let run = Running(Watcher(supplicant: fake, credentials: creds, link: FakeLink(), dhcp: .trigger(trigger),
                              options: options()), log: log)
    await log.wait(for: "dhcp-bound")
    try await run.stop()
    #expect(fake.calls.contains("AddNetwork"))
    #expect(trigger.calls == ["renew eth9"])
    let names = log.events.map(\.kind.name)
    #expect(names.first == "started")
    #expect(names.last == "stopping")
    #expect(names.firstIndex(of: "authenticated")! < names.firstIndex(of: "dhcp-bound")!)
}

@Test func linkFlapReassociatesSendsEAPOLStartAndRenewsAfterCompleted() async throws {
    let fake = FakeSupplicant(scripts: [success])
    fake.reassociateScript = [.stateChanged("associating"), .stateChanged("associated"), .stateChanged("completed")]
    let trigger = FakeTrigger(backend: .dhcpcd)
    let link = FakeLink()
    let log = EventLog()
    let run = Running(Watcher(supplicant: fake, credentials: creds, link: link, dhcp: .trigger(trigger),
                              options: options()), log: log)
    await log.wait(for: "dhcp-bound")
    let eapolBefore = fake.calls.filter { $0 == "EAPOLStart" }.count
    link.set(up: false)
    await log.wait(for: "link-down")
    link.set(up: true)
    await log.wait(for: "dhcp-bound", count: 2)
    try await run.stop()
    #expect(fake.calls.contains("Reassociate"))
    #expect(fake.calls.filter { $0 == "EAPOLStart" }.count == eapolBefore + 1)
    #expect(trigger.calls.count == 2)
    guard case .dhcpBound(let bound)? = log.events.last(where: { $0.kind.name == "dhcp-bound" })?.kind else {
        Issue.record("no dhcp-bound"); return
    }
    #expect(bound.trigger == .linkUp)
    #expect(bound.sinceTrigger != nil)
    let names = log.events.map(\.kind.name)
    let up = try #require(names.firstIndex(of: "link-up"))
    #expect(names[up...].contains("reauthenticating"))
    #expect(names[up...].contains("authenticated"))
}

@Test func linkFlapWithStateStuckAtCompletedFallsBackToTheStateCheck() async throws {
    let fake = FakeSupplicant(scripts: [success])   // Reassociate plays nothing: the wired driver's silence
    let trigger = FakeTrigger(backend: .udhcpc)
    let link = FakeLink()
    let log = EventLog()
    let run = Running(Watcher(supplicant: fake, credentials: creds, link: link, dhcp: .trigger(trigger),
                              options: options(check: .milliseconds(50))), log: log)
    await log.wait(for: "dhcp-bound")
    link.set(up: false)
    link.set(up: true)
    await log.wait(for: "dhcp-bound", count: 2)
    try await run.stop()
    #expect(trigger.calls.count == 2)
    #expect(log.lastAuthenticationReason == .linkUp)
}

@Test func repeatedLinkUpStatesDoNotRetrigger() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let trigger = FakeTrigger(backend: .dhclient)
    let link = FakeLink()
    let log = EventLog()
    let run = Running(Watcher(supplicant: fake, credentials: creds, link: link, dhcp: .trigger(trigger),
                              options: options()), log: log)
    await log.wait(for: "dhcp-bound")
    link.set(up: true)
    link.set(up: true)
    try await Task.sleep(for: .milliseconds(100))
    try await run.stop()
    #expect(log.count("link-up") == 0)
    #expect(!fake.calls.contains("Reassociate"))
    #expect(trigger.calls.count == 1)
}

@Test func supplicantRestartReaddsTheProfileAndRenews() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let trigger = FakeTrigger(backend: .dhclient)
    let log = EventLog()
    let run = Running(Watcher(supplicant: fake, credentials: creds, link: FakeLink(), dhcp: .trigger(trigger),
                              options: options()), log: log)
    await log.wait(for: "dhcp-bound")
    fake.setPresent(false)
    await log.wait(for: "supplicant-vanished")
    fake.forgetAll()
    fake.setPresent(true)
    await log.wait(for: "dhcp-bound", count: 2)
    try await run.stop()
    #expect(fake.calls.filter { $0 == "AddNetwork" }.count == 2)
    #expect(fake.calls.filter { $0 == "subscribe" }.count >= 4)   // authenticate + watch, twice
    #expect(log.lastAuthenticationReason == .supplicantReturned)
    #expect(fake.networkPaths.count == 1)
}

@Test func builtinKeeperRenewsOnEachAuthenticationAndReportsItsEvents() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let keeper = FakeKeeper()
    let link = FakeLink()
    let log = EventLog()
    let run = Running(Watcher(supplicant: fake, credentials: creds, link: link, dhcp: .keeper(keeper),
                              options: options(check: .milliseconds(30))), log: log)
    await log.wait(for: "dhcp-bound")
    link.set(up: false)
    link.set(up: true)
    await log.wait(for: "dhcp-bound", count: 2)
    keeper.play(.renewed(FakeTrigger.result(interface: "eth9", backend: .builtin, count: 9)))
    await log.wait(for: "lease-renewed")
    keeper.play(.expired(interface: "eth9", address: IPv4Address(198, 18, 0, 109)))
    await log.wait(for: "lease-expired")
    try await Task.sleep(for: .milliseconds(50))
    try await run.stop()
    #expect(await keeper.renewals == 2)
    #expect(log.count("dhcp-bound") == 2)   // the keeper's own `bound` for renewNow is not logged twice
    #expect(await keeper.stopped)
    guard case .leaseRenewed(let renewed)? = log.events.first(where: { $0.kind.name == "lease-renewed" })?.kind else {
        Issue.record("no lease-renewed"); return
    }
    #expect(renewed.address.description == "198.18.0.109")
}

@Test func withoutProfileAndWithoutInterfaceItRefusesToStart() async throws {
    let fake = FakeSupplicant(scripts: [success])
    var opts = options()
    opts.profile = nil
    opts.interfaceName = "eth0"
    let watcher = Watcher(supplicant: fake, credentials: creds, link: FakeLink(), dhcp: .none, options: opts)
    let (stream, _) = AsyncStream.makeStream(of: Void.self)
    await #expect(throws: SupplicantError.self) { try await watcher.run(stop: stream) { _ in } }
}

@Test func aCompletedSignalTheSupplicantDoesNotConfirmDoesNotRenewDHCP() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let trigger = FakeTrigger(backend: .dhclient)
    let log = EventLog()
    let run = Running(Watcher(supplicant: fake, credentials: creds, link: FakeLink(), dhcp: .trigger(trigger),
                              options: options()), log: log)
    await log.wait(for: "dhcp-bound")
    // A forged flap: the signals say disconnected → completed, the supplicant (method calls) says associated.
    fake.stateFollowsSignals = false
    fake.currentState = "associated"
    for _ in 0..<5 {
        fake.push(.stateChanged("disconnected"))
        fake.push(.stateChanged("completed"))
    }
    await log.wait(for: "state-unconfirmed", count: 5)
    try await run.stop()
    #expect(trigger.calls == ["renew eth9"])
    #expect(log.count("authenticated") == 1)
    guard case .stateUnconfirmed(let state, _, _)? = log.events.last(where: { $0.kind.name == "state-unconfirmed" })?.kind
    else { Issue.record("no state-unconfirmed"); return }
    #expect(state == "associated")
}
