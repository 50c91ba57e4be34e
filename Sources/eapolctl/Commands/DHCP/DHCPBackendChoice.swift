import DHCPClient
import Foundation
import Orchestration
import StructuredErrors

/// `--dhcp auto|builtin|dhclient|dhcpcd|udhcpc|none`; `auto` = the client already managing the interface, else
/// builtin (`DHCPBackend.detect`).
enum DHCPBackendChoice {
    static let help = "DHCP client: auto, builtin, dhclient, dhcpcd, udhcpc or none (auto: the one managing the interface, else builtin)."

    static let scriptHelp = "Hook script for dhclient (-sf), dhcpcd (-c) or udhcpc (-s) instead of the system's (which may edit /etc/resolv.conf)."

    /// `--dhcp`, `--dhcp-timeout` and `--dhcp-script` (checked when the command line was parsed) as typed settings.
    /// - Throws: `UsageError` for a script given for a backend that runs none (builtin, none).
    static func settings(_ choice: DHCPChoice, timeout: Duration, script: String?, interface: String) throws -> DHCPSettings {
        let backend = choice.resolve(interface: interface)
        try checkScript(script, for: backend)
        return DHCPSettings(backend: backend, timeout: timeout, script: script)
    }

    /// The trigger for `backend` (nil for none); `script` replaces an external client's hook script (`dhcp renew`).
    static func trigger(_ backend: DHCPBackend, stateDirectory: String, script: String?) throws -> (any DHCPTrigger)? {
        try checkScript(script, for: backend)
        return DHCPTriggerFactory.make(backend: backend, stateDirectory: URL(fileURLWithPath: stateDirectory), scriptPath: script)
    }

    /// `watch`'s and `watch-wired`'s warning when the recorded lease of `interface` cannot be read.
    static func warnUnreadableLease(interface: String, output: Output) -> (any Error) -> Void {
        { error in
            output.warn("the recorded lease of \(interface) cannot be read "
                        + "(\(ErrorReporter.structuredError(for: error).message)); starting with a fresh DISCOVER")
        }
    }

    /// - Throws: `UsageError` when a script is given for a backend that runs none (builtin, none).
    private static func checkScript(_ script: String?, for backend: DHCPBackend) throws {
        if script != nil && backend.executableName == nil {
            throw UsageError(.conflictingArguments, "--dhcp-script is only used by dhclient, dhcpcd and udhcpc, not by \(backend.rawValue)",
                             hint: "Leave out --dhcp-script, or choose an external client with --dhcp.")
        }
    }
}
