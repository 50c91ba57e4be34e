import Foundation
import Orchestration
import ProfileModel
import ProfileStore
import SupplicantClient
import Testing

/// ``ProfileConnection/recordTrustHint(of:for:)``: after a success with a profile that trusts several CAs, the CA that
/// verified the server is written to the real trust-hint file (`auth start` then tries it first); nothing is written
/// for one CA or for an outcome that is not `authenticated`.
@Suite struct TrustHintRecordingTests {
    let directory: String
    let profiles: ProfileRepository

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trust-hint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        profiles = ProfileRepository(stateDirectory: directory)
    }

    private static let success: [AuthenticationEvent] = [
        .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
        .eapStatus("remote certificate verification", "success"), .eapStatus("completion", "success"),
        .currentAuthMode("EAP-PEAP"), .stateChanged("completed"),
    ]

    private func authenticate(_ cas: [TestCertificateAuthority], wait: Bool = true) async throws -> (Profile, AuthenticationReport) {
        let profile = Profile(name: "cas", binding: .wired(interface: nil),
                              eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
                              trust: TrustSettings(caCertificates: cas.map(\.certificate)))
        let fake = FakeSupplicant(scripts: [Self.success])
        let credentials = FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")])
        let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(20), wait: wait,
                                            settleWindow: .milliseconds(5),
                                            preferredCAFingerprint: cas.last?.sha256Hex)
        let report = try await Authenticator(supplicant: fake, credentials: credentials)
            .authenticate(profile: profile, options: options, progress: { _ in })
        return (profile, report)
    }

    private var connection: ProfileConnection { ProfileConnection(profiles: profiles, store: nil, stateDirectory: directory) }

    @Test func theCAThatWorkedIsRecordedForAProfileWithSeveral() async throws {
        let a = try TestCertificateAuthority(commonName: "Root A")
        let b = try TestCertificateAuthority(commonName: "Root B")
        let (profile, report) = try await authenticate([a, b])
        #expect(report.status == .authenticated)
        #expect(profiles.trustHint(for: profile.id) == nil)
        connection.recordTrustHint(of: report, for: profile)
        #expect(profiles.trustHint(for: profile.id) == b.sha256Hex)
        #expect(FileManager.default.fileExists(atPath: directory + "/trust-hints/" + profile.id.description))
    }

    @Test func nothingIsRecordedForOneCAOrWithoutAnOutcome() async throws {
        let a = try TestCertificateAuthority(commonName: "Root A")
        let (single, report) = try await authenticate([a])
        #expect(report.status == .authenticated)
        connection.recordTrustHint(of: report, for: single)
        #expect(profiles.trustHint(for: single.id) == nil)

        let b = try TestCertificateAuthority(commonName: "Root B")
        let (two, started) = try await authenticate([a, b], wait: false)
        #expect(started.status == .started)
        connection.recordTrustHint(of: started, for: two)
        #expect(profiles.trustHint(for: two.id) == nil)
    }
}
