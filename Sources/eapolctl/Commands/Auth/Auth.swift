import ArgumentParser
import Orchestration

extension Eapolctl {
    /// `eapolctl auth ...`
    struct Auth: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Authenticate through wpa_supplicant, stop, roam, and show the state of an interface.",
            subcommands: [Start.self, Stop.self, State.self, Roam.self]
        )
    }
}

/// Options shared by the auth commands.
struct AuthConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The network interface, e.g. eth0.", valueName: "name"))
    var interface: String

    @Option(help: ArgumentHelp("D-Bus address of the bus wpa_supplicant is on (default: the system bus).",
                               valueName: "address"))
    var bus: String?
}

/// The DHCP step after authentication, shared by `auth start` and `startAuthentication`.
struct DHCPAfterAuthOptions: ParsableArguments {
    @Option(help: ArgumentHelp(helpText(DHCPBackendChoice.help, default: DHCPChoice.auto), valueName: "backend"),
            transform: DHCPChoice.parse)
    var dhcp: DHCPChoice = .auto
    @Option(help: ArgumentHelp(helpText("Budget of the DHCP exchange after authentication, in seconds.", default: Seconds(15)), valueName: "seconds"),
            transform: Seconds.parser("--dhcp-timeout", maximum: 600))
    var dhcpTimeout = Seconds(15)
    @Option(help: ArgumentHelp(DHCPBackendChoice.scriptHelp, valueName: "path")) var dhcpScript: String?

    func settings(interface: String) throws -> DHCPSettings {
        try DHCPBackendChoice.settings(dhcp, timeout: dhcpTimeout.duration, script: dhcpScript, interface: interface)
    }
}
