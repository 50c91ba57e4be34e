import Foundation
import Testing

extension NamespacedCLI {
    /// `eapolctl ARGS` in the supplicant namespace like ``run(_:stdin:timeout:onStdoutLine:)``, with
    /// EAPOLCTL_NO_SYSTEMD=1: the system-profile commands then never call the host's systemctl (they print the
    /// command instead).
    func runWithoutSystemd(_ arguments: [String], timeout: Duration = .seconds(30),
                           onStdoutLine: (@Sendable (String) -> Void)? = nil) async throws -> ProcessResult {
        let environment = [
            "DBUS_SYSTEM_BUS_ADDRESS": try testbed.busAddress,
            "EAPOLCTL_STATE_DIR": stateDirectory,
            "EAPOLCTL_KEY_FILE": keyFile,
            "EAPOLCTL_NO_SYSTEMD": "1",
        ]
        let argv = [systemProgram("ip"), "netns", "exec", try testbed.namespace, systemProgram("env")]
            + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [Self.binary] + arguments
        let inherited = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin",
                         "HOME": baseDirectory.path]
        return try await ProcessRunner.run(argv, environment: inherited, timeout: timeout, onStdoutLine: onStdoutLine)
    }

    /// A set-up command run without systemd that must succeed.
    @discardableResult
    func succeedWithoutSystemd(_ arguments: [String]) async throws -> ProcessResult {
        let result = try await runWithoutSystemd(arguments)
        guard result.status == 0 else { throw TestbedUnavailable("set-up command failed:\n\(result)") }
        return result
    }
}

/// A long-running `eapolctl … --json` (watch, watch-wired) in the supplicant namespace: its JSON lines as they
/// arrive; stopped with SIGTERM by the pid its first event reports (a process this test started).
final class JSONLinesProcess: @unchecked Sendable {
    // @unchecked: `lines` is only touched under `lock`; `task` is set once in init.
    private let lock = NSLock()
    private var lines: [[String: Any]] = []
    private var task: Task<ProcessResult, any Error>!
    private let pidEvent: String

    init(_ cli: NamespacedCLI, _ arguments: [String], pidEvent: String = "started", limit: Duration = .seconds(180)) {
        self.pidEvent = pidEvent
        task = Task { try await cli.runWithoutSystemd(arguments, timeout: limit) { line in
            if let o = AuthOutput.object(line) { self.lock.withLock { self.lines.append(o) } }
        } }
    }

    var events: [[String: Any]] { lock.withLock { lines } }
    func names() -> [String] { events.compactMap { $0["event"] as? String } }

    /// The first event named `name` that `matching` accepts, waiting up to `limit`.
    func wait(for name: String, within limit: Duration = .seconds(60),
              matching: ([String: Any]) -> Bool = { _ in true }) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let e = events.first(where: { $0["event"] as? String == name && matching($0) }) { return e }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestbedUnavailable("no \(name) within \(limit); events: \(names())")
    }

    /// SIGTERM by the reported pid, then the result.
    func stop() async throws -> ProcessResult {
        if let pid = events.first(where: { $0["event"] as? String == pidEvent })?["pid"] as? String, let p = Int32(pid) {
            kill(p, SIGTERM)
        }
        return try await task.value
    }
}
