import Foundation
import Orchestration
import ProfileModel
import StructuredErrors
import SupplicantClient
import Testing

// The wired fast path (Attempt.swift): an EAPOL-Start once the port is associated, repeated every second
// (`eapolStartRepeat`) until EAP starts, and sent at once when the port is already `associated` at selection time.

/// Generous: only a hang (or falling back to the deadline) would come near it.
private let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(30), settleWindow: .milliseconds(5))

@Test func unansweredEAPOLStartIsRepeatedUntilThePortAnswers() async throws {
    // The port is associated but silent (an authenticator still in its quiet period): it ignores the first
    // EAPOL-Start and answers the second. The supplicant's own timer is not modelled, so only the repeat can succeed.
    let fake = FakeSupplicant(scripts: [[.stateChanged("associated")]])
    fake.eapolStartScripts = [2: peapExchange]
    let p = wiredPEAPProfile()
    let updates = UpdateRecorder()
    let clock = ContinuousClock()
    let start = clock.now
    let report = try await Authenticator(supplicant: fake, credentials: storedCredentials(p))
        .authenticate(profile: p, options: options, progress: { updates.append($0) })
    #expect(report.status == .authenticated)
    #expect(fake.eapolStartCount >= 2)
    let counts = updates.all.compactMap { if case .eapolStart(_, let count) = $0.kind { count } else { nil } }
    #expect(counts.prefix(2) == [1, 2])
    #expect(clock.now - start < .seconds(25))   // not the deadline
}

@Test func repeatingStopsOnceEAPHasStarted() async throws {
    // The first EAPOL-Start is answered (EAP starts) but the peapExchange is slow; a further EAPOL-Start would restart
    // it, so none may be sent while it runs.
    let fake = FakeSupplicant(scripts: [[.stateChanged("associated")]])
    fake.eapolStartScripts = [1: [.eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP")],
                              2: [.eapStatus("completion", "failure")]]
    let p = wiredPEAPProfile()
    let auth = Task {
        try await Authenticator(supplicant: fake, credentials: storedCredentials(p)).authenticate(profile: p, options: options)
    }
    // Wait until the attempt is under way (subscribed, first EAPOL-Start sent): on a loaded machine the task may
    // start late, and events pushed before the subscription would be lost.
    let ready = ContinuousClock.now + .seconds(20)
    while fake.eapolStartCount < 1 && ContinuousClock.now < ready { try await Task.sleep(for: .milliseconds(20)) }
    #expect(fake.eapolStartCount == 1)
    // Longer than two repeat periods; then the peapExchange completes.
    try await Task.sleep(for: .milliseconds(2500))
    fake.push(.eapStatus("remote certificate verification", "success"))
    fake.push(.eapStatus("completion", "success"))
    fake.push(.currentAuthMode("EAP-PEAP"))
    fake.push(.stateChanged("completed"))
    let report = try await auth.value
    #expect(report.status == .authenticated)
    #expect(fake.eapolStartCount == 1)
}

@Test func alreadyAssociatedPortGetsAnEAPOLStartWithoutAStateChange() async throws {
    // A retry on the same port: it is `associated` before SelectNetwork and no State change will be signalled.
    let fake = FakeSupplicant(scripts: [[]])
    fake.currentState = "associated"
    fake.eapolStartScripts = [1: peapExchange]
    let p = wiredPEAPProfile()
    let report = try await Authenticator(supplicant: fake, credentials: storedCredentials(p)).authenticate(profile: p, options: options)
    #expect(report.status == .authenticated)
    #expect(fake.eapolStartCount == 1)
    let calls = fake.calls
    #expect(calls.firstIndex(of: "EAPOLStart").map { $0 > calls.firstIndex(of: "SelectNetwork")! } == true)
}

@Test func alreadyAssociatedSilentPortIsAlsoRepeated() async throws {
    let fake = FakeSupplicant(scripts: [[]])
    fake.currentState = "associated"
    fake.eapolStartScripts = [2: peapExchange]
    let p = wiredPEAPProfile()
    let report = try await Authenticator(supplicant: fake, credentials: storedCredentials(p)).authenticate(profile: p, options: options)
    #expect(report.status == .authenticated)
    #expect(fake.eapolStartCount >= 2)
}

@Test func alreadyAssociatedPortGetsNoEAPOLStartWhenDisabled() async throws {
    let fake = FakeSupplicant(scripts: [[]])
    fake.currentState = "associated"
    fake.eapolStartScripts = [1: peapExchange]
    let p = wiredPEAPProfile()
    var opts = options
    opts.sendEAPOLStart = false
    opts.timeout = .milliseconds(300)
    await #expect(throws: EAPError(.noAuthenticator, "")) {
        try await Authenticator(supplicant: fake, credentials: storedCredentials(p)).authenticate(profile: p, options: opts)
    }
    #expect(fake.eapolStartCount == 0)
}

@Test func notPermittedEAPOLStartIsNotRepeated() async throws {
    // Without CAP_NET_RAW the first send fails; repeating would only fail again, and the supplicant's own timer runs.
    let fake = FakeSupplicant(scripts: [[.stateChanged("associated")]])
    fake.eapolResult = .notPermitted
    let p = wiredPEAPProfile()
    var opts = options
    opts.timeout = .milliseconds(2500)
    await #expect(throws: EAPError(.noAuthenticator, "")) {
        try await Authenticator(supplicant: fake, credentials: storedCredentials(p)).authenticate(profile: p, options: opts)
    }
    #expect(fake.eapolStartCount == 1)
}
