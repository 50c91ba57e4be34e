import Foundation
import StructuredErrors
import Testing
@testable import SupplicantClient

// Real DER certificates (ECDSA P-256, valid to 2036): a server certificate issued by "Corp Intermediate CA", and
// that intermediate (self-signed here, which also serves as a self-issued server certificate).
private let leafDER = [UInt8](Data(base64Encoded: "MIIBVTCB+wIUBOUfrLfBan05NJ07h/S7uvnFqXQwCgYIKoZIzj0EAwIwLjENMAsGA1UECgwEQ29ycDEdMBsGA1UEAwwUQ29ycCBJbnRlcm1lZGlhdGUgQ0EwHhcNMjYxMjAxMjI1NzE4WhcNMzYxMTI4MjI1NzE4WjAsMQ0wCwYDVQQKDARDb3JwMRswGQYDVQQDDBJyYWRpdXMuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT4e3J7IoxfTzkYTS0N/Cm5dLIlssIbQEZz9HsrVbJQzRcXts2/NS6ifSIVpSzpOKUbTiJr/ncybw+I9DeDOE1dMAoGCCqGSM49BAMCA0kAMEYCIQCCQ/LqfTbaBjrvbC7OyrxuEiFmmnIdADaBWGUdenHIagIhAKEoxLDhbZaRiFHkJrGj3/APLDfrmCa72KWdOjxybe6S")!)
private let intermediateDER = [UInt8](Data(base64Encoded: "MIIBsDCCAVegAwIBAgIUG0p8JUYjlVbQMon/2HQkzTKZl1IwCgYIKoZIzj0EAwIwLjENMAsGA1UECgwEQ29ycDEdMBsGA1UEAwwUQ29ycCBJbnRlcm1lZGlhdGUgQ0EwHhcNMjYxMjAxMjI1NzE4WhcNMzYxMTI4MjI1NzE4WjAuMQ0wCwYDVQQKDARDb3JwMR0wGwYDVQQDDBRDb3JwIEludGVybWVkaWF0ZSBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIM82qsFTgP8nucX9tuAiI/07TLfl3Sy2IjUrF0UUcBfZ/pPUQ5cZ93C1gFowcOgr3pi60Dvi9jRMK+WF097KVGjUzBRMB0GA1UdDgQWBBTp2fgBjw+DQgW/Hh3p4kZu8UhpxjAfBgNVHSMEGDAWgBTp2fgBjw+DQgW/Hh3p4kZu8UhpxjAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIDIMQ3WPsQOfyBUDu579qY7MjJevJEb4ikw7IPEz4NfqAiANBGN2ciAR5/UZe9mD0MPzJRP9JOuAs3NdZgLe1sqI1Q==")!)
private let leafSubject = "/O=Corp/CN=radius.example.com"
private let intermediateSubject = "/O=Corp/CN=Corp Intermediate CA"
private let rootSubjectRFC = "CN=Corp Root A,O=Corp"
private let rootHash = String(repeating: "aa", count: 32)
private let issuerMissing = "unable to get local issuer certificate"

private func config(caSubject: String = rootSubjectRFC) -> AuthenticationTracker.Configuration {
    .init(isWired: true, outerMethod: .peap,
          anchor: .embeddedCA(index: 0, subject: caSubject, sha256Hex: rootHash),
          configuredCASubjects: [caSubject], serverNames: ["radius.example.com"],
          interfaceName: "veth-sup", profileName: "office")
}

/// A PEAP exchange whose verification fails with `reason` after the server sent `chain` (depth, subject, DER).
private func failedExchange(_ chain: [(Int, String, [UInt8])], reason: String = issuerMissing,
                            config: AuthenticationTracker.Configuration = config()) -> EAPError? {
    var t = AuthenticationTracker(configuration: config)
    var steps: [AuthenticationEvent] = [.stateChanged("associated"), .eapStatus("started", ""),
                                        .eapStatus("accept proposed method", "PEAP")]
    for (depth, subject, der) in chain {
        steps.append(.certification(depth: depth, subject: subject, altSubjects: [],
                                    certHashHex: String(repeating: "\(depth)f", count: 32), der: der))
    }
    steps += [.eapStatus("remote certificate verification", reason), .eapStatus("local TLS alert", "unknown CA"),
              .eapStatus("completion", "failure")]
    for (i, e) in steps.enumerated() { _ = t.handle(e, at: .milliseconds(i)) }
    if case .eapFailure(let e)? = t.outcome { return e }
    return nil
}

@Test func serverSendingOnlyItsCertificateIsIncompleteChainNamingTheIssuer() throws {
    let error = try #require(failedExchange([(0, leafSubject, leafDER)]))
    #expect(error.code == .incompleteChain)
    #expect(error.message.contains("Corp Intermediate CA"), "\(error.message)")
    #expect(error.details["missingIssuer"] == .string("CN=Corp Intermediate CA,O=Corp"))
    #expect(error.details["serverSubject"] == .string(leafSubject))
    #expect(error.details["reason"] == .string(issuerMissing))
    #expect(error.hint.contains("Corp Intermediate CA"), "\(error.hint)")
}

@Test func issuerThatIsTheProfilesCAIsNotAnIncompleteChain() throws {
    // The server's issuer is the configured CA itself: something else failed (signature, validity).
    let error = try #require(failedExchange([(0, leafSubject, leafDER)], config: config(caSubject: "CN=Corp Intermediate CA,O=Corp")))
    #expect(error.code == .serverCertificateUntrusted)
}

@Test func chainWithAnIntermediateButUntrustedRootStaysUntrusted() throws {
    let error = try #require(failedExchange([(1, intermediateSubject, intermediateDER), (0, leafSubject, leafDER)]))
    #expect(error.code == .serverCertificateUntrusted)
}

@Test func selfIssuedServerCertificateStaysUntrusted() throws {
    let error = try #require(failedExchange([(0, intermediateSubject, intermediateDER)]))
    #expect(error.code == .serverCertificateUntrusted)
}

@Test func otherReasonsAndMissingDERStayUntrusted() throws {
    #expect(try #require(failedExchange([(0, leafSubject, leafDER)], reason: "certificate has expired")).code
        == .serverCertificateUntrusted)
    #expect(try #require(failedExchange([(0, leafSubject, [])])).code == .serverCertificateUntrusted)
    #expect(try #require(failedExchange([(0, leafSubject, [1, 2, 3])])).code == .serverCertificateUntrusted)
}

@Test func trackerRecordsTheIssuerOfEachServerCertificate() {
    var t = AuthenticationTracker(configuration: config())
    _ = t.handle(.certification(depth: 0, subject: leafSubject, altSubjects: [], certHashHex: "0f", der: leafDER),
                 at: .zero)
    #expect(t.serverChain.first?.issuer == "CN=Corp Intermediate CA,O=Corp")
}

@Test func caRetryFollowsAnIncompleteChainToTheProfilesCAThatIssuedTheServer() throws {
    let error = try #require(failedExchange([(0, leafSubject, leafDER)]))
    let leaf = ServerCertificate(depth: 0, subject: leafSubject, altSubjects: [], sha256Hex: "0f", der: leafDER,
                                 issuer: IncompleteChain.issuer(ofDER: leafDER))
    let first = TrustAnchor.embeddedCA(index: 0, subject: rootSubjectRFC, sha256Hex: rootHash)
    let second = TrustAnchor.embeddedCA(index: 1, subject: "CN=Corp Intermediate CA,O=Corp",
                                        sha256Hex: String(repeating: "bb", count: 32))
    let next = NetworkConfiguration.nextCACandidate(after: error, chain: [leaf], candidates: [first, second], tried: [first])
    #expect(next == second)
}
