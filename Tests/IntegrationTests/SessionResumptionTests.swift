import Foundation
import Testing

extension Testbed {
    /// The RADIUS backend (`TESTBED_RADIUS`: `internal`, hostapd's EAP server, when absent or empty).
    var eapServerBackend: String { values["TESTBED_RADIUS"].flatMap { $0.isEmpty ? nil : $0 } ?? "internal" }

    /// Whether the testbed's EAP server keeps a TLS session cache: hostapd's internal server with
    /// `EAPOLCTL_TESTBED_TLS_SESSION_LIFETIME` > 0, or FreeRADIUS (its `cache { enable = yes }`).
    var resumesSessions: Bool {
        eapServerBackend == "freeradius" || (Int(values["TESTBED_TLS_SESSION_LIFETIME"] ?? "0") ?? 0) > 0
    }

    /// The EAP server's log: FreeRADIUS's `-X` log or hostapd's.
    var serverLog: String {
        get throws {
            let path = try value(eapServerBackend == "freeradius" ? "TESTBED_RADIUS_LOG" : "TESTBED_HOSTAPD_LOG")
            return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }
    }
}

extension WiredTestbed {
    /// TLS session resumption: a second `auth start` with the same profile, and `watch` after a link flap.
    @Suite("Session resumption")
    struct SessionResumption {
        /// Two `auth start`s with one profile: the first is a full handshake, the second resumes it on the same
        /// network object (when the server caches sessions), and both outputs say which it was.
        private func authenticateTwice(_ s: Scenario, profile: String, authMode: String) async throws {
            let first = try await s.cli.authStart(profile: profile)
            s.expectAuthenticated(first, authMode: authMode)
            let firstResult = try #require(AuthOutput(first).result)
            #expect(firstResult["resumed"] as? Bool == false, "the first authentication cannot resume:\n\(first)")
            #expect(firstResult["serverCertificate"] != nil)

            let logBefore = try s.testbed.serverLog.count
            let second = try await s.cli.authStart(profile: profile)
            s.expectAuthenticated(second, authMode: authMode)
            let output = AuthOutput(second)
            let result = try #require(output.result)
            let names = output.events.compactMap { $0["event"] as? String }
            #expect(names.contains("network-reused"), "the second start replaced the network:\n\(second)")
            #expect(result["network"] as? String == firstResult["network"] as? String)
            let serverLog = String(try s.testbed.serverLog.dropFirst(logBefore))
            if s.testbed.resumesSessions {
                #expect(result["resumed"] as? Bool == true, "expected a resumed session:\n\(second)")
                #expect(!names.contains("server-certificate"), "a resumed handshake presents no certificate:\n\(second)")
                if s.testbed.eapServerBackend == "internal" {
                    // hostapd's own word for it (tls_openssl.c: "Handshake finished - resumed=1").
                    #expect(serverLog.contains("resumed=1"), "hostapd did not resume:\n\(serverLog.suffix(3000))")
                }
            } else {
                #expect(result["resumed"] as? Bool == false, "no session cache, yet resumed:\n\(second)")
                #expect(names.contains("server-certificate"))
            }
            #expect(try await s.cli.authStop().status == 0)
            try await s.expectSupplicantClean()
        }

        @Test("PEAP: a second auth start with the same profile resumes the TLS session")
        func peapSecondStartResumes() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                let id = try await s.cli.createProfile(name: "peap-resume", method: "peap", inner: "mschapv2", username: user)
                try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
                try await authenticateTwice(s, profile: id, authMode: "EAP-PEAP")
            }
        }

        @Test("EAP-TLS: a second auth start with the same profile resumes the TLS session")
        func eapTLSSecondStartResumes() async throws {
            try await Scenario.run { s in
                let id = try await s.cli.createProfile(name: "tls-resume", method: "tls",
                                                       username: try s.testbed.value("TESTBED_TLS_USER"))
                try await s.cli.setTestbedIdentity(profile: id)
                try await authenticateTwice(s, profile: id, authMode: "EAP-TLS")
            }
        }

        @Test("A different profile with the same settings gets its own network and a full handshake")
        func otherProfileDoesNotResume() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                let pass = try s.testbed.value("TESTBED_PEAP_PASS")
                let a = try await s.cli.createProfile(name: "peap-a", method: "peap", inner: "mschapv2", username: user)
                try await s.cli.setPassword(profile: a, username: user, password: pass)
                let b = try await s.cli.createProfile(name: "peap-b", method: "peap", inner: "mschapv2", username: user)
                try await s.cli.setPassword(profile: b, username: user, password: pass)
                s.expectAuthenticated(try await s.cli.authStart(profile: a), authMode: "EAP-PEAP")
                let second = try await s.cli.authStart(profile: b)
                s.expectAuthenticated(second, authMode: "EAP-PEAP")
                let output = AuthOutput(second)
                #expect(output.result?["resumed"] as? Bool == false, "another profile's session was resumed:\n\(second)")
                #expect(output.events.contains { $0["event"] as? String == "server-certificate" })
            }
        }

        @Test("watch: re-authentication after a link flap resumes the session and says so")
        func watchLinkFlapResumes() async throws {
            try await DHCPScenario.run { d in
                _ = try await d.authStart(dhcp: "none")
                let w = try JSONLinesProcess.watch(d, extra: ["--dhcp", "none"])
                _ = try await w.wait(for: "authenticated")
                let mark = w.events.count
                let authIf = try d.s.testbed.value("TESTBED_IF_AUTH")
                try await d.ip("TESTBED_NS_AUTH", "link", "set", authIf, "down")
                _ = try await w.wait(for: "link-down", after: mark)
                try await Task.sleep(for: .milliseconds(300))
                try await d.ip("TESTBED_NS_AUTH", "link", "set", authIf, "up")
                let authenticated = try await w.wait(for: "authenticated", after: mark)
                let result = try await w.stop()
                #expect(result.status == 0, "watch did not exit 0 on SIGTERM:\n\(result)")
                let expected = d.s.testbed.resumesSessions ? "true" : "false"
                #expect(authenticated["resumed"] as? String == expected,
                        "re-authentication after the flap: \(authenticated); events \(w.names().dropFirst(mark))")
            }
        }
    }
}
