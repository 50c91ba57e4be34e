import StructuredErrors
import Testing
@testable import SupplicantClient

private let hashA = String(repeating: "aa", count: 32)
private let hashB = String(repeating: "bb", count: 32)
private let candidates: [TrustAnchor] = [
    .embeddedCA(index: 0, subject: "CN=Root A,O=Corp", sha256Hex: hashA),
    .embeddedCA(index: 1, subject: "CN=Root B,O=Corp", sha256Hex: hashB),
]

private func untrusted(_ reason: String) -> EAPError {
    EAPError(.serverCertificateUntrusted, "x", details: ["reason": .string(reason)])
}

@Test func retriesWithTheCAWhoseSubjectIssuedTheChain() {
    let chain = [
        ServerCertificate(depth: 0, subject: "/O=Corp/CN=radius", altSubjects: [], sha256Hex: "01", der: []),
        ServerCertificate(depth: 1, subject: "/O=Corp/CN=Root B", altSubjects: [], sha256Hex: "02", der: []),
    ]
    let next = NetworkConfiguration.nextCACandidate(after: untrusted("self-signed certificate in certificate chain"),
                                                    chain: chain, candidates: candidates, tried: [candidates[0]])
    #expect(next == candidates[1])
    // Only once: after B was tried there is nothing left.
    #expect(NetworkConfiguration.nextCACandidate(after: untrusted("unable to get local issuer certificate"), chain: chain,
                                                 candidates: candidates, tried: candidates) == nil)
}

@Test func retriesUsingTheIssuerTheCallerParsed() {
    let chain = [ServerCertificate(depth: 0, subject: "/CN=radius", altSubjects: [], sha256Hex: "01", der: [],
                                   issuer: "O=Corp, CN=Root B")]
    #expect(NetworkConfiguration.nextCACandidate(after: untrusted("unable to get local issuer certificate"), chain: chain,
                                                 candidates: candidates, tried: [candidates[0]]) == candidates[1])
}

@Test func noRetryForUnknownIssuerOrOtherFailures() {
    let chain = [ServerCertificate(depth: 1, subject: "/CN=Evil Root", altSubjects: [], sha256Hex: "ee", der: [])]
    #expect(NetworkConfiguration.nextCACandidate(after: untrusted("self-signed certificate in certificate chain"), chain: chain,
                                                 candidates: candidates, tried: [candidates[0]]) == nil)
    #expect(NetworkConfiguration.nextCACandidate(after: untrusted("certificate has expired"), chain: chain,
                                                 candidates: candidates, tried: [candidates[0]]) == nil)
    #expect(NetworkConfiguration.nextCACandidate(after: EAPError(.credentialsRejected, "x"), chain: chain,
                                                 candidates: candidates, tried: [candidates[0]]) == nil)
}

@Test func systemBundleIsTheFallbackAndPinsMatchTheLeaf() {
    let chain = [ServerCertificate(depth: 1, subject: "/CN=Public Root", altSubjects: [], sha256Hex: "cc", der: [])]
    let withSystem = candidates + [.systemBundle(path: "/etc/ssl/certs/ca-certificates.crt")]
    #expect(NetworkConfiguration.nextCACandidate(after: untrusted("unable to get local issuer certificate"), chain: chain,
                                                 candidates: withSystem, tried: [withSystem[0]]) == withSystem[2])
    let pins: [TrustAnchor] = [.serverPin(sha256Hex: hashA), .serverPin(sha256Hex: hashB)]
    let leaf = [ServerCertificate(depth: 0, subject: "/CN=radius", altSubjects: [], sha256Hex: hashB.uppercased(), der: [])]
    #expect(NetworkConfiguration.nextCACandidate(after: untrusted("Server certificate mismatch"), chain: leaf,
                                                 candidates: pins, tried: [pins[0]]) == pins[1])
}

@Test func distinguishedNamesCompareAcrossForms() {
    #expect(DistinguishedName.equal("/C=FI/O=w1.fi/CN=Root CA", "CN=Root CA, O=w1.fi, C=FI"))
    #expect(DistinguishedName.equal("commonName=Root CA,countryName=FI", "/C=FI/CN=root ca"))
    #expect(!DistinguishedName.equal("/CN=Root CA", "/CN=Root CA 2"))
    #expect(DistinguishedName.commonNames("/C=FI/CN=radius.example.com") == ["radius.example.com"])
}
