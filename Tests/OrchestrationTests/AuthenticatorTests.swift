import Foundation
import NetworkManagerClient
import Orchestration
import ProfileModel
import Secrets
import StructuredErrors
import SupplicantClient
import Testing

private let pin = String(repeating: "ab", count: 32)

private func peapProfile(username: String? = nil) -> Profile {
    Profile(name: "lab", binding: .wired(interface: nil),
            eap: EAPSettings(outer: .peap, inner: .mschapv2, username: username),
            trust: TrustSettings(serverCertificatePins: [pin]))
}

private func tlsProfile() -> Profile {
    Profile(name: "lab-tls", binding: .wired(interface: nil), eap: EAPSettings(outer: .tls, username: "dev@lab"),
            trust: TrustSettings(serverCertificatePins: [pin]))
}

private let success = completedPEAPWithCertificate

private let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(5), settleWindow: .milliseconds(5))

@Test func successKeepsNetworkAndSendsEAPOLStartAfterSelect() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let profile = peapProfile()
    let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")]))
    let report = try await auth.authenticate(profile: profile, options: options)
    #expect(report.status == .authenticated)
    #expect(report.authMode == "EAP-PEAP")
    #expect(fake.networkPaths.count == 1)
    let calls = fake.calls
    let select = try #require(calls.firstIndex(of: "SelectNetwork"))
    #expect(calls.firstIndex(of: "subscribe")! < select)
    #expect(calls.firstIndex(of: "EAPOLStart").map { $0 > select } == true)
    #expect(try await fake.idString(ofNetwork: fake.networkPaths[0]) == "eapolctl:\(profile.id)")
}

@Test func noEAPOLStartWhenDisabled() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let profile = peapProfile()
    var opts = options
    opts.sendEAPOLStart = false
    _ = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
        .authenticate(profile: profile, options: opts)
    #expect(!fake.calls.contains("EAPOLStart"))
}

@Test func failureRemovesNetworkAndBlobs() async throws {
    let failure: [AuthenticationEvent] = [
        .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "TLS"),
        .eapStatus("remote certificate verification", "success"), .eapStatus("remote TLS alert", "bad certificate"),
        .eapStatus("completion", "failure"),
    ]
    let fake = FakeSupplicant(scripts: [failure])
    let profile = tlsProfile()
    let creds = FakeCredentials(identities: [profile.id.uuid: .pkcs12(SecretBytes([1, 2, 3]), passphrase: nil)])
    await #expect(throws: EAPError(.credentialsRejected, "")) {
        try await Authenticator(supplicant: fake, credentials: creds).authenticate(profile: profile, options: options)
    }
    #expect(fake.calls.contains("AddBlob"))
    #expect(fake.networkPaths.isEmpty)
    #expect(fake.blobList.isEmpty)
}

@Test func missingPasswordAndUsernameFailsBeforeTouchingTheSupplicant() async throws {
    let fake = FakeSupplicant(scripts: [success])
    do {
        _ = try await Authenticator(supplicant: fake, credentials: FakeCredentials())
            .authenticate(profile: peapProfile(), options: options)
        Issue.record("expected credentials-missing")
    } catch let error as EAPError {
        #expect(error.code == .credentialsMissing)
        #expect(error.hint.contains("password set"))
        #expect(error.details["keysTried"] != nil)
    }
    #expect(fake.calls.isEmpty)
}

@Test func missingTLSIdentityIsCredentialsMissing() async throws {
    await #expect(throws: EAPError(.credentialsMissing, "")) {
        try await Authenticator(supplicant: FakeSupplicant(scripts: []), credentials: FakeCredentials())
            .authenticate(profile: tlsProfile(), options: options)
    }
}

@Test func networkRequestIsAnsweredFromTheStore() async throws {
    let script: [AuthenticationEvent] = [.stateChanged("associated"), .eapStatus("started", ""),
                                         .networkRequest(field: "PASSWORD", text: "Password needed")] + success.dropFirst(2)
    let fake = FakeSupplicant(scripts: [script])
    let profile = peapProfile()
    _ = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")]))
        .authenticate(profile: profile, options: options)
    #expect(fake.calls.contains("NetworkReply PASSWORD"))
}

@Test func unanswerableRequestIsCredentialsMissingAndCleansUp() async throws {
    let script: [AuthenticationEvent] = [.stateChanged("associated"), .eapStatus("started", ""),
                                         .networkRequest(field: "PASSWORD", text: "")]
    let fake = FakeSupplicant(scripts: [script])
    await #expect(throws: EAPError(.credentialsMissing, "")) {
        try await Authenticator(supplicant: fake, credentials: FakeCredentials())
            .authenticate(profile: peapProfile(username: "alice"), options: options)
    }
    #expect(fake.networkPaths.isEmpty)
}

@Test func vanishedSupplicantEndsAtOnce() async throws {
    let fake = FakeSupplicant(scripts: [[.stateChanged("associated"), .supplicantVanished]])
    let profile = peapProfile()
    let clock = ContinuousClock()
    let start = clock.now
    await #expect(throws: SupplicantError(.vanished, "")) {
        try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
            .authenticate(profile: profile, options: AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(120)))
    }
    // Had the vanishing gone unnoticed, only the 120 s deadline would have ended the attempt (with an EAP error,
    // not `vanished`). The bound is generous because other suites running in parallel can starve this process.
    #expect(clock.now - start < .seconds(60))
}

@Test func silentPortIsNoAuthenticatorAtTheDeadline() async throws {
    let fake = FakeSupplicant(scripts: [[.stateChanged("associated")]])
    let profile = peapProfile()
    await #expect(throws: EAPError(.noAuthenticator, "")) {
        try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
            .authenticate(profile: profile, options: AuthenticationOptions(interfaceName: "eth9", timeout: .milliseconds(200)))
    }
    #expect(fake.networkPaths.isEmpty)
}

@Test func stopRemovesOnlyOurNetworks() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let foreign = try await fake.addNetwork([], idString: "corp-managed", to: fake.iface)
    let profile = peapProfile()
    let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
    // Another program's network on the interface: refused (InterfaceClaimTests), used only with --take-over.
    await #expect(throws: SupplicantError(.interfaceBusy, "")) {
        _ = try await auth.authenticate(profile: profile, options: options)
    }
    var takeOver = options
    takeOver.takeOver = true
    let report = try await auth.authenticate(profile: profile, options: takeOver)
    #expect(report.takeOver == TakeOver(foreignNetworks: 1))
    #expect(fake.networkPaths.count == 2)
    let state = try await auth.state(interfaceName: "eth9")
    #expect(state.supplicantState == "completed")
    let stopped = try await auth.stop(interfaceName: "eth9")
    #expect(stopped.removedNetworks == 1)
    #expect(fake.networkPaths == [foreign])
}

@Test func anInterfaceNetworkManagerManagesIsRefusedBeforeAnythingIsAdded() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let nm = FakeNetworkManager(devices: [NetworkManagerDevice(path: "/org/freedesktop/NetworkManager/Devices/2",
                                                               interfaceName: "eth9", managed: true, state: .activated)])
    fake.networkManager = nm
    let profile = peapProfile()
    let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
    await #expect(throws: SupplicantError(.interfaceBusy, "")) {
        _ = try await auth.authenticate(profile: profile, options: options)
    }
    #expect(fake.calls.isEmpty && fake.networkPaths.isEmpty && fake.blobList.isEmpty)

    var takeOver = options
    takeOver.takeOver = true
    let report = try await auth.authenticate(profile: profile, options: takeOver)
    #expect(report.status == .authenticated)
    #expect(report.takeOver?.networkManager?.state == .unmanaged)
    #expect(nm.device(at: "/org/freedesktop/NetworkManager/Devices/2")?.managed == false)
    // Now unmanaged: the next run needs no --take-over.
    _ = try await auth.authenticate(profile: profile, options: options)
}

@Test func unknownInterfaceIsReported() async throws {
    let profile = peapProfile()
    await #expect(throws: SupplicantError(.interfaceUnknown, "")) {
        try await Authenticator(supplicant: FakeSupplicant(scripts: []),
                                credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
            .authenticate(profile: profile, options: AuthenticationOptions(interfaceName: "nope0"))
    }
}

// MARK: - Success is confirmed by method calls, not inferred from signals

@Test func signalledSuccessThatTheSupplicantDoesNotConfirmFailsAndCleansUp() async throws {
    // Every signal of a success arrives (anyone on the bus could send them), but State says otherwise.
    let fake = FakeSupplicant(scripts: [success])
    fake.currentState = "associated"
    fake.stateFollowsSignals = false
    let profile = peapProfile()
    let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
    do {
        _ = try await auth.authenticate(profile: profile, options: options)
        Issue.record("a success the supplicant does not confirm was reported")
    } catch let error as SupplicantError {
        #expect(error.code == .outcomeUnconfirmed)
        #expect(error.message.contains("State is associated"))
    }
    #expect(fake.networkPaths.isEmpty)
}

@Test func successOnAnotherNetworkOrWithAnotherMethodIsNotConfirmed() async throws {
    let profile = peapProfile()
    let creds = FakeCredentials(passwords: [profile.id.uuid: ("a", "b")])
    let other = FakeSupplicant(scripts: [success])
    other.reportedNetwork = "/fi/w1/wpa_supplicant1/Interfaces/7/Networks/99"
    await #expect(throws: SupplicantError(.outcomeUnconfirmed, "")) {
        try await Authenticator(supplicant: other, credentials: creds).authenticate(profile: profile, options: options)
    }
    let method = FakeSupplicant(scripts: [success])
    method.reportedAuthMode = "EAP-TTLS"
    await #expect(throws: SupplicantError(.outcomeUnconfirmed, "")) {
        try await Authenticator(supplicant: method, credentials: creds).authenticate(profile: profile, options: options)
    }
}

/// Seen in the Wi-Fi VM: right after the 4-way handshake hostapd restarted EAP, and wpa_supplicant read `completed`
/// with CurrentAuthMode `EAP-UNKNOWN-EAP` until the new round chose PEAP. That is read again, not refused.
@Test func anEAPRoundRestartedRightAfterSuccessIsWaitedOut() async throws {
    let fake = FakeSupplicant(scripts: [success])
    fake.reportedAuthMode = "EAP-UNKNOWN-EAP"
    let profile = peapProfile()
    let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
    Task {
        try await Task.sleep(for: .milliseconds(600))
        fake.reportedAuthMode = nil   // the new round has chosen PEAP
    }
    let report = try await auth.authenticate(profile: profile, options: options)
    #expect(report.authMode == "EAP-PEAP")
}

/// A restart that never chooses a method is still not a success: outcome-unconfirmed once the grace or the deadline
/// is over, and nothing is left behind.
@Test func anEAPRoundThatNeverSettlesIsNotConfirmed() async throws {
    let fake = FakeSupplicant(scripts: [success])
    fake.reportedAuthMode = "EAP-UNKNOWN-EAP"
    let profile = peapProfile()
    let auth = Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("a", "b")]))
    let began = ContinuousClock.now
    let short = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(2), settleWindow: .milliseconds(5))
    await #expect(throws: SupplicantError(.outcomeUnconfirmed, "")) {
        try await auth.authenticate(profile: profile, options: short)
    }
    #expect(ContinuousClock.now - began < .seconds(8))
    #expect(fake.networkPaths.isEmpty)
    #expect(!SupplicantSnapshot(state: "completed", authMode: "EAP-UNKNOWN-EAP", currentNetwork: nil)
        .isRestartingEAP(network: "/n"))
    #expect(!SupplicantSnapshot(state: "associated", authMode: "EAP-UNKNOWN-EAP", currentNetwork: "/n")
        .isRestartingEAP(network: "/n"))
}

@Test func snapshotConfirmationRules() throws {
    let net = "/fi/w1/wpa_supplicant1/Interfaces/1/Networks/0"
    try SupplicantSnapshot(state: "completed", authMode: "EAP-PEAP", currentNetwork: net)
        .confirm(network: net, outer: .peap, interfaceName: "eth0")
    try SupplicantSnapshot(state: "completed", authMode: "WPA2-EAP-SHA256", currentNetwork: net)
        .confirm(network: net, outer: .ttls, interfaceName: "wlan0")
    for bad in [SupplicantSnapshot(state: "completed", authMode: "INACTIVE", currentNetwork: net),
                SupplicantSnapshot(state: "completed", authMode: "WPA2-PSK", currentNetwork: net),
                SupplicantSnapshot(state: "completed", authMode: "EAP-TLS", currentNetwork: net),
                SupplicantSnapshot(state: "completed", authMode: "EAP-PEAP", currentNetwork: nil),
                SupplicantSnapshot(state: "4way_handshake", authMode: "EAP-PEAP", currentNetwork: net)] {
        #expect(throws: SupplicantError(.outcomeUnconfirmed, ""), "\(bad)") {
            try bad.confirm(network: net, outer: .peap, interfaceName: "eth0")
        }
    }
}
