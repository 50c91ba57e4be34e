import Foundation
import Testing

extension WiredTestbed {
    /// Every EAP method with TLS 1.2 and TLS 1.3, through the real `eapolctl` CLI, against whichever RADIUS backend
    /// the testbed runs: hostapd's internal EAP server (`scripts/testbed up`) or FreeRADIUS 3.2
    /// (`scripts/testbed up --radius freeradius`). scripts/test runs this suite on both.
    ///
    /// The negotiated TLS version is read from wpa_supplicant's debug log: a TLS 1.3 handshake, and only that, has
    /// the client read the server's EncryptedExtensions message.
    @Suite("RADIUS method matrix")
    struct RadiusMethodMatrix {
        static let tls13Marker = "TLSv1.3 read encrypted extensions"

        @Test("Method authenticates with the profile's TLS maximum", arguments: MatrixMethod.all, ["1.2", "1.3"])
        func methodAuthenticates(_ m: MatrixMethod, tlsMax: String) async throws {
            try await Scenario.run { s in
                let id = try await s.matrixProfile(m, tlsMax: tlsMax)
                var result: ProcessResult?
                let log = try await s.supplicantLog { result = try await s.authStartNoDHCP(profile: id) }
                guard let result else { return }
                s.expectAuthenticated(result, authMode: m.authMode)
                let negotiated13 = log.contains(Self.tls13Marker)
                #expect(negotiated13 == (tlsMax == "1.3"),
                        "\(m.label) with --tls-max \(tlsMax) on \(s.testbed.radiusBackend): TLS 1.3 negotiated = \(negotiated13)")
                #expect(try await s.cli.authStop().status == 0)
                try await s.expectSupplicantClean()
            }
        }

        @Test("Wrong password: credentials rejected (PEAP-MSCHAPv2 and TTLS-PAP, TLS 1.3)",
              arguments: [MatrixMethod.all[0], MatrixMethod.all[2]])
        func wrongPasswordIsRejected(_ m: MatrixMethod) async throws {
            try await Scenario.run { s in
                let id = try await s.matrixProfile(m, tlsMax: "1.3", password: "not-the-password")
                let result = try await s.authStartNoDHCP(profile: id)
                try await s.testbed.restartAuthenticator()
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "credentials-rejected")
                let details = s.errorObject(result)["details"] as? [String: Any]
                #expect(details?["stage"] as? String == "inner authentication", "\(result)")
                try await s.expectSupplicantClean()
            }
        }

        @Test("Unknown user: credentials rejected")
        func unknownUserIsRejected() async throws {
            try await Scenario.run { s in
                let id = try await s.matrixProfile(MatrixMethod.all[0], tlsMax: "1.3", user: "nobody-\(UInt32.random(in: 0...UInt32.max))",
                                                   password: "whatever-123")
                let result = try await s.authStartNoDHCP(profile: id)
                try await s.testbed.restartAuthenticator()
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "credentials-rejected")
                try await s.expectSupplicantClean()
            }
        }

        /// The server's log proves why it refused (OpenSSL's verify error). FreeRADIUS 3.2 writes its
        /// certificate_expired / certificate_revoked alert but answers with a bare EAP-Failure, so the client never
        /// receives the alert: eapolctl can only say the client certificate was rejected (`stage`), not why.
        @Test("Expired client certificate: rejected by the server as expired (TLS 1.2 and 1.3)", arguments: ["1.2", "1.3"])
        func expiredClientCertificateIsRejected(tlsMax: String) async throws {
            try await Scenario.run { s in
                let id = try await s.matrixProfile(MatrixMethod.all[5], tlsMax: tlsMax,
                                                   user: try s.testbed.value("TESTBED_TLS_EXPIRED_USER"),
                                                   p12: try s.testbed.value("TESTBED_EXPIRED_CLIENT_P12"),
                                                   p12PassFile: try s.testbed.value("TESTBED_CHAIN_P12_PASS_FILE"))
                var result: ProcessResult?
                let log = try await s.serverLog { result = try await s.authStartNoDHCP(profile: id) }
                try await s.testbed.restartAuthenticator()
                guard let result else { return }
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "credentials-rejected")
                let details = s.errorObject(result)["details"] as? [String: Any]
                #expect(details?["stage"] as? String == "client certificate", "\(result)")
                #expect(log.contains("certificate has expired"), "the \(s.testbed.radiusBackend) log shows no expiry verdict")
                try await s.expectSupplicantClean()
            }
        }

        @Test("Revoked client certificate (FreeRADIUS only: CRL checked with check_crl): rejected as revoked",
              .enabled(if: Testbed.environmentRadiusBackend == "freeradius",
                       "FreeRADIUS only: hostapd's internal server here checks no CRL"))
        func revokedClientCertificateIsRejected() async throws {
            try await Scenario.run { s in
                let id = try await s.matrixProfile(MatrixMethod.all[5], tlsMax: "1.3",
                                                   user: try s.testbed.value("TESTBED_TLS_REVOKED_USER"),
                                                   p12: try s.testbed.value("TESTBED_REVOKED_CLIENT_P12"),
                                                   p12PassFile: try s.testbed.value("TESTBED_CHAIN_P12_PASS_FILE"))
                var result: ProcessResult?
                let log = try await s.serverLog { result = try await s.authStartNoDHCP(profile: id) }
                try await s.testbed.restartAuthenticator()
                guard let result else { return }
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "credentials-rejected")
                let details = s.errorObject(result)["details"] as? [String: Any]
                #expect(details?["stage"] as? String == "client certificate", "\(result)")
                #expect(log.contains("OpenSSL says error 23 : certificate revoked"), "FreeRADIUS's log shows no CRL verdict")
                try await s.expectSupplicantClean()
            }
        }
    }
}
