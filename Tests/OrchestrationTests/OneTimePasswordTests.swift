import Foundation
import Orchestration
import ProfileModel
import Secrets
import StructuredErrors
import SupplicantClient
import Testing

/// One-time-password profiles: the password comes from the caller for one authentication, never from the store
/// (not even the default item), and `watch` refuses such a profile.
@Suite struct OneTimePasswordTests {
    static let pin = String(repeating: "cd", count: 32)

    static func otpProfile(username: String? = "alice") -> Profile {
        Profile(name: "otp-lab", binding: .wired(interface: nil),
                eap: EAPSettings(outer: .peap, inner: .mschapv2, username: username, oneTimePassword: true),
                trust: TrustSettings(serverCertificatePins: [pin]))
    }

    static let success: [AuthenticationEvent] = [
        .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
        .eapStatus("remote certificate verification", "success"), .eapStatus("completion", "success"),
        .currentAuthMode("EAP-PEAP"), .stateChanged("completed"),
    ]

    @Test func givenPasswordIsUsedAndTheStoredOneIgnored() async throws {
        let profile = Self.otpProfile()
        // A stored item for the very profile must not be used: the one-time password given now is.
        let auth = Authenticator(supplicant: FakeSupplicant(scripts: []),
                                 credentials: FakeCredentials(passwords: [profile.id.uuid: ("mallory", "stored-pw")]))
        let resolved = try await auth.resolveCredentials(for: profile, oneTimePassword: SecretBytes(utf8: "123456"))
        #expect(resolved.username == "alice")
        #expect(resolved.password?.utf8String() == "123456")
    }

    @Test func withoutPasswordFailsNamingTheOptionEvenWhenOneIsStored() async throws {
        let profile = Self.otpProfile()
        let fake = FakeSupplicant(scripts: [Self.success])
        let auth = Authenticator(supplicant: fake,
                                 credentials: FakeCredentials(passwords: [profile.id.uuid: ("alice", "stored-pw")]))
        do {
            _ = try await auth.authenticate(profile: profile,
                                            options: AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(5)))
            Issue.record("authenticated without a one-time password")
        } catch let error as EAPError {
            #expect(error.code == .credentialsMissing)
            #expect(error.message.contains("one-time"))
            #expect(error.details["option"] == "--password-stdin")
            #expect(error.details["oneTimePassword"] == .bool(true))
            #expect(error.hint.contains("--password-stdin"))
        }
        // Failed before anything was asked of the supplicant.
        #expect(fake.addedProperties.isEmpty)
        #expect(!fake.calls.contains("AddNetwork"))
    }

    @Test func withoutUsernameFailsBeforeAskingForAPassword() throws {
        #expect(throws: EAPError(.credentialsMissing, "")) {
            try Authenticator.oneTimeCredentials(for: Self.otpProfile(username: nil), password: SecretBytes(utf8: "1"))
        }
    }

    @Test func authenticationSendsTheOneTimePassword() async throws {
        let profile = Self.otpProfile()
        let fake = FakeSupplicant(scripts: [Self.success])
        let auth = Authenticator(supplicant: fake, credentials: FakeCredentials())
        var options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(5), settleWindow: .milliseconds(5))
        options.oneTimePassword = SecretBytes(utf8: "otp-7f3a")
        let report = try await auth.authenticate(profile: profile, options: options)
        #expect(report.status == .authenticated)
        let props = try #require(fake.addedProperties.first)
        let password = try #require(props.first(where: { $0.key == "password" })?.value)
        guard case .secretBytes(let secret) = password else {
            Issue.record("password sent as \(password), not as secret bytes"); return
        }
        #expect(secret.utf8String() == "otp-7f3a")
        #expect(props.first(where: { $0.key == "identity" })?.value == .bytes(Array("alice".utf8)))
    }

    @Test func ordinaryProfilesStillUseTheStore() async throws {
        var profile = Self.otpProfile()
        profile.eap.oneTimePassword = false
        let auth = Authenticator(supplicant: FakeSupplicant(scripts: []),
                                 credentials: FakeCredentials(passwords: [profile.id.uuid: ("alice", "stored-pw")]))
        let resolved = try await auth.resolveCredentials(for: profile, oneTimePassword: SecretBytes(utf8: "ignored"))
        #expect(resolved.password?.utf8String() == "stored-pw")
    }

    @Test func watchRefusesOneTimePasswordProfiles() throws {
        do {
            try Watcher.checkUnattended(Self.otpProfile())
            Issue.record("watch accepted a one-time-password profile")
        } catch let error as UsageError {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("unattended"))
            #expect(error.details["oneTimePassword"] == .bool(true))
        }
        var ordinary = Self.otpProfile()
        ordinary.eap.oneTimePassword = false
        try Watcher.checkUnattended(ordinary)
        try Watcher.checkUnattended(nil)
    }
}
