import Secrets
import StructuredErrors
import Testing
@testable import SupplicantClient

/// LEAP maps to `eap=LEAP` with identity and password and nothing of TLS.
@Suite struct LEAPConfigurationTests {
    static func leap(_ binding: NetworkSpec.Binding = .wired) -> NetworkSpec {
        NetworkSpec(binding: binding, outer: .leap, identity: Array("leap-user".utf8), password: SecretBytes(utf8: "pw"),
                    insecureNoServerValidation: true)
    }

    @Test func wiredLEAPIsIdentityAndPasswordOnly() throws {
        let plan = try NetworkConfiguration.make(from: Self.leap(), blobPrefix: "eapolctl")
        #expect(plan.keys == ["key_mgmt", "eapol_flags", "eap", "identity", "password"])
        #expect(plan.value(for: "eap") == .string("LEAP"))
        #expect(plan.value(for: "identity") == .bytes(Array("leap-user".utf8)))
        guard case .secretBytes(let pw)? = plan.value(for: "password") else { Issue.record("password not secret bytes"); return }
        #expect(pw.utf8String() == "pw")
        #expect(plan.blobs.isEmpty)
        #expect(plan.anchor == .none)
        #expect(plan.insecureNoServerValidation)
        #expect(plan.warnings.contains(NetworkConfiguration.leapWarning))
    }

    @Test func wifiLEAPKeepsTheLinkLayer() throws {
        let plan = try NetworkConfiguration.make(from: Self.leap(.wifi(ssidBytes: Array("old".utf8), security: .wpa2, hidden: false)),
                                                 blobPrefix: "eapolctl")
        #expect(plan.value(for: "key_mgmt") == .string("WPA-EAP"))
        #expect(plan.value(for: "eap") == .string("LEAP"))
        #expect(plan.value(for: "phase1") == nil && plan.value(for: "ca_cert") == nil)
    }

    @Test func tlsOnlySettingsAreRefused() throws {
        var withCA = Self.leap()
        withCA.caCertificates = [.init(der: [0x30, 0x01, 0xAA], subject: "CN=A", issuer: "CN=A", sha256Hex: String(repeating: "a", count: 64))]
        var withAnon = Self.leap()
        withAnon.anonymousIdentity = Array("anon".utf8)
        var withInner = Self.leap()
        withInner.inner = .mschapv2
        var suiteB = Self.leap(.wifi(ssidBytes: Array("sb".utf8), security: .wpa3_192, hidden: false))
        suiteB.password = SecretBytes(utf8: "pw")
        for (spec, key) in [(withCA, "ca_cert"), (withAnon, "anonymous_identity"), (withInner, "phase2"), (suiteB, "eap")] {
            do {
                _ = try NetworkConfiguration.make(from: spec, blobPrefix: "eapolctl")
                Issue.record("LEAP accepted \(key)")
            } catch {
                #expect(error.code == .invalidNetworkConfig)
                #expect(error.details["key"] == .string(key), "\(error.details)")
            }
        }
    }
}
