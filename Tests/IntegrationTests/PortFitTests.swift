import Foundation
import Testing

extension WiredTestbed {
    /// Profiles fit the port: a Wi-Fi profile on an Ethernet port authenticates with its EAP settings
    /// (key_mgmt=IEEE8021X), a wired profile restricted to another interface is refused before any network is added.
    @Suite("Profiles fit the port")
    struct PortFit {
        /// The network's `key_mgmt` as wpa_supplicant holds it, read with busctl (not through eapolctl).
        private func keyManagement(_ s: Scenario, network: String) async throws -> String? {
            let result = try await ProcessRunner.run(
                [systemProgram("busctl"), "--address=\(try s.testbed.busAddress)", "--json=short", "get-property",
                 "fi.w1.wpa_supplicant1", network, "fi.w1.wpa_supplicant1.Network", "Properties"],
                environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], timeout: .seconds(10))
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let properties = object?["data"] as? [String: Any]
            return (properties?["key_mgmt"] as? [String: Any])?["data"] as? String
        }

        @Test("The eapolcfg sequence with --SSID on a wired port authenticates with IEEE8021X, not a 20 s eap.timeout")
        func wifiProfileOnWiredPortAuthenticates() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                _ = try await s.cli.succeed([
                    "createProfile", "--authType", "PEAP", "--SSID", "myssid", "--securityType", "WPA2",
                    "--userName", user, "--trustedCertificate", try s.testbed.value("TESTBED_CA"),
                    "--trustedServerName", try s.testbed.value("TESTBED_SERVER_NAME"),
                ])
                try await s.cli.succeed(["setPasswordItem", "--SSID", "myssid", "--password", "-"],
                                        stdin: try s.testbed.value("TESTBED_PEAP_PASS") + "\n")
                let began = ContinuousClock.now
                let result = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface,
                                                  "--ssid", "myssid", "--timeout", "20", "--dhcp", "none", "--json"],
                                                 timeout: .seconds(40))
                let took = ContinuousClock.now - began
                s.expectAuthenticated(result, authMode: "EAP-PEAP")
                #expect(took < .seconds(10), "took \(took): the old WPA-EAP network waited the whole timeout")
                let output = AuthOutput(result)
                #expect(output.result?["portUse"] as? String == "eap-settings-on-wired-port", "\(result)")
                let portEvent = output.events.first { $0["event"] as? String == "port-use" }
                #expect(portEvent?["ssid"] as? String == "myssid", "no port-use event:\n\(result)")
                let network = try #require(output.result?["network"] as? String)
                #expect(try await keyManagement(s, network: network) == "IEEE8021X")
                try await s.expectState()
            }
        }

        @Test("A wired profile restricted to another interface is refused at once, naming both, adding nothing")
        func wiredProfileForAnotherInterfaceIsRefused() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                let created = try await s.cli.succeed([
                    "profile", "create", "--name", "elsewhere", "--method", "peap", "--inner", "mschapv2",
                    "--username", user, "--wired-interface", "eth7",
                    "--ca-cert", try s.testbed.value("TESTBED_CA"),
                    "--server-name", try s.testbed.value("TESTBED_SERVER_NAME"),
                ])
                let id = try NamespacedCLI.profileID(in: created)
                try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
                let began = ContinuousClock.now
                let result = try await s.cli.authStart(profile: id)
                #expect(ContinuousClock.now - began < .seconds(5))
                let output = AuthOutput(result)
                #expect(result.status == 65, "expected the profile domain's exit status:\n\(result)")
                #expect(output.errorDomain == "profile" && output.errorName == "wrong-interface", "\(result)")
                let message = output.error?["message"] as? String ?? ""
                let interface = try s.testbed.interface
                #expect(message.contains("eth7") && message.contains(interface), "\(message)")
                try await s.expectSupplicantClean()
            }
        }
    }
}
