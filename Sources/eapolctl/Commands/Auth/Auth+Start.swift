import ArgumentParser
import Orchestration
import ProfileStore
import SupplicantClient

extension Eapolctl.Auth {
    /// `eapolctl auth start --interface IF (--profile REF | --ssid S | --default)`
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Authenticate a profile on an interface and wait for the outcome.",
            discussion: """
                --default uses the only wired profile, with the usual credential lookup (profile item, SSID item, \
                default item). Without --no-wait, progress is shown as it happens and the command fails with the EAP \
                or supplicant error; on failure nothing of eapolctl's stays in wpa_supplicant. On success the network \
                stays (re-authentication needs it) until `auth stop`, and DHCP runs at once (--dhcp; default auto: the \
                client managing the interface, else eapolctl's builtin client). If DHCP fails after a successful \
                authentication the command exits with the dhcp status and says that authentication succeeded.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions
        @Option(help: ArgumentHelp("The profile (ID or name).", valueName: "profile")) var profile: String?
        @Option(help: ArgumentHelp("The profile bound to this SSID.", valueName: "ssid")) var ssid: String?
        @Flag(name: .customLong("default"), help: "The only wired profile, with the default credentials.") var isDefault = false
        @Option(help: ArgumentHelp(helpText("Give up after this many seconds.", default: Seconds(30)), valueName: "seconds"),
                transform: Seconds.parser("--timeout"))
        var timeout = Seconds(30)
        @Flag(help: "Return right after selecting the network.") var noWait = false
        @Option(help: ArgumentHelp(DriverArgument.help, valueName: "driver"), transform: DriverArgument.parse)
        var driver: InterfaceDriver?
        @Flag(help: "Do not send an EAPOL-Start after association (wait for the supplicant's own, ~2 s).")
        var noEapolStart = false
        @OptionGroup var dhcpOptions: DHCPAfterAuthOptions
        @OptionGroup(title: "Ports without 802.1X") var portPolicy: PortPolicyOptions
        @OptionGroup var takeOver: TakeOverOption
        @Flag(help: "Read a one-time-password profile's password from standard input (else it is asked on the terminal).")
        var passwordStdin = false
        @Option(help: ArgumentHelp(FrequencyList.help, valueName: "mhz[,mhz...]"), transform: FrequencyList.parser("--frequency"))
        var frequency: FrequencyList?

        var target: ProfileTarget { ProfileTarget(profile: profile, ssid: ssid, isDefault: isDefault) }

        func validate() throws {
            try target.checkNamesOneProfile()
        }

        func run() async throws {
            // Bad options are reported before anything is looked up.
            var settings = ConnectSettings(
                interface: connection.interface, timeout: timeout.duration, wait: !noWait,
                driver: driver, bus: connection.bus, sendEAPOLStart: !noEapolStart,
                dhcp: try dhcpOptions.settings(interface: connection.interface), portPolicy: portPolicy.policy,
                takeOver: takeOver.takeOver)
            settings.frequencies = frequency?.frequencies ?? []
            try await AuthActions.start(target: target, settings: settings, passwordStdin: passwordStdin,
                                        context: CommandContext(global))
        }
    }
}
