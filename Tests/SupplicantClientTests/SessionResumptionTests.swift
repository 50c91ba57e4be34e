import Testing
@testable import SupplicantClient

// What wpa_supplicant 2.10 signals for a full and for a resumed (abbreviated) TLS handshake. Full: OpenSSL's verify
// callback runs per certificate (→ `Certification`) and at the end of the chain (→ `remote certificate
// verification`). Resumed: the server sends no Certificate message, so neither appears.

private let cert = AuthenticationEvent.certification(depth: 0, subject: "/CN=radius", altSubjects: [], certHashHex: "aa",
                                                     der: [1])

private func full(_ method: String) -> [AuthenticationEvent] {
    [.stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", method), cert,
     .eapStatus("remote certificate verification", "success"), .eapStatus("completion", "success"),
     .stateChanged("completed")]
}

private func resumed(_ method: String) -> [AuthenticationEvent] {
    [.stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", method),
     .eapStatus("completion", "success"), .stateChanged("completed")]
}

private func detect(_ events: [AuthenticationEvent]) -> SessionResumptionDetector {
    var d = SessionResumptionDetector()
    for e in events { d.observe(e) }
    return d
}

@Test(arguments: ["TLS", "PEAP", "TTLS"])
func abbreviatedHandshakeIsResumed(method: String) {
    #expect(detect(resumed(method)).resumed)
    #expect(!detect(full(method)).resumed)
    #expect(detect(full(method)).completedSuccessfully)
}

@Test func aCertificateAloneOrAVerificationAloneMeansFull() {
    var onlyCert = resumed("PEAP")
    onlyCert.insert(cert, at: 3)
    #expect(!detect(onlyCert).resumed)
    var onlyVerification = resumed("PEAP")
    onlyVerification.insert(.eapStatus("remote certificate verification", "success"), at: 3)
    #expect(!detect(onlyVerification).resumed)
}

@Test func failureOrNoExchangeIsNeverResumed() {
    #expect(!detect([.eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
                     .eapStatus("completion", "failure")]).resumed)
    // PMKSA caching (Wi-Fi): no EAP at all is not a TLS resumption.
    #expect(!detect([.stateChanged("associated"), .stateChanged("completed")]).resumed)
    // Success without a TLS method (never for eapolctl's profiles, but the rule must not claim TLS resumption).
    #expect(!detect([.eapStatus("started", ""), .eapStatus("accept proposed method", "MD5"),
                     .eapStatus("completion", "success")]).resumed)
}

@Test func aNewExchangeStartsOver() {
    // A full handshake, then a resumed re-authentication: only the last exchange counts.
    #expect(detect(full("TLS") + resumed("TLS")).resumed)
    // A resumed exchange followed by a full one.
    #expect(!detect(resumed("TLS") + full("TLS")).resumed)
}

@Test func trackerReportsResumptionOnSuccess() {
    func outcome(_ events: [AuthenticationEvent]) -> AuthenticationSuccess? {
        var t = AuthenticationTracker(configuration: .init(
            isWired: true, outerMethod: .tls, anchor: .serverPin(sha256Hex: "aa"), settleWindow: .milliseconds(10),
            interfaceName: "veth-supp", profileName: "lab"))
        var ms = 0
        for e in events + [.tick] { ms += 5; _ = t.handle(e, at: .milliseconds(ms)) }
        _ = t.handle(.tick, at: .milliseconds(ms + 100))
        if case .success(let s)? = t.outcome { return s }
        return nil
    }
    let r = outcome(resumed("TLS"))
    #expect(r?.sessionResumed == true)
    #expect(r?.serverChain.isEmpty == true)
    #expect(outcome(full("TLS"))?.sessionResumed == false)
}
