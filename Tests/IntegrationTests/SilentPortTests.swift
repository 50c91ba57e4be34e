import Foundation
import Testing

extension WiredTestbed {
    /// Ports without 802.1X and the authenticator's quiet period, on the real testbed (hostapd stopped = a port where
    /// nothing speaks 802.1X but DHCP still works, as on an open switch port).
    @Suite("Ports without 802.1X and the quiet period")
    struct SilentPort {
        private func peapProfile(_ s: Scenario) async throws -> String {
            let user = try s.testbed.value("TESTBED_PEAP_USER")
            let id = try await s.cli.createProfile(name: "peap", method: "peap", inner: "mschapv2", username: user)
            try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
            return id
        }

        @Test("No authenticator: eap.no-authenticator after 3 EAPOL-Starts, in seconds, not at --timeout")
        func noAuthenticatorIsKnownAfterMaxStart() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s)
                try await s.testbed.control("hostapd", "stop")
                let began = ContinuousClock.now
                let result: ProcessResult
                do {
                    result = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface, "--profile", id,
                                                  "--timeout", "25", "--dhcp", "none", "--json"], timeout: .seconds(40))
                } catch {
                    try await s.testbed.control("hostapd", "start")
                    throw error
                }
                let took = ContinuousClock.now - began
                try await s.testbed.control("hostapd", "start")
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "no-authenticator")
                #expect(took < .seconds(10), "took \(took): maxStart did not cut the wait")
                let starts = AuthOutput(result).events.filter { $0["event"] as? String == "eapol-start" }
                #expect(starts.count == 3, "\(result)")
                #expect(result.stderr.contains("--accept-open-port"))
                try await s.expectSupplicantClean()
            }
        }

        @Test("--accept-open-port: a port without 802.1X goes on to DHCP and says it is unauthenticated")
        func openPortGoesOnToDHCP() async throws {
            try await DHCPScenario.run { d in
                try await d.s.testbed.control("hostapd", "stop")
                let result: ProcessResult
                do {
                    result = try await d.s.cli.run(["auth", "start", "--interface", try d.s.testbed.interface,
                                                    "--profile", d.profile, "--timeout", "25", "--accept-open-port",
                                                    "--dhcp", "builtin", "--dhcp-timeout", "15", "--json"],
                                                   timeout: .seconds(50))
                } catch {
                    try await d.s.testbed.control("hostapd", "start")
                    throw error
                }
                try await d.s.testbed.control("hostapd", "start")
                #expect(result.status == 0, "\(result)")
                let output = AuthOutput(result)
                #expect(output.status == "open-port", "\(result)")
                #expect(output.result?["authMode"] == nil || output.result?["authMode"] is NSNull)
                #expect(output.events.contains { $0["event"] as? String == "open-port" })
                #expect(try await d.addresses().contains(where: DHCPScenario.inPool), "no address bound:\n\(result)")
            }
        }

        @Test("After a failure the authenticator's quiet period is shown, and the next run still succeeds")
        func quietPeriodAfterAFailureIsVisible() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                let id = try await s.cli.createProfile(name: "peap", method: "peap", inner: "mschapv2", username: user)
                try await s.cli.setPassword(profile: id, username: user, password: "wrong-password")
                let failed = try await s.cli.authStart(profile: id)
                s.expectFailure(failed, status: ExitStatus.eap, domain: "eap", name: "credentials-rejected")
                try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
                let result = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface, "--profile", id,
                                                  "--timeout", "25", "--dhcp", "none", "--json"], timeout: .seconds(40))
                s.expectAuthenticated(result, authMode: "EAP-PEAP")
                let quiet = AuthOutput(result).events.filter { $0["event"] as? String == "quiet-period" }
                #expect(quiet.count == 1, "hostapd holds the port ~5 s after a failure; expected one quiet-period event:\n\(result)")
            }
        }
    }
}
