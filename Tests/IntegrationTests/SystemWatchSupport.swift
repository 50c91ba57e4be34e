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

