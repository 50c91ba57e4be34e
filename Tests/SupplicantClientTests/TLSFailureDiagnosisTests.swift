import StructuredErrors
import Testing
@testable import SupplicantClient

// TLS-level causes of a failed exchange (issue 16 item 1), replayed through the tracker.

private func config(outer: NetworkSpec.OuterMethod = .peap, tlsMin: NetworkSpec.TLSVersion? = nil,
                    tlsMax: NetworkSpec.TLSVersion? = nil) -> AuthenticationTracker.Configuration {
    .init(isWired: true, outerMethod: outer,
          anchor: .embeddedCA(index: 0, subject: "CN=eapolctl Testbed CA", sha256Hex: String(repeating: "aa", count: 32)),
          configuredCASubjects: ["CN=eapolctl Testbed CA"], serverNames: ["radius.testbed.example"],
          interfaceName: "veth-supp", profileName: "office", tlsMinVersion: tlsMin, tlsMaxVersion: tlsMax)
}

private func outcome(_ statuses: [(EAPStatus, String)], _ config: AuthenticationTracker.Configuration,
                     certificates: Int = 0) -> EAPError? {
    var t = AuthenticationTracker(configuration: config)
    var ms = 0
    _ = t.handle(.stateChanged("associated"), at: .milliseconds(ms))
    for (i, (status, parameter)) in statuses.enumerated() {
        ms += 2
        if i == 2 {
            for depth in (0..<certificates).reversed() {
                _ = t.handle(.certification(depth: depth, subject: "/CN=c\(depth)", altSubjects: [], certHashHex: "ab",
                                            der: []), at: .milliseconds(ms))
            }
        }
        _ = t.handle(.eapStatus(status, parameter), at: .milliseconds(ms))
    }
    if case .eapFailure(let e)? = t.outcome { return e }
    return nil
}

// Observed on the FreeRADIUS 3.2.1 testbed with wpa_supplicant 2.10 (-d log, "EAP: Status notification" lines), for a
// profile with --tls-min 1.3 --tls-max 1.3 against `scripts/testbed radius restart --tls-max 1.2`, PEAP:
//   started () → accept proposed method (PEAP) → completion (failure)
// FreeRADIUS's log: "(9) eap_peap: (TLS) send TLS 1.2 Alert, fatal protocol_version" — but the alert never reaches the
// supplicant (bare EAP-Failure): no TLS alert status, no Certification signal. Before this change: credentials-rejected
// ("outer method").
private let observedPEAP: [(EAPStatus, String)] = [
    ("started", ""), ("accept proposed method", "PEAP"), ("completion", "failure"),
]
// The same for TTLS and EAP-TLS (the profile's method is not the server's default, so it is refused first):
//   started () → refuse proposed method (PEAP) → accept proposed method (TTLS) → completion (failure)
private let observedTTLS: [(EAPStatus, String)] = [
    ("started", ""), ("refuse proposed method", "PEAP"), ("accept proposed method", "TTLS"), ("completion", "failure"),
]
private let observedTLS: [(EAPStatus, String)] = [
    ("started", ""), ("refuse proposed method", "PEAP"), ("accept proposed method", "TLS"), ("completion", "failure"),
]

@Test func profileTLS13OnlyAgainstTLS12ServerIsInferredVersionMismatch() {
    let e = outcome(observedPEAP, config(tlsMin: .v1_3, tlsMax: .v1_3))
    #expect(e?.code == .tlsVersionMismatch)
    #expect(e?.codeInfo.name == "tls-version-mismatch")
    #expect(e?.details["inferred"] == .bool(true))
    #expect(e?.details["profileTLSMin"] == .string("1.3"))
    #expect(e?.details["profileTLSMax"] == .string("1.3"))
    #expect(e?.details["serverTLS"] == .string("probably at most TLS 1.2"))
    #expect(e?.message.contains("inferred") == true)
    #expect(e?.message.contains("TLS 1.3 only") == true)
    #expect(e?.hint.contains("`eapolctl profile edit office --tls-min 1.2 --tls-max 1.3`") == true)
}

@Test(arguments: [(observedTTLS, NetworkSpec.OuterMethod.ttls), (observedTLS, .tls)])
func everyTLSMethodWithTLS13OnlyIsInferredVersionMismatch(_ sequence: [(EAPStatus, String)], outer: NetworkSpec.OuterMethod) {
    let e = outcome(sequence, config(outer: outer, tlsMin: .v1_3, tlsMax: .v1_3))
    #expect(e?.code == .tlsVersionMismatch)
    #expect(e?.details["inferred"] == .bool(true))
}

// Observed the other way round: profile --tls-max 1.2 against `radius restart --tls-min 1.3`, PEAP: the same three
// statuses (FreeRADIUS: "send TLS 1.2 Alert, fatal protocol_version", then a bare EAP-Failure).
@Test func profileTLS12AgainstTLS13OnlyServerIsInferredVersionMismatch() {
    let e = outcome(observedPEAP, config(tlsMax: .v1_2))
    #expect(e?.code == .tlsVersionMismatch)
    #expect(e?.details["inferred"] == .bool(true))
    #expect(e?.details["profileTLSMax"] == .string("1.2"))
    #expect(e?.details["serverTLS"] == .string("probably TLS 1.3 only"))
    #expect(e?.message.contains("requires TLS 1.3") == true)
}

/// Without --tls-max wpa_supplicant 2.10 keeps TLS 1.3 off: the bounds are TLS 1.2 only, and the message says why.
@Test func defaultBoundsAreTLS12Only() {
    let e = outcome(observedPEAP, config())
    #expect(e?.code == .tlsVersionMismatch)
    #expect(e?.details["profileTLSMax"] == .string("1.2"))
    #expect(e?.message.contains("no --tls-max") == true)
}

/// Bounds covering TLS 1.2 and 1.3 exclude no version: no version claim, an inferred handshake failure.
@Test func failureBeforeCertificateWithWideBoundsIsInferredHandshakeFailure() {
    let e = outcome(observedPEAP, config(tlsMax: .v1_3))
    #expect(e?.code == .tlsHandshakeFailure)
    #expect(e?.details["inferred"] == .bool(true))
    #expect(e?.message.contains("inferred") == true)
}

// From hostap's tls_openssl.c (info callback → TLS_ALERT event with OpenSSL's long alert name) and eap.c
// (eap_notify_status "remote TLS alert" / "local TLS alert"): a server that does send its alert (hostapd's internal
// server does) produces `remote TLS alert` before the failure. Not observed with FreeRADIUS, which sends none.
@Test func remoteProtocolVersionAlertIsVersionMismatchNotInferred() {
    let e = outcome([("started", ""), ("accept proposed method", "PEAP"), ("remote TLS alert", "protocol version"),
                     ("completion", "failure")], config(tlsMin: .v1_3, tlsMax: .v1_3))
    #expect(e?.code == .tlsVersionMismatch)
    #expect(e?.details["inferred"] == .bool(false))
    #expect(e?.details["alert"] == .string("protocol version"))
    #expect(e?.details["origin"] == .string("remote"))
    #expect(e?.message.contains("inferred") == false)
}

@Test func localProtocolVersionAlertIsVersionMismatch() {
    let e = outcome([("started", ""), ("accept proposed method", "PEAP"), ("local TLS alert", "protocol version"),
                     ("completion", "failure")], config(tlsMax: .v1_2))
    #expect(e?.code == .tlsVersionMismatch)
    #expect(e?.details["origin"] == .string("local"))
}

@Test func handshakeFailureAlertIsHandshakeFailure() {
    let e = outcome([("started", ""), ("accept proposed method", "TTLS"), ("remote TLS alert", "handshake failure"),
                     ("completion", "failure")], config(outer: .ttls, tlsMax: .v1_3))
    #expect(e?.code == .tlsHandshakeFailure)
    #expect(e?.details["inferred"] == .bool(false))
    #expect(e?.details["alert"] == .string("handshake failure"))
}

@Test func insufficientSecurityAlertIsNoSharedCipher() {
    let e = outcome([("started", ""), ("accept proposed method", "PEAP"), ("remote TLS alert", "insufficient security"),
                     ("completion", "failure")], config(tlsMax: .v1_3))
    #expect(e?.code == .tlsNoSharedCipher)
    #expect(e?.codeInfo.name == "tls-no-shared-cipher")
}

@Test func otherServerAlertBeforeTunnelIsNamedServerAlert() {
    let e = outcome([("started", ""), ("accept proposed method", "PEAP"), ("remote TLS alert", "decode error"),
                     ("completion", "failure")], config(tlsMax: .v1_3))
    #expect(e?.code == .tlsServerAlert)
    #expect(e?.message.contains("'decode error'") == true)
    #expect(e?.details["alert"] == .string("decode error"))
}

/// A local alert no rule names stays the generic tls-alert.
@Test func otherLocalAlertStaysTLSAlert() {
    let e = outcome([("started", ""), ("accept proposed method", "PEAP"), ("local TLS alert", "internal error"),
                     ("completion", "failure")], config(tlsMax: .v1_3))
    #expect(e?.code == .tlsAlert)
    #expect(e?.details["origin"] == .string("local"))
}

// Observed on the testbed (wrong password, PEAP, TLS 1.3-only profile against FreeRADIUS with TLS 1.3): the tunnel is
// up (three Certification signals, verification success), then the failure. Bounds do not matter any more.
@Test(arguments: [NetworkSpec.TLSVersion.v1_2, .v1_3])
func rejectionAfterTheTunnelIsUpStaysCredentialsRejected(_ tlsMin: NetworkSpec.TLSVersion) {
    let e = outcome([("started", ""), ("accept proposed method", "PEAP"), ("remote certificate verification", "success"),
                     ("completion", "failure")], config(tlsMin: tlsMin, tlsMax: .v1_3), certificates: 3)
    #expect(e?.code == .credentialsRejected)
    #expect(e?.details["stage"] == .string("inner authentication"))
}

@Test func clientCertificateAlertAfterTunnelStaysCredentialsRejected() {
    let e = outcome([("started", ""), ("accept proposed method", "TLS"), ("remote certificate verification", "success"),
                     ("remote TLS alert", "certificate expired"), ("completion", "failure")],
                    config(outer: .tls, tlsMin: .v1_3, tlsMax: .v1_3), certificates: 2)
    #expect(e?.code == .credentialsRejected)
    #expect(e?.details["stage"] == .string("client certificate"))
}

/// No method agreed (the server rejected the identity): nothing about TLS can be inferred.
@Test func rejectionBeforeAnyMethodIsNotATLSDiagnosis() {
    let e = outcome([("started", ""), ("completion", "failure")], config(tlsMin: .v1_3, tlsMax: .v1_3))
    #expect(e?.code == .credentialsRejected)
    #expect(e?.details["stage"] == .string("identity"))
}

/// A server certificate arrived, so the versions matched: no version inference.
@Test func failureAfterCertificateWithoutVerificationIsNotAVersionMismatch() {
    let e = outcome([("started", ""), ("accept proposed method", "PEAP"), ("completion", "failure")],
                    config(tlsMin: .v1_3, tlsMax: .v1_3), certificates: 1)
    #expect(e?.code == .credentialsRejected)
}
