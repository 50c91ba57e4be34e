import DHCPClient
import Foundation
import StructuredErrors

/// `--dhcp auto|builtin|dhclient|dhcpcd|udhcpc|none`; `auto` = the client already managing the interface, else
/// builtin (`DHCPBackend.detect`).
enum DHCPBackendChoice {
    static let help = "DHCP client: auto, builtin, dhclient, dhcpcd, udhcpc or none (auto: the one managing the interface, else builtin)."

    static func resolve(_ text: String, interface: String) throws -> DHCPBackend {
        if text.lowercased() == "auto" { return DHCPBackend.detect(interface: interface) }
        guard let backend = DHCPBackend(rawValue: text.lowercased()) else {
            throw UsageError(.invalidArgument, "--dhcp \(text): use auto, builtin, dhclient, dhcpcd, udhcpc or none")
        }
        return backend
    }

    static let scriptHelp = "Hook script for dhclient (-sf), dhcpcd (-c) or udhcpc (-s) instead of the system's (which may edit /etc/resolv.conf)."

    /// The trigger for `backend` (nil for none); `script` replaces an external client's hook script.
    /// - Throws: `UsageError` when a script is given for a backend that runs none (builtin, none).
    static func trigger(_ backend: DHCPBackend, stateDirectory: String, script: String?) throws -> (any DHCPTrigger)? {
        if script != nil && backend.executableName == nil {
            throw UsageError(.conflictingArguments, "--dhcp-script is only used by dhclient, dhcpcd and udhcpc, not by \(backend.rawValue)",
                             hint: "Leave out --dhcp-script, or choose an external client with --dhcp.")
        }
        return DHCPTriggerFactory.make(backend: backend, stateDirectory: URL(fileURLWithPath: stateDirectory), scriptPath: script)
    }
}
