import Foundation
import Testing

/// A long-running `eapolctl … --json` (watch, watch-wired) in the supplicant namespace: its JSON lines as they
/// arrive; stopped with SIGTERM by the pid its first event reports (a process this test started).
final class JSONLinesProcess: @unchecked Sendable {
    // @unchecked: `lines` is only touched under `lock`; `task` is set once in init.
    private let lock = NSLock()
    private var lines: [[String: Any]] = []
    private var task: Task<ProcessResult, any Error>!
    private let pidEvent: String
    /// How long ``wait(for:count:after:within:matching:)`` waits when not told.
    private let defaultWait: Duration

    /// Starts `eapolctl ARGUMENTS`; `withoutSystemd` runs it with EAPOLCTL_NO_SYSTEMD=1 (the system-profile commands).
    init(_ cli: NamespacedCLI, _ arguments: [String], withoutSystemd: Bool = true, pidEvent: String = "started",
         defaultWait: Duration = .seconds(60), limit: Duration = .seconds(180)) {
        self.pidEvent = pidEvent
        self.defaultWait = defaultWait
        let record: @Sendable (String) -> Void = { line in
            if let o = AuthOutput.object(line) { self.lock.withLock { self.lines.append(o) } }
        }
        task = Task {
            withoutSystemd ? try await cli.runWithoutSystemd(arguments, timeout: limit, onStdoutLine: record)
                : try await cli.run(arguments, timeout: limit, onStdoutLine: record)
        }
    }

    /// `eapolctl watch --interface IF --profile P --json EXTRA` on the scenario's interface.
    static func watch(_ d: DHCPScenario, extra: [String] = [], limit: Duration = .seconds(240)) throws -> JSONLinesProcess {
        let args = ["watch", "--interface", try d.s.testbed.interface, "--profile", d.profile, "--json"] + extra
        return JSONLinesProcess(d.s.cli, args, withoutSystemd: false, defaultWait: .seconds(20), limit: limit)
    }

    var events: [[String: Any]] { lock.withLock { lines } }
    func names() -> [String] { events.compactMap { $0["event"] as? String } }

    /// The `count`-th event named `name` after index `from` that `matching` accepts, waiting up to `limit` (default:
    /// the process's).
    func wait(for name: String, count: Int = 1, after from: Int = 0, within limit: Duration? = nil,
              matching: ([String: Any]) -> Bool = { _ in true }) async throws -> [String: Any] {
        let limit = limit ?? defaultWait
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let found = events.dropFirst(from).filter { $0["event"] as? String == name && matching($0) }
            if found.count >= count { return found[count - 1] }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestbedUnavailable("no \(count)× \(name) within \(limit); events: \(names())")
    }

    /// SIGTERM by the reported pid, then the result.
    func stop() async throws -> ProcessResult {
        if let pid = events.first(where: { $0["event"] as? String == pidEvent })?["pid"] as? String, let p = Int32(pid) {
            kill(p, SIGTERM)
        }
        return try await task.value
    }
}
