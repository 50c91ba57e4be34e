import StructuredErrors
import Testing
@testable import SupplicantClient

private let rootSubject = "/C=FI/O=Corp/CN=Corp Root A"
private let leafSubject = "/C=FI/O=Corp/CN=radius.example.com"
private let leafHash = String(repeating: "1f", count: 32)
private let rootHash = String(repeating: "aa", count: 32)
private let caA = TrustAnchor.embeddedCA(index: 0, subject: "CN=Corp Root A,O=Corp,C=FI", sha256Hex: rootHash)

private func config(wired: Bool = true, outer: NetworkSpec.OuterMethod = .peap, anchor: TrustAnchor = caA,
                    settle: Duration = .milliseconds(300)) -> AuthenticationTracker.Configuration {
    .init(isWired: wired, outerMethod: outer, anchor: anchor, configuredCASubjects: ["CN=Corp Root A,O=Corp,C=FI"],
          serverNames: ["radius.example.com"], settleWindow: settle, interfaceName: "veth-sup", profileName: "office")
}

/// Replays `(milliseconds, event)` pairs and returns the tracker and every progress event.
private func replay(_ steps: [(Int, AuthenticationEvent)], config: AuthenticationTracker.Configuration = config())
    -> (AuthenticationTracker, [AuthenticationProgress]) {
    var t = AuthenticationTracker(configuration: config)
    var progress: [AuthenticationProgress] = []
    for (ms, e) in steps { progress += t.handle(e, at: .milliseconds(ms)) }
    return (t, progress)
}

private func eapError(_ t: AuthenticationTracker) -> EAPError? {
    if case .eapFailure(let e)? = t.outcome { e } else { nil }
}

// The PEAP exchange as wpa_supplicant 2.10 signals it (see hostap eap.c / tls_openssl.c).
private let peapPrefix: [(Int, AuthenticationEvent)] = [
    (0, .stateChanged("associated")),
    (2000, .eapStatus("started", "")),
    (2001, .eapStatus("accept proposed method", "PEAP")),
    (2004, .certification(depth: 1, subject: rootSubject, altSubjects: [], certHashHex: rootHash, der: [1])),
    (2004, .certification(depth: 0, subject: leafSubject, altSubjects: ["DNS:radius.example.com"], certHashHex: leafHash, der: [2])),
    (2005, .eapStatus("remote certificate verification", "success")),
]

@Test func peapSuccessAfterSettleWindow() {
    var (t, progress) = replay(peapPrefix + [
        (2013, .eapStatus("completion", "success")),
        (2015, .currentAuthMode("EAP-PEAP")),
        (2015, .stateChanged("completed")),
    ])
    #expect(t.outcome == nil)
    #expect(t.nextWakeup == .milliseconds(2315))
    progress += t.handle(.tick, at: .milliseconds(2315))
    guard case .success(let s)? = t.outcome else { Issue.record("no success"); return }
    #expect(s.authMode == "EAP-PEAP")
    #expect(s.serverValidated)
    #expect(s.serverChain.map(\.depth) == [0, 1])
    #expect(progress.contains(.certificateVerified))
    #expect(progress.last == .authenticated(authMode: "EAP-PEAP"))
    #expect(progress.first == .stateChange("associated"))
    #expect(t.timings.eapExchange == .milliseconds(13))
    #expect(t.timings.firstEAPStatus == .milliseconds(2000))
}

@Test func wrongPasswordAfterVerifiedCertificateIsCredentialsRejected() {
    let (t, progress) = replay(peapPrefix + [(2020, .eapStatus("completion", "failure"))])
    #expect(eapError(t)?.code == .credentialsRejected)
    #expect(eapError(t)?.details["stage"] == .string("inner authentication"))
    #expect(progress.last == .eapCompleted(success: false))
    // Wired: State stays `associated`; the outcome was decided without it.
    #expect(t.state == "associated")
}

@Test func rogueCAIsUntrustedWithChainDetails() {
    let (t, _) = replay([
        (0, .eapStatus("started", "")),
        (1, .eapStatus("accept proposed method", "PEAP")),
        (3, .certification(depth: 1, subject: "/CN=Evil Root", altSubjects: [], certHashHex: "ee", der: [])),
        (3, .eapStatus("remote certificate verification", "self-signed certificate in certificate chain")),
        (3, .eapStatus("local TLS alert", "unknown CA")),
        (5, .eapStatus("completion", "failure")),
    ])
    let e = eapError(t)
    #expect(e?.code == .serverCertificateUntrusted)
    #expect(e?.details["reason"] == .string("self-signed certificate in certificate chain"))
    #expect(e?.details["chainSubjects"] == .list(["/CN=Evil Root"]))
    #expect(e?.details["configuredCAs"] == .list(["CN=Corp Root A,O=Corp,C=FI"]))
    #expect(e?.hint.contains("eapolctl profile probe --interface veth-sup") == true)
    #expect(e?.hint.contains("--add-ca-cert") == true)
}

@Test(arguments: ["Domain suffix mismatch", "Domain mismatch", "AltSubject mismatch", "Subject mismatch"])
func nameMismatch(_ reason: String) {
    let (t, _) = replay([
        (0, .eapStatus("started", "")),
        (1, .eapStatus("accept proposed method", "PEAP")),
        (2, .certification(depth: 0, subject: "/CN=other.example.net", altSubjects: ["DNS:other.example.net", "DNS:alt.example.net"],
                           certHashHex: leafHash, der: [])),
        (2, .eapStatus("remote certificate verification", reason)),
        (2, .eapStatus("local TLS alert", "bad certificate")),
        (4, .eapStatus("completion", "failure")),
    ])
    let e = eapError(t)
    #expect(e?.code == .serverNameMismatch)
    #expect(e?.details["certificateNames"] == .list(["other.example.net", "alt.example.net"]))
    #expect(e?.details["configuredNames"] == .list(["radius.example.com"]))
}

@Test func methodRefusedWhenServerNeverProposesOurs() {
    let (t, progress) = replay([
        (0, .eapStatus("started", "")),
        (1, .eapStatus("refuse proposed method", "MD5")),
        (2, .eapStatus("completion", "failure")),
    ])
    #expect(eapError(t)?.code == .methodRefused)
    #expect(eapError(t)?.details["serverProposed"] == .list(["MD5"]))
    #expect(progress.contains(.methodRefused("MD5")))
}

@Test func refusedThenAcceptedIsNotMethodRefused() {
    let (t, _) = replay([
        (0, .eapStatus("started", "")),
        (1, .eapStatus("refuse proposed method", "TTLS")),
        (2, .eapStatus("accept proposed method", "PEAP")),
        (3, .eapStatus("remote certificate verification", "success")),
        (9, .eapStatus("completion", "failure")),
    ])
    #expect(eapError(t)?.code == .credentialsRejected)
}

// A remote `protocol version` alert is now tls-version-mismatch (TLSFailureDiagnosisTests); a local alert no rule
// names stays the generic tls-alert.
@Test func tlsAlertWithoutMoreSpecificCause() {
    let (t, _) = replay([
        (0, .eapStatus("started", "")),
        (1, .eapStatus("accept proposed method", "PEAP")),
        (2, .eapStatus("local TLS alert", "internal error")),
        (3, .eapStatus("completion", "failure")),
    ])
    #expect(eapError(t)?.code == .tlsAlert)
    #expect(eapError(t)?.details["origin"] == .string("local"))
    #expect(eapError(t)?.details["description"] == .string("internal error"))
}

@Test func eapTLSClientCertificateRejectedByServer() {
    let (t, _) = replay([
        (0, .eapStatus("started", "")),
        (1, .eapStatus("accept proposed method", "TLS")),
        (2, .eapStatus("remote certificate verification", "success")),
        (3, .eapStatus("remote TLS alert", "unknown CA")),
        (4, .eapStatus("completion", "failure")),
    ], config: config(outer: .tls))
    #expect(eapError(t)?.code == .credentialsRejected)
    #expect(eapError(t)?.details["stage"] == .string("client certificate"))
}

@Test func networkRequestAnsweredContinuesDeclinedFails() {
    let request: [(Int, AuthenticationEvent)] = peapPrefix + [
        (2010, .networkRequest(field: "PASSWORD", text: "Password needed for SSID ")),
        (2010, .eapStatus("eap parameter needed", "PASSWORD")),
    ]
    var (t, progress) = replay(request)
    #expect(progress.filter { $0 == .parameterNeeded(field: "PASSWORD") }.count == 1)
    _ = t.handle(.networkRequestAnswered(field: "PASSWORD"), at: .milliseconds(2011))
    _ = t.handle(.eapStatus("completion", "success"), at: .milliseconds(2020))
    _ = t.handle(.stateChanged("completed"), at: .milliseconds(2021))
    _ = t.handle(.deadlineReached, at: .milliseconds(2100))
    #expect(t.outcome?.isSuccess == true)
    #expect(t.answeredRequests == ["PASSWORD"])

    var (u, _) = replay(request)
    _ = u.handle(.networkRequestDeclined(field: "PASSWORD", storeKey: "office/password"), at: .milliseconds(2011))
    #expect(eapError(u)?.code == .credentialsMissing)
    #expect(eapError(u)?.details["storeKey"] == .string("office/password"))
    #expect(eapError(u)?.hint.contains("eapolctl password set --profile office") == true)

    // Unanswered until the deadline: still credentials-missing, not a stall.
    var (v, _) = replay(request)
    _ = v.handle(.deadlineReached, at: .seconds(30))
    #expect(eapError(v)?.code == .credentialsMissing)
    #expect(eapError(v)?.details["field"] == .string("PASSWORD"))
}

@Test func noAuthenticatorWhenEAPNeverStarts() {
    let (t, _) = replay([(0, .stateChanged("associated")), (30_000, .deadlineReached)])
    #expect(eapError(t)?.code == .noAuthenticator)
    #expect(eapError(t)?.message.contains("veth-sup") == true)
    #expect(t.timings.decided == .seconds(30))
}

@Test func wifiDeadlineWhileScanningIsTimeout() {
    let (t, _) = replay([(0, .stateChanged("scanning")), (30_000, .deadlineReached)], config: config(wired: false))
    #expect(eapError(t)?.code == .timeout)
}

@Test func stallAfterStart() {
    let (t, _) = replay([
        (0, .eapStatus("started", "")),
        (1, .eapStatus("accept proposed method", "PEAP")),
        (30_000, .deadlineReached),
    ])
    #expect(eapError(t)?.code == .authenticationStalled)
    #expect(eapError(t)?.details["lastEAPStatus"] == .string("accept proposed method"))
}

@Test func supplicantVanished() {
    let (t, progress) = replay([(0, .eapStatus("started", "")), (5, .supplicantVanished), (6, .eapStatus("completion", "success"))])
    guard case .supplicantFailure(let e)? = t.outcome else { Issue.record("not a supplicant failure"); return }
    #expect(e.code == .vanished)
    #expect(progress == [.eapStarted])
}

@Test func completedThatRegressesIsNotSuccess() {
    // The wired start-up race: completed, then back to associated, then a second full exchange.
    var (t, progress) = replay(peapPrefix + [
        (2013, .eapStatus("completion", "success")),
        (2015, .stateChanged("completed")),
        (2100, .stateChanged("associated")),
    ])
    #expect(t.outcome == nil)
    #expect(t.nextWakeup == nil)
    #expect(progress.contains(.authenticationRestarted(state: "associated")))
    _ = t.handle(.tick, at: .milliseconds(2400))
    #expect(t.outcome == nil)
    // Without a new exchange the deadline is a stall, never a success.
    var stalled = t
    _ = stalled.handle(.deadlineReached, at: .seconds(30))
    #expect(stalled.outcome?.isSuccess == false)
    // A second exchange that settles is success, timed from its own start.
    for (ms, e) in [(4100, AuthenticationEvent.eapStatus("started", "")),
                    (4101, .eapStatus("accept proposed method", "PEAP")),
                    (4105, .eapStatus("remote certificate verification", "success")),
                    (4120, .eapStatus("completion", "success")),
                    (4121, .stateChanged("completed")),
                    (4421, .tick)] {
        progress += t.handle(e, at: .milliseconds(ms))
    }
    #expect(t.outcome?.isSuccess == true)
    #expect(t.timings.eapExchange == .milliseconds(20))
    #expect(t.timings.firstEAPStatus == .milliseconds(2000))
}

@Test func bareCompletedOnWiredIsNotSuccess() {
    let (t, _) = replay([(0, .stateChanged("completed")), (1000, .tick)])
    #expect(t.outcome == nil)
    let (w, _) = replay([(0, .stateChanged("completed")), (1000, .tick)], config: config(wired: false))
    guard case .success(let s)? = w.outcome else { Issue.record("PMKSA reconnect not success"); return }
    #expect(s.resumedWithoutEAP)
}

@Test func successWithoutCAIsFlaggedInsecure() {
    var (t, progress) = replay(peapPrefix + [
        (2013, .eapStatus("completion", "success")),
        (2015, .stateChanged("completed")),
    ], config: config(anchor: .none, settle: .zero))
    _ = t.handle(.tick, at: .milliseconds(2016))
    guard case .success(let s)? = t.outcome else { Issue.record("no success"); return }
    #expect(!s.serverValidated)
    #expect(progress.contains(.certificateNotValidated))
    #expect(!progress.contains(.certificateVerified))
}

@Test func linkDownCancelsPendingSuccess() {
    var (t, _) = replay(peapPrefix + [
        (2013, .eapStatus("completion", "success")),
        (2015, .stateChanged("completed")),
        (2100, .linkDown),
    ])
    _ = t.handle(.tick, at: .milliseconds(2400))
    #expect(t.outcome == nil)
    _ = t.handle(.deadlineReached, at: .seconds(30))
    #expect(eapError(t)?.code == .timeout)
    #expect(eapError(t)?.details["linkDown"] == .bool(true))
}

@Test func interfaceDisabledIsUnexpectedState() {
    let (t, _) = replay([(0, .eapStatus("started", "")), (1, .stateChanged("interface_disabled"))])
    guard case .supplicantFailure(let e)? = t.outcome else { Issue.record("not a supplicant failure"); return }
    #expect(e.code == .unexpectedState)
}

/// The fields are the CLI's (EventFieldsTests); the name is the event's identity.
@Test func progressNamesForJSON() {
    #expect(AuthenticationProgress.serverCertificate(depth: 0, subject: "s", fingerprint: "f", subjectAltNames: ["DNS:a"])
        .name == "server-certificate")
    #expect(AuthenticationProgress.tlsAlert(local: true, description: "x").name == "tls-alert")
}
