import Foundation
import Testing

extension WiredTestbed {
    /// Each EAP method the testbed serves authenticates with credentials from the store.
    @Suite("Successful authentication")
    struct SuccessfulAuthentication {
        /// Authenticates, checks state, stops, and checks the supplicant is left clean.
        private func authenticate(_ s: Scenario, profile: String, authMode: String) async throws {
            let result = try await s.cli.authStart(profile: profile)
            s.expectAuthenticated(result, authMode: authMode)
            try await s.expectState()
            let stop = try await s.cli.authStop()
            #expect(stop.status == 0, "auth stop failed:\n\(stop)")
            try await s.expectSupplicantClean()
        }

        @Test("PEAP-MSCHAPv2 authenticates with the stored password")
        func peapMSCHAPv2Authenticates() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                let id = try await s.cli.createProfile(name: "peap", method: "peap", inner: "mschapv2", username: user)
                try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
                try await authenticate(s, profile: id, authMode: "EAP-PEAP")
            }
        }

        @Test("TTLS-PAP authenticates with the stored password")
        func ttlsPAPAuthenticates() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_TTLS_PAP_USER")
                let id = try await s.cli.createProfile(name: "ttls-pap", method: "ttls", inner: "pap", username: user)
                try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_TTLS_PAP_PASS"))
                try await authenticate(s, profile: id, authMode: "EAP-TTLS")
            }
        }

        @Test("TTLS-MSCHAPv2 authenticates with the stored password")
        func ttlsMSCHAPv2Authenticates() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_TTLS_MSCHAP_USER")
                let id = try await s.cli.createProfile(name: "ttls-mschapv2", method: "ttls", inner: "mschapv2", username: user)
                try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_TTLS_MSCHAP_PASS"))
                try await authenticate(s, profile: id, authMode: "EAP-TTLS")
            }
        }

        @Test("EAP-TLS authenticates with the PKCS#12 identity from the store")
        func eapTLSWithStoredPKCS12Authenticates() async throws {
            try await Scenario.run { s in
                let id = try await s.cli.createProfile(name: "tls", method: "tls", username: try s.testbed.value("TESTBED_TLS_USER"))
                try await s.cli.setTestbedIdentity(profile: id)
                try await authenticate(s, profile: id, authMode: "EAP-TLS")
            }
        }

        @Test("A profile trusting several CAs authenticates through the one that issued the server certificate")
        func severalTrustedCAsFindTheRightOne() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                // The rogue CA comes first, so the first attempt cannot verify the server: the client must retry
                // once with the CA whose subject matches the chain it was shown.
                let created = try await s.cli.succeed([
                    "profile", "create", "--name", "two-cas", "--method", "peap", "--username", user,
                    "--ca-cert", try s.testbed.value("TESTBED_ROGUE_CA"), "--ca-cert", try s.testbed.value("TESTBED_CA"),
                    "--server-name", try s.testbed.value("TESTBED_SERVER_NAME"),
                ])
                let id = try NamespacedCLI.profileID(in: created)
                try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
                let result = try await s.cli.authStart(profile: id, timeout: 40)
                s.expectAuthenticated(result, authMode: "EAP-PEAP")
                #expect(result.stdout.contains("ca-retry"), "expected the CA retry event:\n\(result)")
                #expect(try await s.cli.authStop().status == 0)
                try await s.expectSupplicantClean()
            }
        }

        @Test("eapolcfg sequence: createProfile, setPasswordItem --password -, startAuthentication")
        func eapolcfgSequenceAuthenticates() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                let created = try await s.cli.succeed([
                    "createProfile", "--authType", "PEAP", "--userDefinedName", "eapolcfg-peap",
                    "--trustedCertificate", try s.testbed.value("TESTBED_CA"),
                    "--trustedServerName", try s.testbed.value("TESTBED_SERVER_NAME"),
                    "--outerIdentity", try s.testbed.value("TESTBED_ANON_IDENTITY"),
                ])
                let id = try NamespacedCLI.profileID(in: created)
                try await s.cli.succeed(["setPasswordItem", "--profileID", id, "--name", user, "--password", "-"],
                                        stdin: try s.testbed.value("TESTBED_PEAP_PASS") + "\n")
                // eapolcfg's startAuthentication returns once the start is accepted: poll auth state until
                // it reports authenticated (or give up after 10 s).
                let start = try await s.cli.run(["startAuthentication", "--interface", try s.testbed.interface,
                                                 "--profileID", id, "--dhcp", "builtin"], timeout: .seconds(20))
                #expect(start.status == 0, "startAuthentication failed:\n\(start)")
                var last: ProcessResult?
                let deadline = ContinuousClock.now + .seconds(10)
                while ContinuousClock.now < deadline {
                    let state = try await s.cli.authState()
                    last = state
                    if state.stdout.contains("\"authenticated\"") || state.stdout.contains("\"completed\"") { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                let text = last?.stdout ?? ""
                #expect(text.contains("\"authenticated\"") || text.contains("\"completed\""),
                        "auth state never reported authenticated after startAuthentication:\n\(last.map { "\($0)" } ?? "no state")")
                _ = try await s.cli.authStop()
                try await s.expectSupplicantClean()
            }
        }
    }
}
