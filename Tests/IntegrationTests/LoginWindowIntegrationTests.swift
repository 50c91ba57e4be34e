import Foundation
import Testing

extension WiredTestbed {
    /// `watch --system` with system profiles and login-window lists, on the real testbed (no systemd involved).
    @Suite("System profiles and login-window profiles")
    struct SystemWatch {
        /// A PEAP profile with its password; `caCertificate` nil: the testbed CA.
        private func peapProfile(_ s: Scenario, name: String, caCertificate: String? = nil) async throws -> String {
            let user = try s.testbed.value("TESTBED_PEAP_USER")
            let id = try await s.cli.createProfile(name: name, method: "peap", inner: "mschapv2", username: user,
                                                   caCertificate: caCertificate)
            try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
            return id
        }

        @Test("login-window list: the first profile (untrusted CA) fails, the second authenticates, the events say so")
        func loginWindowFallsBackToTheSecondProfile() async throws {
            try await Scenario.run { s in
                let interface = try s.testbed.interface
                let untrusted = try await peapProfile(s, name: "machine-rogue-ca", caCertificate: try s.testbed.value("TESTBED_ROGUE_CA"))
                let good = try await peapProfile(s, name: "user-good")
                let set = try await s.cli.succeedWithoutSystemd(["setLoginWindowProfiles", "--interface", interface,
                                                                 "--profileID", untrusted, good, "--json"])
                let result = try #require(AuthOutput.object(set.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(set)")
                #expect((result["service"] as? [String: Any])?["action"] as? String == "manual")
                let shown = try await s.cli.runWithoutSystemd(["getLoginWindowProfiles", "--interface", interface])
                #expect(shown.stdout.contains("1. machine-rogue-ca") && shown.stdout.contains("2. user-good"), "\(shown)")

                let watch = JSONLinesProcess(s.cli, ["watch", "--interface", interface, "--system", "--dhcp", "none", "--json"])
                let authenticated = try await watch.wait(for: "authenticated", within: .seconds(90))
                let result2 = try await watch.stop()
                #expect(result2.status == 0, "watch did not exit 0 on SIGTERM:\n\(result2)")
                let failed = try #require(watch.events.first { $0["event"] as? String == "login-window-profile-failed" },
                                          "no failure event: \(watch.names())")
                #expect(failed["profileID"] as? String == untrusted.uppercased())
                #expect(failed["position"] as? String == "1" && failed["count"] as? String == "2")
                #expect(failed["domain"] as? String != nil && failed["message"] as? String != nil, "\(failed)")
                let selected = try #require(watch.events.first { $0["event"] as? String == "login-window-profile-selected" })
                #expect(selected["profileID"] as? String == good.uppercased() && selected["position"] as? String == "2")
                #expect(authenticated["reason"] as? String == "start")
                let names = watch.names()
                #expect(names.firstIndex(of: "login-window-profile-failed")! < names.firstIndex(of: "authenticated")!)
                // The network left on the port is the working profile's.
                let state = try await s.cli.authState()
                #expect(state.stdout.contains(good.uppercased()) || state.stdout.contains("user-good"), "\(state)")
            }
        }

        @Test("setSystemProfile, then watch --system authenticates with that profile")
        func systemProfileAuthenticates() async throws {
            try await Scenario.run { s in
                let interface = try s.testbed.interface
                let id = try await peapProfile(s, name: "system-peap")
                let set = try await s.cli.succeedWithoutSystemd(["setSystemProfile", "--interface", interface, "--profileID", id])
                #expect(set.stdout.contains("systemctl enable --now eapolctl-watch@\(interface).service"), "\(set)")
                let watch = JSONLinesProcess(s.cli, ["watch", "--interface", interface, "--system", "--dhcp", "none", "--json"])
                let started = try await watch.wait(for: "started")
                let authenticated = try await watch.wait(for: "authenticated", within: .seconds(60))
                let result = try await watch.stop()
                #expect(result.status == 0, "\(result)")
                #expect(started["profile"] as? String == "system-peap")
                #expect(authenticated["authMode"] as? String == "EAP-PEAP", "\(authenticated)")
                #expect(!watch.names().contains("login-window-profile-failed"))
            }
        }
    }
}
