import Foundation
import Testing

extension WiredTestbed {
    /// Every way an exchange can fail, for every EAP method, ends in its exact error name (Docs/authentication.md,
    /// "Diagnosis matrix", is the table of these results). Cases RadiusMethodMatrix already proves are not repeated
    /// here: success with TLS 1.2 and 1.3 per method, wrong password for PEAP-MSCHAPv2 and TTLS-PAP, unknown user for
    /// PEAP-MSCHAPv2, expired and revoked client certificates (EAP-TLS).
    ///
    /// Fast by design: `--dhcp none`, hostapd restarted after each failure (it ignores the port for ~5 s after an
    /// EAP failure), and the cases needing other server TLS bounds grouped so FreeRADIUS restarts once per bound.
    /// The TLS version cases need FreeRADIUS (`scripts/testbed radius restart --tls-max 1.2` / `--tls-min 1.3`);
    /// hostapd's internal server here always allows TLS 1.2 and 1.3, so it cannot play a mismatched server.
    @Suite("Diagnosis matrix")
    struct DiagnosisMatrix {
        static let passwordMethods = MatrixMethod.all.filter { $0.passwordVariable != nil }
        static let wrongPasswordMethods = passwordMethods.filter { !["PEAP-MSCHAPv2", "TTLS-PAP"].contains($0.label) }
        static let unknownUserMethods = passwordMethods.filter { $0.label != "PEAP-MSCHAPv2" }
        static let freeRADIUSOnly = "FreeRADIUS only: hostapd's internal server always allows TLS 1.2 and 1.3 here"

        @Test("Wrong password: credentials-rejected (inner authentication)", arguments: wrongPasswordMethods)
        func wrongPassword(_ m: MatrixMethod) async throws {
            try await Scenario.run { s in
                let id = try await s.diagnosisProfile(m, name: "wrong-password", password: "not-the-password")
                let error = try await s.expectDiagnosis(profile: id, name: "credentials-rejected", m)
                #expect((error["details"] as? [String: Any])?["stage"] as? String == "inner authentication", "\(error)")
            }
        }

        @Test("Unknown user: credentials-rejected", arguments: unknownUserMethods)
        func unknownUser(_ m: MatrixMethod) async throws {
            try await Scenario.run { s in
                let id = try await s.diagnosisProfile(m, name: "unknown-user",
                                                      user: "nobody-\(UInt32.random(in: 0...UInt32.max))",
                                                      password: "whatever-123")
                _ = try await s.expectDiagnosis(profile: id, name: "credentials-rejected", m)
            }
        }

        @Test("Profile trusting the rogue CA: server-certificate-untrusted", arguments: MatrixMethod.all)
        func rogueCA(_ m: MatrixMethod) async throws {
            try await Scenario.run { s in
                let id = try await s.diagnosisProfile(m, name: "rogue-ca", caCertificate: try s.testbed.value("TESTBED_ROGUE_CA"))
                _ = try await s.expectDiagnosis(profile: id, name: "server-certificate-untrusted", m)
            }
        }

        @Test("Wrong server name: server-name-mismatch", arguments: MatrixMethod.all)
        func wrongServerName(_ m: MatrixMethod) async throws {
            try await Scenario.run { s in
                let id = try await s.diagnosisProfile(m, name: "wrong-name", serverName: "other.testbed.example")
                let error = try await s.expectDiagnosis(profile: id, name: "server-name-mismatch", m)
                #expect((error["message"] as? String)?.contains(try s.testbed.value("TESTBED_SERVER_NAME")) == true,
                        "the message does not name the certificate's name: \(error)")
            }
        }

        /// FreeRADIUS (OpenSSL) answers a TLS 1.3-only ClientHello with a fatal protocol_version alert, written to its
        /// log, and a bare EAP-Failure: wpa_supplicant signals no alert, so eapolctl infers the mismatch.
        @Test("Profile TLS 1.3 only, server at most TLS 1.2: tls-version-mismatch (inferred), every method",
              .enabled(if: Testbed.environmentRadiusBackend == "freeradius", Comment(rawValue: freeRADIUSOnly)))
        func profileAboveServer() async throws {
            try await Scenario.run { s in
                try await s.withServerTLS("--tls-max", "1.2") {
                    for m in MatrixMethod.all {
                        let id = try await s.diagnosisProfile(m, name: "only13", tlsMin: "1.3", tlsMax: "1.3")
                        var error: [String: Any] = [:]
                        let log = try await s.serverLog {
                            error = try await s.expectDiagnosis(profile: id, name: "tls-version-mismatch", m)
                        }
                        s.expectVersionMismatch(error, m, profileBounds: ("1.3", "1.3"))
                        #expect(log.contains("Alert write:fatal:protocol version"),
                                "\(m.label): FreeRADIUS's log shows no protocol_version alert")
                    }
                }
            }
        }

        /// The reverse: FreeRADIUS limited to TLS 1.3 (`tls_min_version = "1.3"`). A profile at most TLS 1.2 shares
        /// no version with it; a profile allowing TLS 1.3 authenticates with every method.
        @Test("Server TLS 1.3 only: profile at most TLS 1.2 is tls-version-mismatch, profile allowing 1.3 authenticates",
              .enabled(if: Testbed.environmentRadiusBackend == "freeradius", Comment(rawValue: freeRADIUSOnly)))
        func serverTLS13Only() async throws {
            try await Scenario.run { s in
                try await s.withServerTLS("--tls-min", "1.3") {
                    for m in MatrixMethod.all {
                        let low = try await s.diagnosisProfile(m, name: "max12", tlsMax: "1.2")
                        var error: [String: Any] = [:]
                        let log = try await s.serverLog {
                            error = try await s.expectDiagnosis(profile: low, name: "tls-version-mismatch", m)
                        }
                        s.expectVersionMismatch(error, m, profileBounds: ("1.2", "1.2"))
                        #expect(log.contains("Alert write:fatal:protocol version"),
                                "\(m.label): FreeRADIUS's log shows no protocol_version alert")
                        let ok = try await s.diagnosisProfile(m, name: "max13", tlsMax: "1.3")
                        let result = try await s.authStartNoDHCP(profile: ok, timeout: 10)
                        s.expectAuthenticated(result, authMode: m.authMode)
                        #expect(try await s.cli.authStop().status == 0)
                        try await s.expectSupplicantClean()
                    }
                }
            }
        }
    }
}

/// The diagnosis matrix's profiles and checks.
extension Scenario {
    /// A profile for `m` named `name`, trusting `caCertificate` (default: the testbed root) and naming `serverName`
    /// (default: the testbed server), with optional TLS bounds and the testbed's credentials unless given.
    func diagnosisProfile(_ m: MatrixMethod, name: String, user: String? = nil, password: String? = nil,
                          caCertificate: String? = nil, serverName: String? = nil,
                          tlsMin: String? = nil, tlsMax: String? = nil) async throws -> String {
        let username = try user ?? testbed.value(m.userVariable)
        var arguments = ["profile", "create", "--name", "\(m.label)-\(name)", "--method", m.method,
                         "--outer-identity", try testbed.value("TESTBED_ANON_IDENTITY"),
                         "--ca-cert", try caCertificate ?? testbed.value("TESTBED_CA"),
                         "--server-name", try serverName ?? testbed.value("TESTBED_SERVER_NAME"),
                         "--username", username]
        if let inner = m.inner { arguments += ["--inner", inner] }
        if let tlsMin { arguments += ["--tls-min", tlsMin] }
        if let tlsMax { arguments += ["--tls-max", tlsMax] }
        let id = try NamespacedCLI.profileID(in: try await cli.succeed(arguments))
        if let passwordVariable = m.passwordVariable {
            try await cli.setPassword(profile: id, username: username,
                                      password: try password ?? testbed.value(passwordVariable))
        } else {
            try await cli.succeed(["identity", "set", "--profile", id, "--pkcs12", try testbed.value("TESTBED_CLIENT_P12"),
                                   "--passphrase-file", try testbed.value("TESTBED_CLIENT_P12_PASS_FILE")])
        }
        return id
    }

    /// Runs `auth start` (no DHCP), restarts hostapd (its hold-off after a failure), expects the exact `eap` error
    /// `name` and a clean supplicant, and returns the error object.
    func expectDiagnosis(profile: String, name: String, _ m: MatrixMethod,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let result = try await authStartNoDHCP(profile: profile, timeout: 10)
        try await testbed.restartAuthenticator()
        let output = AuthOutput(result)
        let got = "\(output.errorDomain ?? "nil")/\(output.errorName ?? "nil")"
        #expect(result.status == ExitStatus.eap && got == "eap/\(name)",
                "\(m.label) on \(testbed.radiusBackend): \(got), expected eap/\(name):\n\(result)",
                sourceLocation: sourceLocation)
        try await expectSupplicantClean(sourceLocation: sourceLocation)
        return errorObject(result)
    }

    /// A version mismatch names the profile's bounds and says whether it is an inference.
    func expectVersionMismatch(_ error: [String: Any], _ m: MatrixMethod, profileBounds: (String, String),
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let details = error["details"] as? [String: Any] ?? [:]
        #expect(details["profileTLSMin"] as? String == profileBounds.0 && details["profileTLSMax"] as? String == profileBounds.1,
                "\(m.label): \(error)", sourceLocation: sourceLocation)
        let message = error["message"] as? String ?? ""
        let inferred = details["inferred"] as? Bool
        #expect(inferred != nil, "\(m.label): no details.inferred: \(error)", sourceLocation: sourceLocation)
        if inferred == true {
            #expect(message.contains("inferred"), "\(m.label): an inference not called one: \(message)",
                    sourceLocation: sourceLocation)
        }
        #expect((error["hint"] as? String)?.contains("--tls-min 1.2 --tls-max 1.3") == true, "\(m.label): \(error)",
                sourceLocation: sourceLocation)
    }

    /// Runs `body` with FreeRADIUS restarted with other TLS bounds (`option value`), and always restores it.
    func withServerTLS(_ option: String, _ value: String, _ body: () async throws -> Void) async throws {
        try await testbed.control("radius", "restart", option, value)
        do {
            try await body()
        } catch {
            _ = try? await testbed.control("radius", "restart")
            throw error
        }
        try await testbed.control("radius", "restart")
    }
}
