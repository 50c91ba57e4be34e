import Secrets
import StructuredErrors
import Testing
@testable import SupplicantClient

/// EAP-FAST maps to `eap=FAST`, `phase1="fast_provisioning=N"`, `phase2="auth=..."` and a PAC blob.
@Suite struct FASTConfigurationTests {
    static let ca = NetworkSpec.CACertificate(der: [0x30, 0x01, 0xAA], subject: "CN=A", issuer: "CN=A",
                                              sha256Hex: String(repeating: "a", count: 64))
    static let pacText = "wpa_supplicant EAP-FAST PAC file - version 1\nSTART\nPAC-Type=1\nPAC-Key=00\nEND\n"

    static func fast(_ provisioning: NetworkSpec.PACProvisioning, pac: String? = nil,
                     inner: NetworkSpec.InnerMethod = .mschapv2) -> NetworkSpec {
        NetworkSpec(binding: .wired, outer: .fast, inner: inner, identity: Array("fast-user".utf8),
                    password: SecretBytes(utf8: "pw"), caCertificates: [ca],
                    fast: .init(provisioning: provisioning, pac: pac.map { SecretBytes(utf8: $0) }))
    }

    @Test(arguments: NetworkSpec.PACProvisioning.allCases)
    func provisioningModeGoesToPhase1(_ mode: NetworkSpec.PACProvisioning) throws {
        let plan = try NetworkConfiguration.make(from: Self.fast(mode, pac: Self.pacText), blobPrefix: "eapolctl")
        #expect(plan.value(for: "eap") == .string("FAST"))
        guard case .string(let phase1)? = plan.value(for: "phase1") else { Issue.record("no phase1"); return }
        #expect(phase1.split(separator: " ").contains("fast_provisioning=\(mode.rawValue)"))
        #expect(plan.value(for: "phase2") == .string("auth=MSCHAPV2"))
    }

    @Test func noStoredPACNamesAnEmptyBlobSlotForWpaSupplicantToFill() throws {
        let plan = try NetworkConfiguration.make(from: Self.fast(.anonymous), blobPrefix: "eapolctl")
        let name = try #require(plan.pacBlobName)
        #expect(name.hasPrefix("eapolctl-") && name.hasSuffix("-pac"))
        #expect(plan.value(for: "pac_file") == .string("blob://\(name)"))
        #expect(!plan.blobNames.contains(name))
        #expect(plan.warnings.contains(NetworkConfiguration.anonymousProvisioningWarning))
    }

    @Test func storedPACTravelsAsASecretBlob() throws {
        let plan = try NetworkConfiguration.make(from: Self.fast(.authenticated, pac: Self.pacText), blobPrefix: "eapolctl")
        let name = try #require(plan.pacBlobName)
        let blob = try #require(plan.blobs.first { $0.name == name })
        guard case .secret(let bytes) = blob.content else { Issue.record("the PAC blob is not secret"); return }
        #expect(bytes.utf8String() == Self.pacText)
        #expect(!plan.warnings.contains(NetworkConfiguration.anonymousProvisioningWarning))
        #expect(plan.value(for: "ca_cert") == .string("blob://\(plan.blobs[0].name)"))
    }

    @Test func gtcIsAuthGTCAndPAPIsRefused() throws {
        let gtc = try NetworkConfiguration.make(from: Self.fast(.both, inner: .gtc), blobPrefix: "eapolctl")
        #expect(gtc.value(for: "phase2") == .string("auth=GTC"))
        #expect(throws: SupplicantError.self) {
            try NetworkConfiguration.make(from: Self.fast(.both, inner: .pap), blobPrefix: "eapolctl")
        }
    }

    @Test func noPACAndNoProvisioningIsRefusedNamingPACFile() throws {
        do {
            _ = try NetworkConfiguration.make(from: Self.fast(.none), blobPrefix: "eapolctl")
            Issue.record("accepted a FAST network that can never authenticate")
        } catch {
            #expect(error.details["key"] == .string("pac_file"))
        }
    }

    @Test func pacSettingsOnAnotherMethodAreRefused() throws {
        var peap = Self.fast(.anonymous)
        peap.outer = .peap
        do {
            _ = try NetworkConfiguration.make(from: peap, blobPrefix: "eapolctl")
            Issue.record("accepted PAC settings on PEAP")
        } catch {
            #expect(error.details["key"] == .string("pac_file"))
        }
    }

    @Test func aPACWithANulByteIsRefused() throws {
        #expect(throws: SupplicantError.self) {
            try NetworkConfiguration.make(from: Self.fast(.none, pac: "START\0END"), blobPrefix: "eapolctl")
        }
    }
}
