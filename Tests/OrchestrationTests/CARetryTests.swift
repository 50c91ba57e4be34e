import Foundation
import Orchestration
import ProfileModel
import StructuredErrors
import SupplicantClient
import Testing

// `auth start` with a profile that trusts two CAs: the first attempt uses the first CA; when the server's chain was
// issued by the second, the supplicant reports an issuer-unknown verification failure and eapolctl retries once
// with the second CA (Docs/authentication.md, "ca-retry").

private let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(20), settleWindow: .milliseconds(5))
private let leafHash = String(repeating: "5a", count: 32)

private func profile(_ cas: [TestCertificateAuthority]) -> Profile {
    Profile(name: "two-cas", binding: .wired(interface: nil),
            eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
            trust: TrustSettings(caCertificates: cas.map(\.certificate)))
}

private func credentials(_ p: Profile) -> FakeCredentials { FakeCredentials(passwords: [p.id.uuid: ("alice", "pw")]) }

/// A PEAP exchange whose server presents `root` (depth 1) above its leaf and fails verification with `reason`.
private func untrustedAttempt(root: TestCertificateAuthority, rootSubject: String, reason: String) -> [AuthenticationEvent] {
    [
        .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
        .certification(depth: 1, subject: rootSubject, altSubjects: [], certHashHex: root.sha256Hex, der: root.der),
        .certification(depth: 0, subject: "/O=Corp/CN=radius.example.com", altSubjects: ["DNS:radius.example.com"],
                       certHashHex: leafHash, der: [0x30]),
        .eapStatus("remote certificate verification", reason), .eapStatus("local TLS alert", "unknown CA"),
        .eapStatus("completion", "failure"),
    ]
}

private let successAttempt: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
    .eapStatus("remote certificate verification", "success"), .eapStatus("completion", "success"),
    .currentAuthMode("EAP-PEAP"), .stateChanged("completed"),
]

/// The CA blobs the attempts added, in order.
private func caBlobs(_ fake: FakeSupplicant) -> [[UInt8]] {
    fake.addedBlobs.filter { $0.name.hasSuffix("-ca") }.compactMap {
        if case .bytes(let b) = $0.content { b } else { nil }
    }
}

/// Collects progress events across tasks.
private final class Updates: @unchecked Sendable {
    // @unchecked: `items` is only touched while holding `lock`.
    private let lock = NSLock()
    private var items: [AuthenticationUpdate] = []
    func append(_ u: AuthenticationUpdate) { lock.withLock { items.append(u) } }
    var all: [AuthenticationUpdate] { lock.withLock { items } }
}

@Test(arguments: ["unable to get local issuer certificate", "self-signed certificate in certificate chain"])
func untrustedChainFromTheSecondCAIsRetriedWithIt(reason: String) async throws {
    let a = try TestCertificateAuthority(commonName: "Root A")
    let b = try TestCertificateAuthority(commonName: "Root B")
    let p = profile([a, b])
    let fake = FakeSupplicant(scripts: [untrustedAttempt(root: b, rootSubject: "/O=Corp/CN=Root B", reason: reason),
                                        successAttempt])
    let updates = Updates()
    let report = try await Authenticator(supplicant: fake, credentials: credentials(p))
        .authenticate(profile: p, options: options, progress: { updates.append($0) })
    #expect(report.status == .authenticated)
    #expect(fake.calls.filter { $0 == "SelectNetwork" }.count == 2)
    // The first attempt used A, the retry B; the failed attempt's network and blob are gone.
    #expect(caBlobs(fake) == [a.der, b.der])
    #expect(fake.networkPaths.count == 1)
    // The CA blob of the retry, and the session marker of the network that worked (Authenticator+SessionReuse).
    #expect(fake.blobList.filter { !$0.hasPrefix("eapolctl-session-") }.count == 1)
    #expect(fake.blobList.filter { $0.hasPrefix("eapolctl-session-") }.count == 1)
    guard case .embeddedCA(let index, _, let fp) = report.anchor else {
        Issue.record("anchor is \(report.anchor)"); return
    }
    #expect(index == 1)
    #expect(fp == b.sha256Hex)
    let retry = try #require(updates.all.first { $0.kind.name == "ca-retry" })
    guard case .caRetry(_, let said) = retry.kind else { Issue.record("\(retry.kind)"); return }
    #expect(said.contains(reason))
}

@Test func chainMatchedByFingerprintWhenSubjectsAreWrittenDifferently() async throws {
    let a = try TestCertificateAuthority(commonName: "Root A")
    let b = try TestCertificateAuthority(commonName: "Root B")
    let p = profile([a, b])
    // A subject the comparison cannot tie to either CA: only B's fingerprint in cert_hash identifies it.
    let fake = FakeSupplicant(scripts: [untrustedAttempt(root: b, rootSubject: "/CN=Some other name",
                                                         reason: "self-signed certificate in certificate chain"),
                                        successAttempt])
    let report = try await Authenticator(supplicant: fake, credentials: credentials(p)).authenticate(profile: p, options: options)
    #expect(report.status == .authenticated)
    #expect(caBlobs(fake) == [a.der, b.der])
}

@Test func chainFromAnUnknownCAIsNotRetried() async throws {
    let a = try TestCertificateAuthority(commonName: "Root A")
    let b = try TestCertificateAuthority(commonName: "Root B")
    let rogue = try TestCertificateAuthority(commonName: "Evil Root")
    let p = profile([a, b])
    let fake = FakeSupplicant(scripts: [untrustedAttempt(root: rogue, rootSubject: "/O=Corp/CN=Evil Root",
                                                         reason: "self-signed certificate in certificate chain"),
                                        successAttempt])
    await #expect(throws: EAPError(.serverCertificateUntrusted, "")) {
        try await Authenticator(supplicant: fake, credentials: credentials(p)).authenticate(profile: p, options: options)
    }
    #expect(fake.calls.filter { $0 == "SelectNetwork" }.count == 1)
    #expect(caBlobs(fake) == [a.der])
    #expect(fake.networkPaths.isEmpty)
    #expect(fake.blobList.isEmpty)
}

@Test func retryHappensOnlyOnce() async throws {
    let a = try TestCertificateAuthority(commonName: "Root A")
    let b = try TestCertificateAuthority(commonName: "Root B")
    let p = profile([a, b])
    // Both attempts fail the same way (B is not the real issuer after all): no third attempt.
    let failing = untrustedAttempt(root: b, rootSubject: "/O=Corp/CN=Root B", reason: "unable to get local issuer certificate")
    let fake = FakeSupplicant(scripts: [failing, failing])
    await #expect(throws: EAPError(.serverCertificateUntrusted, "")) {
        try await Authenticator(supplicant: fake, credentials: credentials(p)).authenticate(profile: p, options: options)
    }
    #expect(fake.calls.filter { $0 == "SelectNetwork" }.count == 2)
    #expect(fake.networkPaths.isEmpty)
    #expect(fake.blobList.isEmpty)
}

@Test func preferredCAFingerprintIsTriedFirst() async throws {
    let a = try TestCertificateAuthority(commonName: "Root A")
    let b = try TestCertificateAuthority(commonName: "Root B")
    let p = profile([a, b])
    let fake = FakeSupplicant(scripts: [successAttempt])
    var opts = options
    // The colon-separated upper-case form, as `certificate show` prints it.
    opts.preferredCAFingerprint = b.certificate.summary.sha256Fingerprint.uppercased()
    let report = try await Authenticator(supplicant: fake, credentials: credentials(p)).authenticate(profile: p, options: opts)
    #expect(report.status == .authenticated)
    #expect(fake.calls.filter { $0 == "SelectNetwork" }.count == 1)
    #expect(caBlobs(fake) == [b.der])
    guard case .embeddedCA(let index, _, _) = report.anchor else { Issue.record("anchor is \(report.anchor)"); return }
    #expect(index == 1)

    // Without a preference (or with one matching no CA) the profile's order holds.
    for preferred in [nil, String(repeating: "12", count: 32)] {
        let plain = FakeSupplicant(scripts: [successAttempt])
        var o = options
        o.preferredCAFingerprint = preferred
        _ = try await Authenticator(supplicant: plain, credentials: credentials(p)).authenticate(profile: p, options: o)
        #expect(caBlobs(plain) == [a.der])
    }
}

@Test func preferredCAThatFailsFallsBackToTheOtherCA() async throws {
    let a = try TestCertificateAuthority(commonName: "Root A")
    let b = try TestCertificateAuthority(commonName: "Root B")
    let p = profile([a, b])
    // Last time B worked, but the server has since moved to a chain under A.
    let fake = FakeSupplicant(scripts: [untrustedAttempt(root: a, rootSubject: "/O=Corp/CN=Root A",
                                                         reason: "unable to get local issuer certificate"),
                                        successAttempt])
    var opts = options
    opts.preferredCAFingerprint = b.sha256Hex
    let report = try await Authenticator(supplicant: fake, credentials: credentials(p)).authenticate(profile: p, options: opts)
    #expect(report.status == .authenticated)
    #expect(caBlobs(fake) == [b.der, a.der])
}
