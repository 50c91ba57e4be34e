import Foundation
import Testing

extension WiredTestbed {
    /// `onboard --connect` from an eap-config an institution would publish for the testbed's port.
    @Suite("Onboarding")
    struct Onboarding {
        /// scripts/testbed-eap-config's output for this testbed, written to a file.
        private func eapConfig(_ s: Scenario) async throws -> URL {
            let env = try #require(Testbed.environmentPath)
            let script = Testbed.repositoryRoot.appendingPathComponent("scripts/testbed-eap-config").path
            let result = try await ProcessRunner.run([script, env], environment: ProcessInfo.processInfo.environment,
                                                     timeout: .seconds(20))
            #expect(result.status == 0, "testbed-eap-config failed:\n\(result)")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("testbed-\(UUID().uuidString).eap-config")
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            return file
        }

        @Test("onboard --connect from an eap-config authenticates and gets an address, twice without duplicates")
        func onboardConnectIsIdempotent() async throws {
            try await DHCPScenario.run { d in
                let s = d.s
                let file = try await eapConfig(s)
                defer { try? FileManager.default.removeItem(at: file) }
                let arguments = ["onboard", file.path, "--interface", try s.testbed.interface,
                                 "--username", try s.testbed.value("TESTBED_PEAP_USER"), "--password-stdin",
                                 "--connect", "--dhcp", "builtin", "--json"]
                var profileIDs: [String] = []
                for run in 1...2 {
                    let result = try await s.cli.run(arguments, stdin: try s.testbed.value("TESTBED_PEAP_PASS") + "\n")
                    #expect(result.status == 0, "onboard run \(run) failed:\n\(result)")
                    let report = try #require(AuthOutput.object(result.stdout.split(separator: "\n").last.map(String.init) ?? ""),
                                              "no final report:\n\(result)")
                    let connection = try #require(report["connection"] as? [String: Any], "no connection:\n\(result)")
                    #expect(connection["state"] as? String == "authenticated")
                    let address = try #require(connection["address"] as? String)
                    #expect(DHCPScenario.inPool(String(address.split(separator: "/")[0])), "address \(address)")
                    let profiles = try #require(report["profiles"] as? [[String: Any]])
                    profileIDs.append(contentsOf: profiles.compactMap { $0["id"] as? String })
                    _ = try await s.cli.authStop()
                }
                #expect(profileIDs.count == 2 && profileIDs[0] == profileIDs[1], "profile IDs \(profileIDs)")
                let list = try await s.cli.succeed(["profile", "list", "--json"])
                let listed = AuthOutput.object(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines))?["profiles"] as? [Any]
                // The scenario's own PEAP profile plus the onboarded one.
                #expect(listed?.count == 2, "profiles after two onboard runs:\n\(list)")
                let passwords = try await s.cli.succeed(["password", "list", "--json"])
                #expect(!passwords.stdout.contains(try s.testbed.value("TESTBED_PEAP_PASS")))
            }
        }
    }
}
