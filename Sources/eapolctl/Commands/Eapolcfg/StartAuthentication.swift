import ArgumentParser
import StructuredErrors

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
        @Option(name: [.customLong("profileID"), .customLong("profileid")], help: "The profile's ID (or name).")
        var profileID: String?
        @Option(name: [.customLong("SSID"), .customLong("ssid")], help: "The SSID of the profile.") var ssid: String?
        @Flag(name: .customLong("default"), help: "The only wired profile, with the default credentials.") var isDefault = false
        @Flag(name: .customLong("no-ui"), help: "Accepted for compatibility; eapolctl never shows UI.") var noUI = false
        @Flag(name: .customLong("system"), help: "Authenticate as the system: on Linux the same as without (eapolctl runs as root).")
        var system = false
        @Option(name: .customLong("domain"), help: "Hotspot 2.0 domain (not supported on Linux yet).") var domain: String?
        @Option(help: "Give up after this many seconds.") var timeout: Double = 30
        @Flag(help: "Return right after selecting the network (eapolcfg's behaviour).") var noWait = false
        @OptionGroup var dhcpOptions: DHCPAfterAuthOptions
        @Flag(help: "Read a one-time-password profile's password from standard input (else it is asked on the terminal).")
        var passwordStdin = false

        func validate() throws {
            if let domain {
                throw UsageError(.invalidArgument, "--domain \(domain): Hotspot 2.0 (Passpoint) profiles are not supported yet",
                                 hint: "Name the profile with --profileID or --SSID (`eapolctl profile list` shows them).")
            }
            try AuthActions.Target(profile: profileID, ssid: ssid, isDefault: isDefault).check()
        }

        func run() async throws {
            try await AuthActions.start(
                target: .init(profile: profileID, ssid: ssid, isDefault: isDefault), interface: connection.interface,
                timeout: timeout, wait: !noWait, driver: nil, bus: connection.bus, eapolStart: true,
                dhcp: dhcpOptions.dhcp, dhcpTimeout: dhcpOptions.dhcpTimeout, dhcpScript: dhcpOptions.dhcpScript,
                passwordStdin: passwordStdin, context: CommandContext(global))
        }
    }
}
