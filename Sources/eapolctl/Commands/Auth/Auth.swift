import ArgumentParser
import Orchestration

extension Eapolctl {
    /// `eapolctl auth ...`
    struct Auth: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "auth",
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
typealias DHCPAfterAuthOptions = DHCPOptions<DHCPAfterAuthentication>
