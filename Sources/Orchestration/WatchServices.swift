import Foundation
import HostOS
import StructuredErrors

/// The service manager side of system profiles: enabling and disabling `eapolctl-watch@IF.service`. The CLI uses
/// ``SystemdWatchServices``; unit tests use a fake, so no test touches the host's systemd.
public protocol WatchServiceManaging: Sendable {
    /// nil when units can be enabled here; otherwise why not (shown with the command to run instead).
    var unavailableReason: String? { get }
    /// `systemctl enable --now UNIT`.
    func enable(unit: String) throws
    /// `systemctl disable --now UNIT`.
    func disable(unit: String) throws
    /// `systemctl is-active UNIT` (`active`, `inactive`, `failed`, …); nil when it cannot be asked.
    func activeState(unit: String) -> String?
}

/// Names and commands of the watch unit of an interface.
public enum WatchUnit {
    /// `eapolctl-watch@IF.service`. Interface names are used as the instance verbatim, as the unit's `%i` expects;
    /// a name with `-` or `\` would need systemd-escape and is not supported by the unit (nor by this name).
    public static func name(interface: String) -> String { "eapolctl-watch@\(interface).service" }
    /// The command that enables it.
    public static func enableCommand(interface: String) -> String { "systemctl enable --now \(name(interface: interface))" }
    /// The command that disables it.
    public static func disableCommand(interface: String) -> String { "systemctl disable --now \(name(interface: interface))" }
}

/// systemd through `systemctl`. Units are managed only where systemd runs (`/run/systemd/system` exists, as
/// `sd_booted(3)` checks) and `EAPOLCTL_NO_SYSTEMD` is not set; integration tests set it so the host's systemd is
/// never touched.
public struct SystemdWatchServices: WatchServiceManaging {
    private let runDirectory: String
    private let systemctl: String
    private let disabledByEnvironment: Bool

    /// - Parameters:
    ///   - environment: the process environment (`EAPOLCTL_NO_SYSTEMD=1` disables unit management).
    ///   - runDirectory: systemd's marker directory.
    ///   - systemctl: the systemctl binary.
    public init(environment: [String: String], runDirectory: String = "/run/systemd/system",
                systemctl: String = "/usr/bin/systemctl") {
        self.runDirectory = runDirectory
        self.systemctl = systemctl
        disabledByEnvironment = !(environment["EAPOLCTL_NO_SYSTEMD"] ?? "").isEmpty
    }

    public var unavailableReason: String? {
        if disabledByEnvironment { return "EAPOLCTL_NO_SYSTEMD is set" }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: runDirectory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            return "systemd is not running (\(runDirectory) does not exist)"
        }
        if !FileManager.default.isExecutableFile(atPath: systemctl) { return "\(systemctl) is not installed" }
        return nil
    }

    public func enable(unit: String) throws { try run(["enable", "--now", unit]) }

    public func disable(unit: String) throws { try run(["disable", "--now", unit]) }

    public func activeState(unit: String) -> String? {
        guard unavailableReason == nil, let result = try? execute(["is-active", unit]), !result.timedOut else { return nil }
        let state = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return state.isEmpty ? nil : state
    }

    private func run(_ arguments: [String]) throws {
        let result = try execute(arguments)
        guard result.status == 0, !result.timedOut else {
            let command = "systemctl " + arguments.joined(separator: " ")
            let why = result.timedOut ? "did not finish within 30 s" : "exited with status \(result.status)"
            throw SystemError(.commandFailed, "\(command) \(why): " + result.lastLines().joined(separator: " / "),
                              hint: "Install the unit first (`install -m 0644 scripts/eapolctl-watch@.service /etc/systemd/system/ && systemctl daemon-reload`), then run `\(command)`; `journalctl -xe` shows systemd's reason.",
                              details: ["command": .string(command), "status": .int(Int(result.status))])
        }
    }

    /// systemctl through `CommandRunner` (posix_spawn with an empty signal mask, output captured, killed after
    /// 30 s); blocks the calling thread, so callers run it off the cooperative pool (`BlockingWork`).
    private func execute(_ arguments: [String]) throws -> CommandRunner.Outcome {
        do {
            return try CommandRunner.run(systemctl, arguments, timeout: .seconds(30))
        } catch {
            throw SystemError(.commandMissing, "cannot run \(systemctl): \((error as? any StructuredError)?.message ?? "\(error)")",
                              hint: "Install systemd (Debian package systemd); without systemd, start `eapolctl watch --interface IF --system` at boot by other means.")
        }
    }
}
