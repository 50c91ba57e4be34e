import Foundation
import ProfileModel
import Testing

extension WiredTestbed {
    /// `profile probe` against the testbed's RADIUS server (hostapd's internal one, or FreeRADIUS with an
    /// intermediate CA when the testbed runs `--radius freeradius`): the chain is shown, no credential is sent,
    /// nothing stays in wpa_supplicant, and `--adopt` pins or refuses. Every probe ends the EAP exchange with a
    /// failure, so hostapd is restarted after each one (its ~5 s hold-off).
    @Suite("Certificate probe")
    struct CertificateProbe {
        /// `profile probe ... --json`, the authenticator restarted afterwards.
        private func probe(_ s: Scenario, _ arguments: [String]) async throws -> ProcessResult {
            let result = try await s.cli.run(["profile", "probe", "--interface", try s.testbed.interface, "--timeout", "10",
                                              "--json"] + arguments, timeout: .seconds(30))
            try await s.testbed.restartAuthenticator()
            return result
        }

        /// The final `{"probe": {...}}` object of a probe's stdout.
        private func probeObject(_ result: ProcessResult) throws -> [String: Any] {
            let objects = result.stdoutLines.compactMap(AuthOutput.object)
            return try #require(objects.last?["probe"] as? [String: Any], "no probe object:\n\(result)")
        }

        /// The SHA-256 (lowercase, colons) of the first certificate in a PEM file.
        private func fingerprint(ofPEM path: String) throws -> String {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            return try TrustedCertificate.parse(bytes, source: path)[0].summary.sha256Fingerprint
        }

        private var freeRADIUS: Bool { Self.onFreeRADIUS }

        /// The testbed runs FreeRADIUS (`scripts/testbed up --radius freeradius`) behind hostapd.
        static var onFreeRADIUS: Bool {
            (try? Testbed.require().values["TESTBED_RADIUS"]) == "freeradius"
        }

        @Test("--wired shows the whole presented chain and the root to trust; nothing stays; no credential is sent")
        func wiredProbeShowsChain() async throws {
            try await Scenario.run { s in
                let result = try await probe(s, ["--wired"])
                #expect(result.status == 0, "probe failed:\n\(result)")
                let probe = try probeObject(result)
                let certs = try #require(probe["certificates"] as? [[String: Any]])
                let caFingerprint = try fingerprint(ofPEM: try s.testbed.value("TESTBED_CA"))
                #expect(probe["verified"] as? Bool == false)
                #expect((probe["warning"] as? String)?.contains("NOT VERIFIED") == true)
                #expect(probe["identity"] as? String == "anonymous")
                let leaf = try #require(certs.first)
                let serverName = try s.testbed.value("TESTBED_SERVER_NAME")
                #expect((leaf["subjectAltNames"] as? [String])?.contains("DNS:\(serverName)") == true)
                if freeRADIUS {
                    // FreeRADIUS's chain goes through an intermediate: every presented certificate is shown.
                    let intermediate = try s.testbed.value("TESTBED_INTERMEDIATE_CN")
                    #expect(certs.contains { ($0["subject"] as? String)?.contains(intermediate) == true },
                            "the intermediate is not shown:\n\(result)")
                }
                if probe["rootPresented"] as? Bool == true {
                    let suggestion = try #require(probe["suggestion"] as? [String: Any])
                    #expect(suggestion["caSHA256"] as? String == caFingerprint, "suggested CA is not the root:\n\(result)")
                    #expect(suggestion["serverName"] as? String == serverName)
                } else {
                    // Root not presented: say so and name its issuer (the testbed CA).
                    #expect((probe["missingRootIssuer"] as? String)?.contains("Testbed CA") == true, "\(result)")
                }
                try await s.expectSupplicantClean()
                // Probe mode, seen from wpa_supplicant itself: the server certificate was rejected on purpose, and
                // no inner (phase 2) method was ever started.
                let log = try String(contentsOfFile: try s.testbed.value("TESTBED_SUPP_LOG"), encoding: .utf8)
                #expect(log.contains("Reject server certificate on probe-only run"))
            }
        }

        @Test("--adopt in a script: needs --expect-fingerprint, refuses another fingerprint, adopts the right one")
        func adoptPinsOrRefuses() async throws {
            try await Scenario.run { s in
                let id = try await s.cli.createProfile(name: "lab", method: "peap", inner: "mschapv2",
                                                       username: try s.testbed.value("TESTBED_PEAP_USER"),
                                                       caCertificate: try s.testbed.value("TESTBED_ROGUE_CA"))
                let before = try await s.cli.succeed(["profile", "show", id, "--json"]).stdout

                let noPin = try await s.cli.run(["profile", "probe", "--interface", try s.testbed.interface,
                                                 "--profile", id, "--adopt", "--json"])
                s.expectFailure(noPin, status: 64, domain: "usage", name: "missing-argument")

                if freeRADIUS {
                    // FreeRADIUS sends the server and intermediate certificates, not the root: nothing to adopt,
                    // even with the right fingerprint, and the profile stays as it was.
                    let caFingerprint = try fingerprint(ofPEM: try s.testbed.value("TESTBED_CA"))
                    let noRoot = try await probe(s, ["--profile", id, "--adopt", "--expect-fingerprint", caFingerprint])
                    s.expectFailure(noRoot, status: 65, domain: "profile", name: "root-not-presented")
                    let message = AuthOutput(noRoot).error?["message"] as? String ?? ""
                    #expect(message.contains("Testbed CA"), "the missing root's issuer is not named: \(message)")
                    let still = try await s.cli.succeed(["profile", "show", id, "--json"]).stdout
                    #expect(still == before, "a refused adoption changed the profile")
                    // A bare check of a fingerprint nobody presented: pin or refuse.
                    let rogue = try fingerprint(ofPEM: try s.testbed.value("TESTBED_ROGUE_CA"))
                    let mismatch = try await probe(s, ["--profile", id, "--expect-fingerprint", rogue])
                    s.expectFailure(mismatch, status: 65, domain: "profile", name: "fingerprint-mismatch")
                    return
                }

                let rogueFingerprint = try fingerprint(ofPEM: try s.testbed.value("TESTBED_ROGUE_CA"))
                let refused = try await probe(s, ["--profile", id, "--adopt", "--expect-fingerprint", rogueFingerprint])
                s.expectFailure(refused, status: 65, domain: "profile", name: "fingerprint-mismatch")
                let unchanged = try await s.cli.succeed(["profile", "show", id, "--json"]).stdout
                #expect(unchanged == before, "a refused adoption changed the profile")

                let caFingerprint = try fingerprint(ofPEM: try s.testbed.value("TESTBED_CA"))
                let adopted = try await probe(s, ["--profile", id, "--adopt", "--expect-fingerprint",
                                                  caFingerprint.replacingOccurrences(of: ":", with: "").uppercased()])
                #expect(adopted.status == 0, "adoption failed:\n\(adopted)")
                let probe = try probeObject(adopted)
                #expect(probe["adopted"] as? Bool == true)
                #expect(probe["matched"] as? String == "ca")
                #expect((probe["profile"] as? [String: Any])?["id"] as? String == id)

                // The adopted profile authenticates, with the password stored before (same ID, same secrets).
                try await s.cli.setPassword(profile: id, username: try s.testbed.value("TESTBED_PEAP_USER"),
                                            password: try s.testbed.value("TESTBED_PEAP_PASS"))
                s.expectAuthenticated(try await s.cli.authStart(profile: id), authMode: "EAP-PEAP")
            }
        }

        @Test("A rogue server: the probe shows its certificate, and adopting with the real CA's SHA-256 is refused",
              .disabled(if: CertificateProbe.onFreeRADIUS, "hostapd --rogue exists with the internal server only"))
        func rogueServerIsRefused() async throws {
            try await Scenario.run { s in
                let id = try await s.cli.createProfile(name: "lab", method: "peap", inner: "mschapv2")
                try await s.testbed.control("hostapd", "restart", "--rogue")
                let result: ProcessResult
                do {
                    let caFingerprint = try fingerprint(ofPEM: try s.testbed.value("TESTBED_CA"))
                    result = try await s.cli.run(["profile", "probe", "--interface", try s.testbed.interface,
                                                  "--profile", id, "--adopt", "--expect-fingerprint", caFingerprint,
                                                  "--timeout", "10", "--json"], timeout: .seconds(30))
                } catch {
                    try await s.testbed.control("hostapd", "restart")
                    throw error
                }
                try await s.testbed.control("hostapd", "restart")
                s.expectFailure(result, status: 65, domain: "profile", name: "fingerprint-mismatch")
                let rogueServer = try fingerprint(ofPEM: try s.testbed.value("TESTBED_ROGUE_SERVER_CERT"))
                #expect(result.stderr.contains(rogueServer), "the refusal does not show what was presented:\n\(result)")
                try await s.expectSupplicantClean()
            }
        }
    }
}
