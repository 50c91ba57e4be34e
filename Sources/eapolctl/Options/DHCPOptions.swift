import ArgumentParser
import Orchestration

/// The defaults (and the timeout's wording) of one command's `--dhcp`, `--dhcp-timeout`, `--dhcp-script`.
protocol DHCPOptionDefaults {
    static var backend: DHCPChoice { get }
    static var timeout: Double { get }
    static var timeoutHelp: String { get }
}

/// `--dhcp`, `--dhcp-timeout` and `--dhcp-script`, checked when the command line is parsed; `Defaults` gives each
/// command its defaults (`auth start`: auto, 15 s; `watch`: auto, 10 s; `watch-wired`: builtin, 10 s).
struct DHCPOptions<Defaults: DHCPOptionDefaults>: ParsableArguments {
    @Option(help: ArgumentHelp(helpText(DHCPBackendChoice.help, default: Defaults.backend), valueName: "backend"),
            transform: DHCPChoice.parse)
    var dhcp: DHCPChoice = Defaults.backend
    @Option(help: ArgumentHelp(helpText(Defaults.timeoutHelp, default: Seconds(Defaults.timeout)), valueName: "seconds"),
            transform: Seconds.parser("--dhcp-timeout", maximum: 600))
    var dhcpTimeout = Seconds(Defaults.timeout)
    @Option(help: ArgumentHelp(DHCPBackendChoice.scriptHelp, valueName: "path")) var dhcpScript: String?

    /// The typed settings for `interface` (`auto` resolved against it).
    /// - Throws: `UsageError` for a script given for a backend that runs none (builtin, none).
    func settings(interface: String) throws -> DHCPSettings {
        try DHCPBackendChoice.settings(dhcp, timeout: dhcpTimeout.duration, script: dhcpScript, interface: interface)
    }
}

/// `auth start`, `startAuthentication`: one exchange after authentication.
enum DHCPAfterAuthentication: DHCPOptionDefaults {
    static let backend = DHCPChoice.auto
    static let timeout = 15.0
    static let timeoutHelp = "Budget of the DHCP exchange after authentication, in seconds."
}

/// `watch`: an exchange after every (re-)authentication, with the client managing the interface.
enum DHCPEachAuthentication: DHCPOptionDefaults {
    static let backend = DHCPChoice.auto
    static let timeout = 10.0
    static let timeoutHelp = "Budget of each DHCP exchange, in seconds."
}

/// `watch-wired`: as `watch`, with the builtin client (the hardened unit cannot see other services' clients).
enum DHCPEachAuthenticationBuiltin: DHCPOptionDefaults {
    static let backend = DHCPChoice.backend(.builtin)
    static let timeout = 10.0
    static let timeoutHelp = "Budget of each DHCP exchange, in seconds."
}
