import ArgumentParser
import Orchestration
import ProfileStore

extension Eapolcfg {
    /// eapolcfg `startAuthentication --interface IF (--profileID | --SSID | --default)`. Unlike eapolcfg, which
    /// returns at once, it waits for the outcome unless --no-wait is given, and then gets an address as `auth start`
    /// does (on macOS the system's own DHCP client does that part).
    struct StartAuthentication: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "startAuthentication",
            abstract: "Authenticate a profile (eapolcfg form of `auth start`; waits for the outcome unless --no-wait).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions
        @OptionGroup var selection: EapolcfgSelection
        @Flag(name: .customLong("default"), help: "The only wired profile, with the default credentials.") var isDefault = false
        @Flag(name: .customLong("no-ui"), help: "Accepted for compatibility; eapolctl never shows UI.") var noUI = false
        @Flag(name: .customLong("system"), help: "Authenticate as the system: on Linux the same as without (eapolctl runs as root).")
        var system = false
        @Option(help: ArgumentHelp(helpText("Give up after this many seconds.", default: Seconds(30))), transform: Seconds.parser("--timeout"))
        var timeout = Seconds(30)
        @Flag(help: "Return right after selecting the network (eapolcfg's behaviour).") var noWait = false
        @OptionGroup var dhcpOptions: DHCPAfterAuthOptions
        @OptionGroup var takeOver: TakeOverOption
        @Flag(help: "Read a one-time-password profile's password from standard input (else it is asked on the terminal).")
        var passwordStdin = false

        func validate() throws {
            try target.checkNamesOneProfile()
        }

        var target: ProfileTarget {
            ProfileTarget(profile: selection.profileID, ssid: selection.ssid, isDefault: isDefault, domain: selection.domain)
        }

        func run() async throws {
            // Bad options are reported before anything is looked up.
            let settings = ConnectSettings(
                interface: connection.interface, timeout: timeout.duration, wait: !noWait,
                bus: connection.bus, dhcp: try dhcpOptions.settings(interface: connection.interface),
                takeOver: takeOver.takeOver)
            try await AuthActions.start(target: target, settings: settings, passwordStdin: passwordStdin,
                                        context: CommandContext(global))
        }
    }
}
