import Foundation
import Testing

extension WiredTestbed {
    /// Server and client chains through an intermediate CA. FreeRADIUS only: the internal backend's certificates
    /// are issued by the root directly (scripts/testbed keeps them as they are; many suites use them), so there is
    /// no intermediate to send or omit. On the internal backend these tests are reported as not run, with this reason.
    @Suite("RADIUS certificate chains (FreeRADIUS only)",
           .enabled(if: Testbed.environmentRadiusBackend == "freeradius",
                    "FreeRADIUS only: needs the intermediate-CA chain (scripts/testbed up --radius freeradius)"))
    struct RadiusChains {
        @Test("Server chain through an intermediate, profile trusting only the root: authenticates (TLS 1.2 and 1.3)",
              arguments: ["1.2", "1.3"])
        func intermediateChainAuthenticates(tlsMax: String) async throws {
            try await Scenario.run { s in
                let id = try await s.matrixProfile(MatrixMethod.all[0], tlsMax: tlsMax)
                let result = try await s.authStartNoDHCP(profile: id)
                s.expectAuthenticated(result, authMode: "EAP-PEAP")
                let intermediate = try s.testbed.value("TESTBED_INTERMEDIATE_CN")
                let certificates = AuthOutput(result).events.filter { $0["event"] as? String == "server-certificate" }
                #expect(certificates.contains { ($0["subject"] as? String)?.contains(intermediate) == true },
                        "the intermediate was not among the server certificates seen:\n\(result)")
                #expect(try await s.cli.authStop().status == 0)
                try await s.expectSupplicantClean()
            }
        }

        @Test("EAP-TLS with a client certificate issued by the intermediate: authenticates")
        func intermediateClientCertificateAuthenticates() async throws {
            try await Scenario.run { s in
                let id = try await s.matrixProfile(MatrixMethod.all[5], tlsMax: "1.3",
                                                   p12: try s.testbed.value("TESTBED_CHAIN_CLIENT_P12"),
                                                   p12PassFile: try s.testbed.value("TESTBED_CHAIN_P12_PASS_FILE"))
                let result = try await s.authStartNoDHCP(profile: id)
                s.expectAuthenticated(result, authMode: "EAP-TLS")
                #expect(try await s.cli.authStop().status == 0)
                try await s.expectSupplicantClean()
            }
        }

        @Test("Server omitting its intermediate: eap.incomplete-chain naming the missing issuer (TLS 1.2 and 1.3)",
              arguments: ["1.2", "1.3"])
        func omittedIntermediateIsIncompleteChain(tlsMax: String) async throws {
            try await Scenario.run { s in
                let id = try await s.matrixProfile(MatrixMethod.all[0], tlsMax: tlsMax)
                try await s.testbed.control("radius", "restart", "--no-intermediate")
                let result: ProcessResult
                do {
                    result = try await s.authStartNoDHCP(profile: id)
                } catch {
                    try await s.testbed.control("radius", "restart")
                    throw error
                }
                try await s.testbed.control("radius", "restart")
                try await s.testbed.restartAuthenticator()
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "incomplete-chain")
                let error = s.errorObject(result)
                let intermediate = try s.testbed.value("TESTBED_INTERMEDIATE_CN")
                let message = error["message"] as? String ?? ""
                #expect(message.contains(intermediate), "the message does not name the missing issuer: \(message)")
                let details = error["details"] as? [String: Any]
                #expect((details?["missingIssuer"] as? String)?.contains(intermediate) == true, "\(result)")
                #expect((details?["serverSubject"] as? String)?.contains(try s.testbed.value("TESTBED_SERVER_NAME")) == true,
                        "\(result)")
                try await s.expectSupplicantClean()
            }
        }
    }
}
