import Foundation

/// A real NetworkManager (Debian's `network-manager`) for one test: `scripts/lib/testbed-networkmanager.sh start`
/// runs it in the testbed's supplicant namespace, on the testbed's private bus, in a private mount namespace, managing
/// only the testbed port; ``stop()`` ends it by its pid and checks it is gone.
struct RealNetworkManager: Sendable {
    let testbed: Testbed
    let pid: Int32

    private static func script(_ testbed: Testbed, _ command: String) async throws -> ProcessResult {
        var environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        environment["EAPOLCTL_TESTBED_DIR"] = try testbed.value("EAPOLCTL_TESTBED_DIR")
        environment["EAPOLCTL_TESTBED_PREFIX"] = try testbed.value("EAPOLCTL_TESTBED_PREFIX")
        let path = Testbed.repositoryRoot.appendingPathComponent("scripts/lib/testbed-networkmanager.sh").path
        return try await ProcessRunner.run(["/bin/bash", path, command], environment: environment, timeout: .seconds(20))
    }

    /// Starts it; a missing NetworkManager or one that does not claim its name fails the test (never a skip).
    static func start(_ testbed: Testbed) async throws -> RealNetworkManager {
        let result = try await script(testbed, "start")
        guard result.status == 0, let pid = Int32(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TestbedUnavailable("NetworkManager did not start (scripts/install-deps installs network-manager):\n\(result)")
        }
        return RealNetworkManager(testbed: testbed, pid: pid)
    }

    /// Stops it by its pid (TERM, then KILL) and waits until the process is gone.
    func stop() async throws {
        _ = try await Self.script(testbed, "stop")
        for _ in 0..<100 where kill(pid, 0) == 0 { try await Task.sleep(for: .milliseconds(50)) }
        guard kill(pid, 0) != 0 else { throw TestbedUnavailable("NetworkManager (pid \(pid)) is still running") }
    }

    /// `nmcli` in the namespace, on the testbed's bus.
    func nmcli(_ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run(
            [systemProgram("ip"), "netns", "exec", try testbed.namespace, systemProgram("env"),
             "DBUS_SYSTEM_BUS_ADDRESS=\(try testbed.busAddress)", systemProgram("nmcli")] + arguments,
            environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], timeout: .seconds(10))
    }

    /// The port's state number as nmcli shows it (`GENERAL.STATE:30 (disconnected)`, `100 (connected (externally))`
    /// when an address an earlier test left makes NetworkManager assume an external connection).
    func portState() async throws -> Int {
        let result = try await nmcli(["-t", "-f", "GENERAL.STATE", "device", "show", try testbed.interface])
        guard result.status == 0 else { throw TestbedUnavailable("nmcli device show failed:\n\(result)") }
        let text = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard let state = Int(digits) else { throw TestbedUnavailable("no state in nmcli's \(text)") }
        return state
    }
}
