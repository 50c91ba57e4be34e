import Foundation
import Orchestration
import ProfileModel
import StructuredErrors
import SupplicantClient
import Testing

/// `--adopt` pin-or-refuse and what it writes: only a root that the server certificate chains to, only with the
/// fingerprint the user expects, keeping the profile's identity.
@Suite struct ProbeAdoptionTests {
    static func report(_ chain: [TrustedCertificate]) -> ProbeReport {
        ProbeReport(interfaceName: "eth7", identity: "anonymous", method: "PEAP",
                    chain: chain.enumerated().map { depth, cert in
                        ProbedCertificate(ServerCertificate(depth: depth, subject: cert.summary.subject, altSubjects: [],
                                                            sha256Hex: cert.certHash, der: cert.der))
                    }, elapsed: .milliseconds(40))
    }

    static func expectCode(_ code: ProfileErrorCode, sourceLocation: SourceLocation = #_sourceLocation,
                           _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no error, expected \(code.info.name)", sourceLocation: sourceLocation)
        } catch let error as ProfileError {
            #expect(error.code == code, "got \(error.code.info.name): \(error.message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("The presented root is suggested with the server's name; the fingerprint of the CA or the server matches")
    func pinMatchesCAOrServer() throws {
        let pki = try ProbeTestPKI()
        let report = Self.report([pki.server, pki.intermediate, pki.root])
        let suggestion = try ProbeSuggestion(report)
        #expect(suggestion.ca == pki.root)
        #expect(suggestion.serverName == "radius.example.org")
        #expect(try suggestion.match(pki.root.summary.sha256Fingerprint, in: report) == .ca)
        #expect(try suggestion.match(pki.root.certHash.uppercased(), in: report) == .ca)
        #expect(try suggestion.match(pki.server.summary.sha256Fingerprint, in: report) == .server)
    }

    @Test("Any other fingerprint is refused: fingerprint-mismatch, and the intermediate's does not count")
    func otherFingerprintsAreRefused() throws {
        let pki = try ProbeTestPKI()
        let report = Self.report([pki.server, pki.intermediate, pki.root])
        let suggestion = try ProbeSuggestion(report)
        Self.expectCode(.fingerprintMismatch) { _ = try suggestion.match(pki.rogueRoot.summary.sha256Fingerprint, in: report) }
        Self.expectCode(.fingerprintMismatch) { _ = try suggestion.match(pki.intermediate.summary.sha256Fingerprint, in: report) }
        #expect(throws: UsageError.self) { _ = try suggestion.match("not-a-fingerprint", in: report) }
    }

    @Test("A rogue network presenting the real server certificate on its own root: refused, nothing to adopt")
    func brokenChainIsRefused() throws {
        let pki = try ProbeTestPKI()
        // The real leaf is public: a rogue can present it (it never has to prove the key: the probe stops first).
        Self.expectCode(.rootNotPresented) { _ = try ProbeSuggestion(Self.report([pki.server, pki.rogueRoot])) }
        Self.expectCode(.rootNotPresented) { _ = try ProbeSuggestion(Self.report([pki.rogueServer, pki.intermediate, pki.root])) }
    }

    @Test("No root presented: refused, naming the issuer to ask for")
    func missingRootNamesIssuer() throws {
        let pki = try ProbeTestPKI()
        let report = Self.report([pki.server, pki.intermediate])
        #expect(report.root == nil)
        #expect(report.missingRootIssuer == pki.intermediate.summary.issuer)
        do {
            _ = try ProbeSuggestion(report)
            Issue.record("a chain without its root was adoptable")
        } catch let error as ProfileError {
            #expect(error.code == .rootNotPresented)
            #expect(error.message.contains(pki.intermediate.summary.issuer))
        }
    }

    @Test("Adopting keeps ID, name, binding and EAP settings; replaces CA and names; drops pins and insecure mode")
    func adoptionKeepsIdentity() throws {
        let pki = try ProbeTestPKI()
        let suggestion = try ProbeSuggestion(Self.report([pki.server, pki.intermediate, pki.root]))
        let original = Profile(name: "Corp", binding: .wired(interface: nil),
                               eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice", outerIdentity: "anon@corp"),
                               trust: TrustSettings(serverCertificatePins: [pki.rogueServer.summary.sha256Fingerprint],
                                                    serverNames: [.suffix("old.example.org")]))
        let adopted = try suggestion.applied(to: original)
        #expect(adopted.id == original.id)
        #expect(adopted.name == original.name)
        #expect(adopted.binding == original.binding)
        #expect(adopted.eap == original.eap)
        #expect(adopted.trust.caCertificates == [pki.root])
        #expect(adopted.trust.serverNames == [ServerNameConstraint.suffix("radius.example.org")])
        #expect(adopted.trust.serverCertificatePins.isEmpty)
        #expect(!adopted.trust.insecureNoServerValidation)
    }
}
