import Foundation
import Testing
import TestSupport

extension WiredTestbed {
    /// Attacks from a local user on the system bus (Docs/security.md): forged signals, fd floods, and a fake
    /// wpa_supplicant run by an unprivileged user. Each test would fail against the code before the defense.
    @Suite("Trust boundaries")
    struct TrustBoundaries {
        private func peapProfile(_ s: Scenario, password: String? = nil) async throws -> String {
            let user = try s.testbed.value("TESTBED_PEAP_USER")
            let id = try await s.cli.createProfile(name: "peap", method: "peap", inner: "mschapv2", username: user)
            try await s.cli.setPassword(profile: id, username: user,
                                        password: try password ?? s.testbed.value("TESTBED_PEAP_PASS"))
            return id
        }

        /// Runs `auth start` and, once its first progress event is out (its bus connection exists), forges a
        /// success at every other connection on the bus until it ends.
        private func authStartUnderSpoofing(_ s: Scenario, profile: String, timeout: Int)
            async throws -> (ProcessResult, sent: Int) {
            let (events, continuation) = AsyncStream.makeStream(of: String.self)
            let run = Task {
                defer { continuation.finish() }
                return try await s.cli.authStart(profile: profile, timeout: timeout) { continuation.yield($0) }
            }
            var spoofer: BusSpoofer?
            for await line in events where AuthOutput.object(line)?["event"] as? String == "interface-ready" {
                let path = try #require(AuthOutput.object(line)?["path"] as? String)
                spoofer = try await BusSpoofer.start(testbed: s.testbed, interfacePath: path)
                break
            }
            let result = try await run.value
            await spoofer?.stop()
            return (result, spoofer?.sent ?? 0)
        }

        @Test("forged success signals on a silent port: auth start still fails with no-authenticator")
        func forgedSuccessOnSilentPort() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s)
                try await s.testbed.control("hostapd", "stop")
                let outcome: (ProcessResult, sent: Int)
                do {
                    outcome = try await authStartUnderSpoofing(s, profile: id, timeout: 4)
                } catch {
                    try await s.testbed.control("hostapd", "start")
                    throw error
                }
                try await s.testbed.control("hostapd", "start")
                let (result, sent) = outcome
                #expect(sent > 50, "the spoofer sent only \(sent) signals:\n\(result)")
                #expect(AuthOutput(result).status != "authenticated", "forged signals made auth start succeed:\n\(result)")
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "no-authenticator")
                #expect(!AuthOutput(result).events.contains { $0["event"] as? String == "eap-started" },
                        "a forged EAP signal was taken for the supplicant's:\n\(result)")
                try await s.expectSupplicantClean()
            }
        }

        @Test("forged success signals during a wrong-password run: still credentials-rejected")
        func forgedSuccessWithWrongPassword() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s, password: "not-the-password")
                let (result, sent) = try await authStartUnderSpoofing(s, profile: id, timeout: 10)
                try await s.testbed.restartAuthenticator()
                #expect(sent > 0, "the spoofer sent nothing:\n\(result)")
                s.expectFailure(result, status: ExitStatus.eap, domain: "eap", name: "credentials-rejected")
                try await s.expectSupplicantClean()
            }
        }

        @Test("auth start's first event names the bus and the verified supplicant (uid 0)")
        func firstEventNamesTheBus() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s)
                let result = try await s.cli.authStart(profile: id)
                s.expectAuthenticated(result, authMode: "EAP-PEAP")
                let first = try #require(AuthOutput(result).events.first)
                #expect(first["event"] as? String == "supplicant")
                #expect(first["bus"] as? String == (try s.testbed.busAddress))
                #expect(first["busSource"] as? String == "DBUS_SYSTEM_BUS_ADDRESS")
                #expect(first["uid"] as? String == "0")
                #expect((first["owner"] as? String)?.hasPrefix(":") == true)
                #expect(AuthOutput(result).events.contains { $0["event"] as? String == "outcome-confirmed" })
            }
        }

        @Test("watch: forged signals and fd floods cause no re-authentication, no DHCP renew, no descriptor leak")
        func watchIgnoresForgedSignals() async throws {
            try await DHCPScenario.run { d in
                _ = try await d.authStart(dhcp: "builtin")
                let w = try JSONLinesProcess.watch(d, extra: ["--dhcp", "builtin"])
                let bound = try await w.wait(for: "dhcp-bound")
                let started = w.events.first { $0["event"] as? String == "started" }
                let pid = try #require((started?["pid"] as? String).flatMap { Int32($0) })
                let path = try #require(try await d.s.supplicant.interfacePath())
                try await Task.sleep(for: .milliseconds(300))   // watch settles (rules added, lease kept)
                let descriptorsBefore = Self.descriptorCount(pid)
                let mark = w.events.count
                let null = open("/dev/null", O_RDONLY)
                defer { close(null) }
                let spoofer = try await BusSpoofer.start(testbed: d.s.testbed, interfacePath: path,
                                                         fileDescriptor: null)
                try await Task.sleep(for: .seconds(3))
                await spoofer.stop()
                try await Task.sleep(for: .milliseconds(300))
                let descriptorsAfter = Self.descriptorCount(pid)
                let after = Array(w.names().dropFirst(mark))
                let result = try await w.stop()
                #expect(result.status == 0, "\(result)")
                #expect(spoofer.sent > 500, "the spoofer sent only \(spoofer.sent) signals")
                for name in ["state-change", "authenticated", "dhcp-started", "dhcp-bound", "eap-started",
                             "reauthenticating"] {
                    #expect(!after.contains(name), "forged signals caused \(name): \(after)")
                }
                #expect(descriptorsBefore > 0 && descriptorsAfter <= descriptorsBefore,
                        "watch's descriptors went from \(descriptorsBefore) to \(descriptorsAfter)")
                #expect((bound["address"] as? String).map(DHCPScenario.inPool) == true)
            }
        }

        static func descriptorCount(_ pid: Int32) -> Int {
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
        }

        @Test("a fake wpa_supplicant run by nobody gets no password and no key; the error names its uid")
        func fakeSupplicantOfAnotherUser() async throws {
            try await Scenario.run { s in
                let id = try await peapProfile(s)
                let bus = try await PrivateBus.start()
                defer { bus.stop() }
                let nobody = try await FakeSupplicantProcess.start(bus: bus, user: "nobody")
                let refused = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface,
                                                   "--profile", id, "--bus", bus.address, "--timeout", "2", "--json"],
                                                  timeout: .seconds(20))
                let nobodyLog = nobody.stop()
                s.expectFailure(refused, status: ExitStatus.dbus, domain: "dbus", name: "untrusted-peer")
                let error = try #require(AuthOutput(refused).error)
                #expect((error["message"] as? String)?.contains("uid 65534") == true, "\(refused)")
                #expect((error["details"] as? [String: Any])?["pid"] as? Int == Int(nobody.pid), "\(refused)")
                #expect(!nobodyLog.contains("AddNetwork") && !nobodyLog.contains("AddBlob")
                            && !nobodyLog.contains("NetworkReply"),
                        "the untrusted fake received:\n\(nobodyLog)")
                #expect(nobodyLog.isEmpty, "the untrusted fake received calls:\n\(nobodyLog)")

                // Control: the same fake run by root is trusted and gets the network (so the log would show it).
                let root = try await FakeSupplicantProcess.start(bus: bus, user: "root")
                _ = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface, "--profile", id,
                                         "--bus", bus.address, "--timeout", "1", "--json"], timeout: .seconds(20))
                let rootLog = root.stop()
                #expect(rootLog.contains("AddNetwork"), "control run: the root fake saw\n\(rootLog)")
            }
        }
    }
}

/// A private system-type dbus-daemon with a permissive policy (any user may own any name), on a socket everyone
/// may reach; stopped by its pid.
struct PrivateBus: Sendable {
    let daemon: PrivateDBusDaemon
    var directory: String { daemon.directory }
    var address: String { daemon.address }

    static func start() async throws -> PrivateBus {
        let daemon = try PrivateDBusDaemon.launch(prefix: "eapolctl-trust", directoryMode: 0o755)
        for _ in 0..<400 where !FileManager.default.fileExists(atPath: daemon.socket) {
            try await Task.sleep(for: .milliseconds(5))
        }
        chmod(daemon.socket, 0o777)
        return PrivateBus(daemon: daemon)
    }

    func stop() { daemon.stop() }
}

/// The `fake-supplicant` helper claiming fi.w1.wpa_supplicant1 on a private bus as `user` (setpriv), logging the
/// calls it receives. Its binary is copied where `nobody` can run it.
final class FakeSupplicantProcess: @unchecked Sendable {
    // @unchecked: all stored properties are immutable after start.
    let process: Process
    let logPath: String
    var pid: Int32 { process.processIdentifier }

    private init(process: Process, logPath: String) {
        self.process = process
        self.logPath = logPath
    }

    static var binary: String {
        URL(fileURLWithPath: NamespacedCLI.binary).deletingLastPathComponent().appendingPathComponent("fake-supplicant").path
    }

    static func start(bus: PrivateBus, user: String) async throws -> FakeSupplicantProcess {
        let copy = "\(bus.directory)/fake-supplicant"
        if !FileManager.default.fileExists(atPath: copy) {
            try FileManager.default.copyItem(atPath: binary, toPath: copy)
            chmod(copy, 0o755)
        }
        let logPath = "\(bus.directory)/calls-\(user).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        chmod(logPath, 0o666)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: systemProgram("setpriv"))
        let group = user == "root" ? "root" : "nogroup"
        process.arguments = ["--reuid=\(user)", "--regid=\(group)", "--clear-groups", copy,
                             "--address", bus.address, "--log", logPath]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for "ready": it owns the name.
        let ready = await Task.detached { () -> Bool in
            let data = out.fileHandleForReading.availableData
            return String(decoding: data, as: UTF8.self).hasPrefix("ready")
        }.value
        guard ready else {
            kill(process.processIdentifier, SIGKILL)
            throw TestbedUnavailable("fake-supplicant as \(user) did not start")
        }
        return FakeSupplicantProcess(process: process, logPath: logPath)
    }

    /// Stops it (by its pid) and returns its call log.
    func stop() -> String {
        kill(pid, SIGKILL)
        process.waitUntilExit()
        return (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
}
