import DHCPClient
import StructuredErrors

/// `--dhcp auto|builtin|dhclient|dhcpcd|udhcpc|none` (any case), checked when the command line is parsed
/// (`@Option(transform: DHCPChoice.parse)`); `auto` is resolved against the interface when the command runs.
enum DHCPChoice: Sendable, Equatable, CustomStringConvertible {
    /// The client already managing the interface, else builtin (`DHCPBackend.detect`).
    case auto
    case backend(DHCPBackend)

    @Sendable static func parse(_ text: String) throws -> DHCPChoice {
        if text.lowercased() == "auto" { return .auto }
        guard let backend = DHCPBackend(rawValue: text.lowercased()) else {
            throw UsageError(.invalidArgument, "--dhcp \(text): use auto, builtin, dhclient, dhcpcd, udhcpc or none")
        }
        return .backend(backend)
    }

    /// The backend for `interface`.
    func resolve(interface: String) -> DHCPBackend {
        switch self {
        case .auto: DHCPBackend.detect(interface: interface)
        case .backend(let backend): backend
        }
    }

    /// As help shows the default: `auto`.
    var description: String {
        switch self {
        case .auto: "auto"
        case .backend(let backend): backend.rawValue
        }
    }
}
