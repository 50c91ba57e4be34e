import Foundation
import Testing

extension WiredTestbed {
    /// `watch-wired`: a wired port that appears while it runs authenticates with the system Ethernet profile.
    @Suite("Wired supervisor (hot-plug)")
    struct WiredHotplug {
        /// A second port of the testbed: a new veth pair between its two namespaces (names `hp-auth`/`hp-supp`) and a
        /// second hostapd on the authenticator end (the testbed's own serves one port). Torn down by ``remove()``.
        struct ExtraPort {
            let s: Scenario
            let authIf = "hp-auth"
            let suppIf = "hp-supp"
            var pidFile: String { s.cli.baseDirectory.appendingPathComponent("hostapd-hp.pid").path }

            func ip(_ namespaceKey: String, _ arguments: String...) async throws {
                let result = try await ProcessRunner.run([systemProgram("ip"), "-n", try s.testbed.value(namespaceKey)] + arguments,
                                                         environment: [:], timeout: .seconds(10))
                guard result.status == 0 else { throw TestbedUnavailable("ip failed:\n\(result)") }
            }

            /// The veth pair, created directly inside the testbed's namespaces (nothing appears on the host).
            func plug() async throws {
                try await ip("TESTBED_NS_AUTH", "link", "add", authIf, "type", "veth", "peer", "name", suppIf,
                             "netns", try s.testbed.value("TESTBED_NS_SUPP"))
                try await ip("TESTBED_NS_AUTH", "link", "set", authIf, "up")
                try await ip("TESTBED_NS_SUPP", "link", "set", suppIf, "up")
            }

            /// hostapd on `hp-auth` with the testbed's configuration (same EAP server and users).
            func startAuthenticator() async throws {
                let dir = try s.testbed.value("EAPOLCTL_TESTBED_DIR")
                var conf = try String(contentsOfFile: dir + "/hostapd.conf", encoding: .utf8)
                conf = conf.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    if line.hasPrefix("interface=") { return "interface=\(authIf)" }
                    if line.hasPrefix("ctrl_interface=") { return "ctrl_interface=" + s.cli.baseDirectory.appendingPathComponent("hostapd-hp-ctrl").path }
                    return String(line)
                }.joined(separator: "\n")
                let path = s.cli.baseDirectory.appendingPathComponent("hostapd-hp.conf").path
                try conf.write(toFile: path, atomically: true, encoding: .utf8)
                // hostapd runs in the foreground as this test's own child (a daemonized `hostapd -B` left its exited
                // parent unreaped and the runner waiting): the shell writes its pid, then execs ip, which execs hostapd,
                // so the pid in the file is hostapd's. remove() stops it by that pid; the runner's deadline is a backstop.
                let log = s.cli.baseDirectory.appendingPathComponent("hostapd-hp.log").path
                let argv = ["/bin/sh", "-c", "echo $$ >\"$3\"; exec \"$0\" netns exec \"$1\" \"$2\" -f \"$4\" \"$5\" </dev/null >/dev/null 2>&1",
                            systemProgram("ip"), try s.testbed.value("TESTBED_NS_AUTH"), systemProgram("hostapd"), pidFile, log, path]
                Task.detached { _ = try? await ProcessRunner.run(argv, environment: [:], timeout: .seconds(180)) }
                for _ in 0..<50 where !FileManager.default.fileExists(atPath: pidFile) { try await Task.sleep(for: .milliseconds(100)) }
            }

            /// Whether wpa_supplicant has an interface for `hp-supp` (GetInterface on the testbed's bus).
            func supplicantHasInterface() async throws -> Bool {
                let bus = try s.testbed.busAddress
                let result = try await ProcessRunner.run([systemProgram("busctl"), "--address=\(bus)", "call", "fi.w1.wpa_supplicant1",
                                                          "/fi/w1/wpa_supplicant1", "fi.w1.wpa_supplicant1", "GetInterface", "s", suppIf],
                                                         environment: [:], timeout: .seconds(10))
                return result.status == 0
            }

            /// The cable pulled: our hostapd stopped and the pair deleted, nothing else (wpa_supplicant's interface is
            /// left for the product to clean up).
            func unplug() async {
                if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                   let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 {
                    kill(pid, SIGKILL)
                }
                try? await ip("TESTBED_NS_AUTH", "link", "del", authIf)
            }

            /// Stops our hostapd (by its pid file), removes wpa_supplicant's `hp-supp` interface (the wired driver keeps
            /// a deleted link's interface, which would never see frames on a new pair of the same name) and deletes
            /// the pair.
            func remove() async {
                let script = "p=$(busctl --address=\"$0\" call fi.w1.wpa_supplicant1 /fi/w1/wpa_supplicant1 fi.w1.wpa_supplicant1 GetInterface s \"$1\" | cut -d'\"' -f2) && [ -n \"$p\" ] && busctl --address=\"$0\" call fi.w1.wpa_supplicant1 /fi/w1/wpa_supplicant1 fi.w1.wpa_supplicant1 RemoveInterface o \"$p\""
                if let bus = try? s.testbed.busAddress {
                    _ = try? await ProcessRunner.run(["/bin/sh", "-c", script, bus, suppIf],
                                                     environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], timeout: .seconds(10))
                }
                if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                   let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 {
                    // SIGKILL: the child inherits the test process's signal mask, in which SIGTERM is blocked.
                    kill(pid, SIGKILL)
                }
                try? await ip("TESTBED_NS_AUTH", "link", "del", authIf)
            }
        }

        @Test("a veth port plugged in while watch-wired runs authenticates with the system Ethernet profile")
        func newPortAuthenticates() async throws {
            try await Scenario.run { s in
                let port = ExtraPort(s: s)
                await port.remove()   // a leftover of an interrupted run
                var running: JSONLinesProcess?
                do {
                    let user = try s.testbed.value("TESTBED_PEAP_USER")
                    let id = try await s.cli.createProfile(name: "ethernet-peap", method: "peap", inner: "mschapv2", username: user)
                    try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
                    try await s.cli.succeedWithoutSystemd(["setSystemEthernetProfile", "--profileID", id])
                    let supervisor = JSONLinesProcess(s.cli, ["watch-wired", "--match", "hp-*", "--dhcp", "none", "--json"],
                                                      pidEvent: "supervisor-started")
                    running = supervisor
                    _ = try await supervisor.wait(for: "supervisor-started")
                    try await Task.sleep(for: .milliseconds(300))
                    #expect(!supervisor.names().contains("watch-starting"), "no hp-* port yet: \(supervisor.names())")
                    try await port.startAuthenticatorAfterPlugging()
                    let starting = try await supervisor.wait(for: "watch-starting", within: .seconds(10))
                    #expect(starting["interface"] as? String == port.suppIf)
                    let authenticated = try await supervisor.wait(for: "authenticated", within: .seconds(60)) {
                        $0["interface"] as? String == port.suppIf
                    }
                    #expect(authenticated["authMode"] as? String == "EAP-PEAP", "\(authenticated)")
                    // The testbed's own port matches no --match pattern and is left alone.
                    #expect(supervisor.events.contains { $0["event"] as? String == "port-skipped" && $0["interface"] as? String == (try? s.testbed.interface) })
                    // Unplugged: its watch stops, and watch-wired removes wpa_supplicant's interface of the vanished
                    // link (the wired driver keeps it, and a new link of the same name would never see EAP through it).
                    #expect(try await port.supplicantHasInterface(), "the port's supplicant interface exists while plugged")
                    await port.unplug()
                    let removed = try await supervisor.wait(for: "port-removed", within: .seconds(10))
                    #expect(removed["interface"] as? String == port.suppIf)
                    #expect(!(try await port.supplicantHasInterface()), "watch-wired left the vanished link's interface in wpa_supplicant")
                    let result = try await supervisor.stop()
                    #expect(result.status == 0, "watch-wired did not exit 0 on SIGTERM:\n\(result)")
                    #expect(supervisor.names().last == "supervisor-stopping")
                } catch {
                    _ = try? await running?.stop()
                    await port.remove()
                    throw error
                }
                await port.remove()
            }
        }
    }
}

extension WiredTestbed.WiredHotplug.ExtraPort {
    /// Plugs the pair in, then starts its authenticator (the supplicant end appears first, as a cable would).
    func startAuthenticatorAfterPlugging() async throws {
        try await plug()
        try await startAuthenticator()
    }
}
