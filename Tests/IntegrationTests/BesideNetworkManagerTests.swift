import Foundation
import Testing

extension WiredTestbed {
    /// eapolctl beside another manager of the port: a real NetworkManager that manages it, and networks another
    /// program left on wpa_supplicant's interface. Refused with `supplicant.interface-busy` naming the manager and the
    /// way out; `--take-over` makes NetworkManager let go (through its API) and authenticates.
    @Suite("Beside NetworkManager")
    struct BesideNetworkManager {
        @Test("A port a real NetworkManager manages is refused; --take-over unmanages it and authenticates")
        func managedPortIsRefusedThenTakenOver() async throws {
            try await Scenario.run { s in
                let nm = try await RealNetworkManager.start(s.testbed)
                do {
                    try await check(s, nm)
                } catch {
                    try? await nm.stop()
                    throw error
                }
                try await nm.stop()
                // Gone: nobody owns the name any more, and eapolctl goes on as before without --take-over.
                let again = try await s.cli.authStart(profile: try await peapProfile(s))
                s.expectAuthenticated(again, authMode: "EAP-PEAP")
            }
        }

        private func peapProfile(_ s: Scenario) async throws -> String {
            let user = try s.testbed.value("TESTBED_PEAP_USER")
            let id = try await s.cli.createProfile(name: "peap-nm-\(UUID().uuidString.prefix(4))", method: "peap",
                                                   inner: "mschapv2", username: user)
            try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
            return id
        }

        private func check(_ s: Scenario, _ nm: RealNetworkManager) async throws {
            let port = try s.testbed.interface
            // NetworkManager manages the port: 30 disconnected (no connection of its own: no-auto-default), or 100
            // activated with an external connection it assumed from an address an earlier test left.
            var state = 0
            for _ in 0..<50 {
                state = try await nm.portState()
                if state > 20 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(state == 30 || state == 100, "NetworkManager should manage \(port); nmcli says state \(state)")
            let id = try await peapProfile(s)

            let refused = try await s.cli.authStart(profile: id)
            s.expectFailure(refused, status: ExitStatus.supplicant, domain: "supplicant", name: "interface-busy")
            let error = AuthOutput(refused).error ?? [:]
            let message = error["message"] as? String ?? ""
            let hint = error["hint"] as? String ?? ""
            let details = error["details"] as? [String: Any] ?? [:]
            let stateName = state == 30 ? "disconnected" : "activated"
            #expect(message.contains("NetworkManager") && message.contains("\(stateName), \(state)") && message.contains(port),
                    "message: \(message)")
            #expect(details["stateCode"] as? Int == state && details["manager"] as? String == "NetworkManager", "\(details)")
            #expect(hint.contains("nmcli device set \(port) managed no") && hint.contains("--take-over")
                    && hint.contains("eapolctl profile export \(id) --format networkmanager"), "hint: \(hint)")
            try await s.expectSupplicantClean()
            #expect(try await nm.portState() == state, "a refusal changes nothing")

            let taken = try await s.cli.run(["auth", "start", "--interface", port, "--profile", id, "--timeout", "10",
                                             "--dhcp", "none", "--take-over", "--json"], timeout: .seconds(25))
            s.expectAuthenticated(taken, authMode: "EAP-PEAP")
            let output = AuthOutput(taken)
            let released = output.events.first { $0["event"] as? String == "network-manager-released" }
            #expect(released?["previousState"] as? String == stateName && released?["state"] as? String == "unmanaged",
                    "events: \(output.events)")
            let takeOver = output.result?["takeOver"] as? [String: Any]
            let nmResult = takeOver?["networkManager"] as? [String: Any]
            #expect(nmResult?["state"] as? String == "unmanaged" && (takeOver?["foreignNetworks"] as? Int) == 0,
                    "result: \(output.result ?? [:])")
            #expect(try await nm.portState() == 10, "NetworkManager shows the port unmanaged (10) afterwards")
            _ = try await s.cli.authStop()

            // Unmanaged now: no --take-over needed while NetworkManager runs.
            let plain = try await s.cli.authStart(profile: id)
            s.expectAuthenticated(plain, authMode: "EAP-PEAP")
            #expect(AuthOutput(plain).result?["takeOver"] == nil)
            _ = try await s.cli.authStop()
        }

        @Test("Networks another program left on wpa_supplicant's interface are refused; --take-over keeps them")
        func foreignNetworksAreRefusedThenKept() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s)
                let bus = ForeignNetworks(testbed: s.testbed)
                let network = try await bus.add()
                do {
                    let refused = try await s.cli.authStart(profile: id)
                    s.expectFailure(refused, status: ExitStatus.supplicant, domain: "supplicant", name: "interface-busy")
                    let error = AuthOutput(refused).error ?? [:]
                    #expect((error["message"] as? String)?.contains("holds 1 network eapolctl did not add") == true, "\(error)")
                    #expect((error["details"] as? [String: Any])?["foreignNetworks"] as? Int == 1, "\(error)")

                    let taken = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface, "--profile", id,
                                                     "--timeout", "10", "--dhcp", "none", "--take-over", "--json"],
                                                    timeout: .seconds(25))
                    s.expectAuthenticated(taken, authMode: "EAP-PEAP")
                    let kept = AuthOutput(taken).events.first { $0["event"] as? String == "foreign-networks-kept" }
                    #expect(kept?["count"] as? String == "1")
                    _ = try await s.cli.authStop()
                    #expect(try await s.supplicant.leftovers().networks == [network], "the other program's network stays")
                } catch {
                    try? await bus.remove(network)
                    throw error
                }
                try await bus.remove(network)
            }
        }
    }
}

/// Adds and removes a network on wpa_supplicant's testbed interface the way another program would (busctl;
/// `id_str` not eapolctl's; added disabled, as D-Bus AddNetwork does).
private struct ForeignNetworks {
    let testbed: Testbed

    private func busctl(_ arguments: [String]) async throws -> ProcessResult {
        let result = try await ProcessRunner.run(
            [systemProgram("busctl"), "--address=\(try testbed.busAddress)", "--json=short"] + arguments,
            environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], timeout: .seconds(10))
        guard result.status == 0 else { throw TestbedUnavailable("busctl failed:\n\(result)") }
        return result
    }

    private func firstString(_ result: ProcessResult) -> String? {
        let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any]
        return (object?["data"] as? [Any])?.first as? String
    }

    func interface() async throws -> String {
        let name = try testbed.interface
        if let got = try? await busctl(["call", "fi.w1.wpa_supplicant1", "/fi/w1/wpa_supplicant1", "fi.w1.wpa_supplicant1",
                                        "GetInterface", "s", name]), let path = firstString(got) {
            return path
        }
        let created = try await busctl(["call", "fi.w1.wpa_supplicant1", "/fi/w1/wpa_supplicant1", "fi.w1.wpa_supplicant1",
                                        "CreateInterface", "a{sv}", "2", "Ifname", "s", name, "Driver", "s", "wired"])
        guard let path = firstString(created) else { throw TestbedUnavailable("CreateInterface returned no path") }
        return path
    }

    func add() async throws -> String {
        let iface = try await interface()
        let added = try await busctl(["call", "fi.w1.wpa_supplicant1", iface, "fi.w1.wpa_supplicant1.Interface", "AddNetwork",
                                      "a{sv}", "2", "key_mgmt", "s", "IEEE8021X", "id_str", "s", "corp-managed"])
        guard let path = firstString(added) else { throw TestbedUnavailable("AddNetwork returned no path") }
        return path
    }

    func remove(_ network: String) async throws {
        _ = try await busctl(["call", "fi.w1.wpa_supplicant1", try await interface(), "fi.w1.wpa_supplicant1.Interface",
                              "RemoveNetwork", "o", network])
    }
}
