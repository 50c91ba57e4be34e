import DHCPClient
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

    static func timeout(_ seconds: Double, option: String) throws -> Duration {
        guard seconds > 0, seconds <= 600 else {
            throw UsageError(.invalidArgument, "\(option) \(seconds): give 0 < seconds ≤ 600")
        }
        return .milliseconds(Int64(seconds * 1000))
    }
}
