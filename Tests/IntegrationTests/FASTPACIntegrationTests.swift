import Foundation
import Secrets
import SupplicantClient
import Testing

/// EAP-FAST against hostapd's internal EAP-FAST server (scripts/testbed, EAPOLCTL_TESTBED_FAST_PROV 1 or 3), through
/// SupplicantClient's plan and the testbed's real wpa_supplicant 2.10 on D-Bus: anonymous PAC provisioning writes the
/// PAC into the plan's PAC blob, `getBlob` reads it back, and a second attempt with that PAC and provisioning off
/// authenticates.
extension WiredTestbed {
@Suite("EAP-FAST PAC provisioning") struct FASTPACProvisioning {
    func spec(_ t: Testbed, provisioning: NetworkSpec.PACProvisioning, pac: SecretBytes?) throws -> NetworkSpec {
        NetworkSpec(binding: .wired, outer: .fast, inner: .mschapv2, identity: Array(try t.value("TESTBED_FAST_USER").utf8),
                    password: SecretBytes(utf8: try t.value("TESTBED_FAST_PASS")),
                    caCertificates: [try caCertificate(t)], serverNames: [.exact(try t.value("TESTBED_SERVER_NAME"))],
                    fast: .init(provisioning: provisioning, pac: pac))
    }

    func caCertificate(_ t: Testbed) throws -> NetworkSpec.CACertificate {
        let pem = try String(contentsOfFile: try t.value("TESTBED_CA"), encoding: .utf8)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let der = try #require(Data(base64Encoded: body))
        return .init(der: Array(der), subject: "CN=testbed CA", issuer: "CN=testbed CA", sha256Hex: String(repeating: "0", count: 64))
    }

    /// Runs one plan: blobs, network, select; polls until `done` says so (or `limit`), then removes everything.
    func attempt<T: Sendable>(
        _ supplicant: Supplicant, _ interface: SupplicantInterface, _ plan: NetworkPlan, limit: Duration = .seconds(15),
        until done: @Sendable () async throws -> T?
    ) async throws -> T? {
        for blob in plan.blobs { try await supplicant.addBlob(blob, to: interface) }
        let network = try await supplicant.addNetwork(plan.properties, idString: "eapolctl-fast-test", to: interface)
        var result: T?
        do {
            try await supplicant.selectNetwork(network, on: interface)
            let deadline = ContinuousClock.now + limit
            while result == nil, ContinuousClock.now < deadline {
                result = try await done()
                if result == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
        } catch {
            try? await supplicant.removeNetwork(network, from: interface)
            throw error
        }
        try await supplicant.removeNetwork(network, from: interface)
        for name in plan.blobNames + [plan.pacBlobName].compactMap({ $0 }) {
            try await supplicant.removeBlob(named: name, from: interface)
        }
        return result
    }

    @Test("Anonymous provisioning stores a PAC in the blob; the PAC alone then authenticates")
    func anonymousProvisioningThenPAC() async throws {
        let t = try Testbed.require()
        try #require(["1", "3"].contains(t.values["TESTBED_FAST_PROV"] ?? ""),
                     "the testbed's hostapd must allow anonymous PAC provisioning (scripts/testbed up --force)")
        let supplicant = try await Supplicant.connect(busAddress: try t.busAddress)
        // The interface lives in the supplicant's namespace, not in this process's /sys/class/net: a private sysfs
        // stand-in lets SupplicantClient create it (wired) in the testbed's wpa_supplicant.
        let sysfs = FileManager.default.temporaryDirectory.appendingPathComponent("fast-sysfs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: sysfs + "/" + (try t.interface), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: sysfs) }
        let interface = try await supplicant.interface(named: try t.interface, driver: .wired, sysfsRoot: sysfs)

        let first = try NetworkConfiguration.make(from: try spec(t, provisioning: .anonymous, pac: nil), blobPrefix: "fasttest")
        let pacName = try #require(first.pacBlobName)
        #expect(!first.blobNames.contains(pacName), "no PAC is sent before one was provisioned")
        let provisioned = try await attempt(supplicant, interface, first) {
            try await supplicant.getBlob(named: pacName, from: interface)
        }
        let pac = try #require(provisioned, "no PAC appeared in blob \(pacName) within 15 s")
        let text = try #require(pac.utf8String())
        #expect(text.hasPrefix("wpa_supplicant EAP-FAST PAC file - version 1"))
        #expect(text.contains("PAC-Key=") && text.contains("PAC-Opaque="))

        // Provisioning off: only the PAC read back can open the tunnel. hostapd 2.10 drops the port's state after the
        // provisioning's EAP-Failure and ignores the EAPOL-Start that follows at once; wpa_supplicant's next one comes
        // after its startPeriod (30 s), hence the long limit.
        let second = try NetworkConfiguration.make(from: try spec(t, provisioning: .none, pac: pac), blobPrefix: "fasttest")
        #expect(second.blobNames.contains(try #require(second.pacBlobName)))
        let state = try await attempt(supplicant, interface, second, limit: .seconds(45)) {
            let s = try await supplicant.state(of: interface)
            return s == "completed" ? s : nil
        }
        #expect(state == "completed", "wpa_supplicant did not authenticate with the provisioned PAC")
    }

    @Test("Without a PAC and with provisioning off nothing is provisioned and nothing authenticates")
    func noPACNoProvisioningIsRefusedBeforeTheNetwork() throws {
        let t = try Testbed.require()
        #expect(throws: SupplicantError.self) {
            try NetworkConfiguration.make(from: try spec(t, provisioning: .none, pac: nil), blobPrefix: "fasttest")
        }
    }
}
}
