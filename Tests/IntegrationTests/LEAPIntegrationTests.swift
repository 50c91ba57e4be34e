import Foundation
import Testing

extension WiredTestbed {
    /// LEAP against the real wpa_supplicant 2.10: it takes eapolctl's `eap=LEAP` network and asks for LEAP, but neither
    /// testbed server can answer it (FreeRADIUS 3.2.1 logs "Ignoring EAP method 'leap', because it is no longer
    /// supported" and ships no rlm_eap_leap; hostapd's internal EAP server has no LEAP), so the attempt must end in
    /// a structured EAP failure and leave nothing behind. A LEAP success cannot be tested here (Docs/authentication.md).
    @Suite("LEAP")
    struct LEAPIntegration {
        @Test("A LEAP profile is refused without the switch, and with it reaches wpa_supplicant and fails cleanly")
        func leapIsOfferedAndRefusedByTheServer() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                let refused = try await s.cli.run(["profile", "create", "--name", "leap", "--method", "leap", "--username", user, "--json"])
                #expect(refused.status != 0 && refused.stderr.contains("LEAP is broken"), "\(refused)")

                let created = try await s.cli.succeed(["profile", "create", "--name", "leap", "--method", "leap",
                                                       "--username", user, "--insecure-allow-leap"])
                #expect(created.stderr.contains("INSECURE"), "no loud warning at creation:\n\(created)")
                let id = try NamespacedCLI.profileID(in: created)
                try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
                let result = try await s.cli.authStart(profile: id, timeout: 15)
                // The failure puts the port into the authenticator's quiet period: restart it for the next test.
                try await s.testbed.restartAuthenticator()
                // wpa_supplicant took the network and answered the server's PEAP with a NAK asking for LEAP (17); the
                // server has no LEAP, so the outcome is method-refused naming both methods.
                s.expectFailure(result, status: 70, domain: "eap", name: "method-refused")
                #expect(result.stderr.contains(#""configuredMethod":"LEAP""#), "\(result)")
                try await s.expectSupplicantClean()
            }
        }
    }
}
