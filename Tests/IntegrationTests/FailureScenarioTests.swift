import Foundation
import Testing

extension WiredTestbed {
    /// Each way an exchange can fail ends in its own structured error, and the supplicant is left with no network
    /// and no blob of ours. hostapd ignores EAPOL-Start from a MAC for ~5 s after an EAP failure, so every
    /// scenario that fails the exchange restarts it afterwards.
    @Suite("EAP failures")
    struct EAPFailures {
        private func peapProfile(_ s: Scenario, caCertificate: String? = nil, serverName: String? = nil,
                                 password: String? = nil) async throws -> String {
            let user = try s.testbed.value("TESTBED_PEAP_USER")
            let id = try await s.cli.createProfile(name: "peap", method: "peap", inner: "mschapv2", username: user,
                                                   caCertificate: caCertificate, serverName: serverName)
            try await s.cli.setPassword(profile: id, username: user,
                                        password: try password ?? s.testbed.value("TESTBED_PEAP_PASS"))
            return id
        }

        @Test("Wrong password: credentials rejected")
        func wrongPasswordIsRejected() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s, password: "not-the-password")
                let result = try await s.cli.authStart(profile: id)
                try await s.testbed.restartAuthenticator()
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "credentials-rejected")
                try await s.expectSupplicantClean()
            }
        }

        @Test("Profile trusting the rogue CA: server certificate untrusted")
        func rogueCAIsUntrusted() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s, caCertificate: try s.testbed.value("TESTBED_ROGUE_CA"))
                let result = try await s.cli.authStart(profile: id)
                try await s.testbed.restartAuthenticator()
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "server-certificate-untrusted")
                try await s.expectSupplicantClean()
            }
        }

        @Test("Wrong server name: name mismatch")
        func wrongServerNameMismatches() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s, serverName: "exact:other.testbed.example")
                let result = try await s.cli.authStart(profile: id)
                try await s.testbed.restartAuthenticator()
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "server-name-mismatch")
                try await s.expectSupplicantClean()
            }
        }

        @Test("Authenticator stopped: no authenticator within the timeout")
        func stoppedAuthenticatorIsReported() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s)
                try await s.testbed.control("hostapd", "stop")
                let result: ProcessResult
                do {
                    result = try await s.cli.authStart(profile: id, timeout: 3)
                } catch {
                    try await s.testbed.control("hostapd", "start")
                    throw error
                }
                try await s.testbed.control("hostapd", "start")
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "no-authenticator")
                #expect(result.elapsed < .seconds(3 + 2), "took \(result.elapsed) for a 3 s timeout")
                try await s.expectSupplicantClean()
            }
        }
    }

    /// wpa_supplicant missing or dying is reported clearly and quickly, never as a hang.
    @Suite("Supplicant failures")
    struct SupplicantFailures {
        private func peapProfile(_ s: Scenario) async throws -> String {
            let user = try s.testbed.value("TESTBED_PEAP_USER")
            let id = try await s.cli.createProfile(name: "peap", method: "peap", inner: "mschapv2", username: user)
            try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
            return id
        }

        @Test("wpa_supplicant not running: a clear error within 2 s")
        func supplicantNotRunningIsReported() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s)
                try await s.testbed.control("supplicant", "stop")
                let result: ProcessResult
                do {
                    result = try await s.cli.authStart(profile: id)
                } catch {
                    try await s.testbed.control("supplicant", "start")
                    throw error
                }
                try await s.testbed.control("supplicant", "start")
                s.expectFailure(result, status: ExitStatus.supplicant, domain: "supplicant", name: "not-running")
                #expect(result.elapsed < .seconds(2), "took \(result.elapsed) to report a missing wpa_supplicant")
            }
        }

        /// The authenticator is stopped first so that the exchange is certainly still in progress (waiting for
        /// EAP) when wpa_supplicant is killed at eapolctl's first progress event.
        @Test("wpa_supplicant killed mid-exchange: a clear error, no hang")
        func supplicantKilledMidExchangeIsReported() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s)
                try await s.testbed.control("hostapd", "stop")
                let (events, continuation) = AsyncStream.makeStream(of: String.self)
                let run = Task {
                    defer { continuation.finish() }
                    return try await s.cli.authStart(profile: id, timeout: 15) { line in continuation.yield(line) }
                }
                var sawEvent = false
                for await line in events where AuthOutput.object(line)?["event"] != nil {
                    sawEvent = true
                    break
                }
                let killedAt = ContinuousClock.now
                if sawEvent { try await s.testbed.control("supplicant", "kill") }
                let result = try await run.value
                try await s.testbed.control("supplicant", "start")
                try await s.testbed.control("hostapd", "start")
                #expect(sawEvent, "auth start printed no progress event before finishing:\n\(result)")
                s.expectFailure(result, status: ExitStatus.supplicant, domain: "supplicant", name: "vanished")
                #expect(ContinuousClock.now - killedAt < .seconds(5), "the crash was reported only after \(ContinuousClock.now - killedAt)")
            }
        }
    }
}
