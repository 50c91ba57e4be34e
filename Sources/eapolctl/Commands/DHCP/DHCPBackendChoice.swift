import DHCPClient
import Foundation
import Orchestration
import StructuredErrors

/// `--dhcp auto|builtin|dhclient|dhcpcd|udhcpc|none`; `auto` = the client already managing the interface, else
/// builtin (`DHCPBackend.detect`).
enum DHCPBackendChoice {
    static let help = "DHCP client: auto, builtin, dhclient, dhcpcd, udhcpc or none (auto: the one managing the interface, else builtin)."

    /// `--dhcp` given as text (callers not yet parsing it with ``DHCPChoice/parse(_:)``).
    static func resolve(_ text: String, interface: String) throws -> DHCPBackend {
        try DHCPChoice.parse(text).resolve(interface: interface)
    }

    static let scriptHelp = "Hook script for dhclient (-sf), dhcpcd (-c) or udhcpc (-s) instead of the system's (which may edit /etc/resolv.conf)."

    /// `--dhcp`, `--dhcp-timeout` (above 0, at most 600 s) and `--dhcp-script` as typed settings.
    /// - Throws: `UsageError` for a bad value, or a script given for a backend that runs none (builtin, none).
    static func settings(_ text: String, timeout: Double, script: String?, interface: String) throws -> DHCPSettings {
        let budget = try seconds(timeout, option: "--dhcp-timeout", maximum: 600)
        return try settings(DHCPChoice.parse(text), timeout: budget, script: script, interface: interface)
    }

    /// The same from options checked when the command line was parsed.
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

    /// - Throws: `UsageError` when a script is given for a backend that runs none (builtin, none).
    private static func checkScript(_ script: String?, for backend: DHCPBackend) throws {
        if script != nil && backend.executableName == nil {
            throw UsageError(.conflictingArguments, "--dhcp-script is only used by dhclient, dhcpcd and udhcpc, not by \(backend.rawValue)",
                             hint: "Leave out --dhcp-script, or choose an external client with --dhcp.")
        }
    }
}
