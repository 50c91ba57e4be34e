import Foundation
import ProfileModel
import Testing

@Suite struct ValidationTests {
    @Test func validProfilePasses() throws {
        let profile = try samplePEAPProfile(ca: try generatedCA())
        #expect(ProfileValidator.problems(in: profile).isEmpty)
        #expect(try profile.validated() == profile)
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        var profile = try samplePEAPProfile(ca: try generatedCA())
        profile.name = "  "
        profile.trust = TrustSettings()  // no anchor, no server name
        let problems = ProfileValidator.problems(in: profile)
        #expect(problems.map(\.id) == ["empty-name", "missing-trust-anchor", "missing-server-name"])
        #expect(problems.map(\.field) == ["name", "trust.caCertificates", "trust.serverNames"])
        do {
            _ = try profile.validated()
            Issue.record("an invalid profile was accepted")
        } catch let error as ProfileError {
            #expect(error.code == .invalidProfile)
            #expect(error.details["problems"] == .list(problems.map(\.description)))
            #expect(error.details["problemIDs"] == .list(["empty-name", "missing-trust-anchor", "missing-server-name"]))
            for problem in problems { #expect(error.message.contains(problem.message)) }
            #expect(error.message.contains("3 problems"))
        }
    }

    @Test func insecureOptOut() throws {
        var profile = try samplePEAPProfile(ca: try generatedCA())
        profile.trust = TrustSettings(insecureNoServerValidation: true)
        #expect(ProfileValidator.problems(in: profile).isEmpty)
        #expect(profile.isInsecure && profile.summary.insecure)
        let shown = profile.rendered()
        #expect(shown.hasPrefix("!!! INSECURE: server certificate is NOT validated !!!"))
        profile.trust.insecureNoServerValidation = false
        #expect(!profile.rendered().contains("INSECURE"))
    }

    @Test func pinSatisfiesAnchorAndName() throws {
        var profile = try samplePEAPProfile(ca: try generatedCA())
        profile.trust = TrustSettings(serverCertificatePins: [String(repeating: "AB", count: 32)])
        #expect(ProfileValidator.problems(in: profile).isEmpty)
        #expect(profile.trust.serverCertificatePins == [Array(repeating: "ab", count: 32).joined(separator: ":")])
        profile.trust.serverCertificatePins = ["abc"]
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["invalid-pin"])
    }

    @Test func systemCAsAreAnAnchorButNeedAName() throws {
        var profile = try samplePEAPProfile(ca: try generatedCA())
        profile.trust = TrustSettings(useSystemCAs: true)
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["missing-server-name"])
    }

    @Test func innerMethodRules() throws {
        var profile = try samplePEAPProfile(ca: try generatedCA())
        profile.eap = EAPSettings(outer: .peap, inner: .pap)
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["inner-method-mismatch"])
        profile.eap = EAPSettings(outer: .peap, inner: .gtc)
        #expect(ProfileValidator.problems(in: profile).isEmpty)
        for inner in [InnerMethod.pap, .chap, .mschap, .mschapv2, .eapMSCHAPv2] {
            profile.eap = EAPSettings(outer: .ttls, inner: inner)
            #expect(ProfileValidator.problems(in: profile).isEmpty, "\(inner)")
        }
        profile.eap = EAPSettings(outer: .ttls, inner: .gtc)
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["inner-method-mismatch"])
        profile.eap = EAPSettings(outer: .tls)
        profile.eap.inner = .mschapv2
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["unexpected-inner-method"])
        profile.eap = EAPSettings(outer: .ttls)
        profile.eap.inner = nil
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["missing-inner-method"])
    }

    @Test func tlsVersionRules() throws {
        var profile = try samplePEAPProfile(ca: try generatedCA())
        profile.trust.tlsMinVersion = .tls1_3
        profile.trust.tlsMaxVersion = .tls1_2
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["tls-version-order"])
        profile.trust.tlsMinVersion = .tls1_0
        profile.trust.tlsMaxVersion = nil
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["legacy-tls-not-allowed"])
        profile.trust.allowLegacyTLS = true
        #expect(ProfileValidator.problems(in: profile).isEmpty)
    }

    @Test func suiteBNeedsTLSAndWiFiNeedsWiFiSecurity() throws {
        var profile = try samplePEAPProfile(ca: try generatedCA())
        profile.binding = .wifi(ssid: try SSID(parsing: "Corp"), security: .wpa3_192, hidden: false)
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["suite-b-requires-tls"])
        profile.eap = EAPSettings(outer: .tls, username: "host/pc")
        #expect(ProfileValidator.problems(in: profile).isEmpty)
        profile.binding = .wifi(ssid: try SSID(parsing: "Corp"), security: .wired, hidden: false)
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["wired-security-on-wifi"])
        profile.binding = .wired(interface: "eth0")
        #expect(ProfileValidator.problems(in: profile).isEmpty)
        #expect(profile.isWired && profile.ssid == nil && profile.security == .wired)
        profile.binding = .wired(interface: "a/b")
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["invalid-interface"])
    }

    @Test func nonCAAndExpiredCertificatesAreFlagged() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        let leafFile = try openssl.makeCertificate(name: "leaf.corp.example", ca: false, days: 10)
        let leaf = try TrustedCertificate.parse(try openssl.bytes(leafFile), source: leafFile)[0]
        #expect(!leaf.summary.isCA)
        var profile = try samplePEAPProfile(ca: try generatedCA())
        profile.trust.caCertificates.append(leaf)
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["certificate-not-ca"])
        #expect(ProfileValidator.problems(in: profile).map(\.field) == ["trust.caCertificates[1]"])
        let later = Date().addingTimeInterval(400 * 86_400)
        #expect(ProfileValidator.problems(in: profile, now: later).map(\.id)
                == ["certificate-expired", "certificate-not-ca", "certificate-expired"])
        let earlier = Date().addingTimeInterval(-86_400)
        #expect(ProfileValidator.problems(in: profile, now: earlier).map(\.id)
                == ["certificate-not-yet-valid", "certificate-not-ca", "certificate-not-yet-valid"])
    }
}
