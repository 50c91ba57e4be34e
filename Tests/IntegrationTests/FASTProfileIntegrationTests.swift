import CredentialStore
import Foundation
import StateFiles
import Testing

/// EAP-FAST end to end through the CLI against hostapd's internal EAP-FAST server (internal backend,
/// TESTBED_FAST_PROV 1 or 3): anonymous provisioning, the automatic second exchange with the new PAC, the PAC in the
/// encrypted store, a second run that uses the stored PAC with provisioning off, and the eapolcfg form.
extension WiredTestbed {
@Suite("EAP-FAST profiles") struct FASTProfileIntegration {
    /// The PAC the CLI stored for `profile`, read through the store's API (never printed).
    static func storedPAC(_ s: Scenario, profile: String) throws -> String? {
        let store = try CredentialStore.open(paths: StatePaths(stateDirectory: s.cli.stateDirectory, keyFile: s.cli.keyFile),
                                             unlock: .keyFile(s.cli.keyFile, createIfMissing: false))
        return try store.pac(for: try #require(UUID(uuidString: profile)))?.utf8String()
    }

    static func requireFAST(_ t: Testbed) throws {
        try #require(t.radiusBackend == "internal", "EAP-FAST runs on hostapd's internal EAP server only")
        try #require(["1", "3"].contains(t.values["TESTBED_FAST_PROV"] ?? ""),
                     "the testbed's hostapd must allow anonymous PAC provisioning (EAPOLCTL_TESTBED_FAST_PROV 1 or 3)")
    }

    func authStart(_ s: Scenario, _ id: String) async throws -> (ProcessResult, AuthOutput, Duration) {
        let clock = ContinuousClock()
        let began = clock.now
        let result = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface, "--profile", id,
                                          "--timeout", "45", "--dhcp", "none", "--json"], timeout: .seconds(60))
        return (result, AuthOutput(result), clock.now - began)
    }

    @Test("Anonymous provisioning + retry authenticates, the PAC is stored; the stored PAC alone then authenticates")
    func anonymousProvisioningThenStoredPAC() async throws {
        try await Scenario.run { s in
            try Self.requireFAST(s.testbed)
            let user = try s.testbed.value("TESTBED_FAST_USER")
            let password = try s.testbed.value("TESTBED_FAST_PASS")
            let created = try await s.cli.run([
                "profile", "create", "--name", "fast", "--method", "fast", "--fast-provisioning", "anonymous",
                "--username", user, "--ca-cert", try s.testbed.value("TESTBED_CA"),
                "--server-name", try s.testbed.value("TESTBED_SERVER_NAME"),
            ])
            #expect(created.status == 0, "profile create failed:\n\(created)")
            #expect(created.stderr.contains("EAP-FAST anonymous PAC provisioning"), "no weakening warning:\n\(created)")
            let id = try NamespacedCLI.profileID(in: created)
            try await s.cli.setPassword(profile: id, username: user, password: password)
            let shown = try await s.cli.succeed(["profile", "show", id])
            #expect(shown.stdout.hasPrefix("!!! INSECURE: EAP-FAST anonymous PAC provisioning"))
            #expect(try Self.storedPAC(s, profile: id) == nil)

            let (first, firstOutput, firstTime) = try await authStart(s, id)
            s.expectAuthenticated(first, authMode: "EAP-FAST")
            #expect(firstOutput.result?["pac"] as? String == "provisioned", "\(first)")
            #expect(firstOutput.result?["pacRetried"] as? Bool == true, "\(first)")
            let names = firstOutput.events.compactMap { $0["event"] as? String }
            #expect(names.contains("fast-pac-stored") && names.contains("fast-pac-retry"), "\(names)")
            let pac = try #require(try Self.storedPAC(s, profile: id), "no PAC in the store after provisioning")
            #expect(pac.hasPrefix("wpa_supplicant EAP-FAST PAC file - version 1") && pac.contains("PAC-Opaque="))
            #expect(!first.stdout.contains("PAC-Opaque") && !first.stderr.contains("PAC-Opaque"), "the PAC was printed")
            #expect(try await s.cli.authStop().status == 0)
            try await s.expectSupplicantClean()

            // Provisioning off: only the stored PAC can open the tunnel.
            try await s.cli.succeed(["profile", "edit", id, "--fast-provisioning", "none"])
            let (second, secondOutput, secondTime) = try await authStart(s, id)
            s.expectAuthenticated(second, authMode: "EAP-FAST")
            #expect(secondOutput.result?["pac"] as? String == "used", "\(second)")
            #expect(secondOutput.result?["pacRetried"] as? Bool == false, "\(second)")
            #expect(try Self.storedPAC(s, profile: id) == pac)
            print("EAP-FAST timing: provisioning run \(firstTime) (eapolctl elapsedMs \(firstOutput.result?["elapsedMs"] ?? "?")), "
                + "stored-PAC run \(secondTime) (eapolctl elapsedMs \(secondOutput.result?["elapsedMs"] ?? "?"))")
            #expect(try await s.cli.authStop().status == 0)
            try await s.expectSupplicantClean()

            // Removing the password removes the PAC with it.
            try await s.cli.succeed(["password", "remove", "--profile", id])
            #expect(try Self.storedPAC(s, profile: id) == nil)
        }
    }

    @Test("eapolcfg: createProfile --authType 43 --EAPFASTUsePAC --EAPFASTProvisionPACAnonymously authenticates")
    func eapolcfgCreateProfileProvisionsAnonymously() async throws {
        try await Scenario.run { s in
            try Self.requireFAST(s.testbed)
            let user = try s.testbed.value("TESTBED_FAST_USER")
            let created = try await s.cli.succeed([
                "createProfile", "--authType", "43", "--EAPFASTUsePAC", "--EAPFASTProvisionPACAnonymously",
                "--userDefinedName", "eapolcfg-fast", "--userName", user,
                "--trustedCertificate", try s.testbed.value("TESTBED_CA"),
                "--trustedServerName", try s.testbed.value("TESTBED_SERVER_NAME"),
            ])
            let id = try NamespacedCLI.profileID(in: created)
            try await s.cli.succeed(["setPasswordItem", "--profileID", id, "--name", user, "--password", "-"],
                                    stdin: try s.testbed.value("TESTBED_FAST_PASS") + "\n")
            let shown = try await s.cli.succeed(["showProfile", "--profileID", id])
            #expect(shown.stdout.contains("Provisioning:   anonymous"), "\(shown)")
            let (result, output, time) = try await authStart(s, id)
            s.expectAuthenticated(result, authMode: "EAP-FAST")
            #expect(output.result?["pac"] as? String == "provisioned", "\(result)")
            #expect(try Self.storedPAC(s, profile: id) != nil)
            print("EAP-FAST timing (eapolcfg profile): provisioning run \(time)")
            #expect(try await s.cli.authStop().status == 0)
            try await s.expectSupplicantClean()

            // Without --EAPFASTUsePAC, eapolcfg's default, Linux cannot authenticate: a clear profile error.
            let refused = try await s.cli.run(["createProfile", "--authType", "43", "--userName", user,
                                               "--trustedCertificate", try s.testbed.value("TESTBED_CA"),
                                               "--trustedServerName", try s.testbed.value("TESTBED_SERVER_NAME"), "--json"])
            #expect(refused.status != 0 && (refused.stdout + refused.stderr).contains("fast-pac-required"),
                    "\(refused)")

            // Removing the profile removes its PAC.
            try await s.cli.succeed(["removeProfile", "--profileID", id])
            #expect(try Self.storedPAC(s, profile: id) == nil)
        }
    }
}
}
