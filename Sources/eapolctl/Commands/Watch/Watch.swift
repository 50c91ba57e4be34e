import ArgumentParser
import Orchestration
import ProfileStore
import StructuredErrors
import SupplicantClient

extension Eapolctl {
    /// `eapolctl watch --interface IF [--profile REF] [--dhcp BACKEND]`
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Stay running: re-authenticate after link flaps and renew DHCP after every re-authentication.",
            discussion: """
                Follows wpa_supplicant's signals and the link itself (rtnetlink). On link-up: Reassociate plus an \
                EAPOL-Start (wired), then DHCP once State is back to completed. With the builtin backend the lease \
                is kept alive (renew at T1, rebind at T2, address removed at expiry). If wpa_supplicant restarts, \
                the profile (--profile, else the one of the current eapolctl network) is authenticated again. \
                SIGINT/SIGTERM end it with status 0. See Docs/watch.md (systemd unit scripts/eapolctl-watch@.service).
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions
        @OptionGroup var takeOver: TakeOverOption
        @Option(help: ArgumentHelp("The profile (ID or name) to authenticate with when needed (default: the profile of the current eapolctl network).",
                                   valueName: "profile"))
        var profile: String?
        @OptionGroup var dhcp: DHCPOptions<DHCPEachAuthentication>
        @Option(help: ArgumentHelp(helpText("Budget of each full authentication, in seconds.", default: Seconds(30)), valueName: "seconds"),
                transform: Seconds.parser("--timeout"))
        var timeout = Seconds(30)
        @Option(help: ArgumentHelp(DriverArgument.help, valueName: "driver"), transform: DriverArgument.parse)
        var driver: InterfaceDriver?
        @Flag(help: "Do not send an EAPOL-Start after link-up.") var noEapolStart = false
        @Flag(help: "Authenticate with the interface's system profile (setSystemProfile); else try its login-window profiles in order (setLoginWindowProfiles); else, on a wired interface, setSystemEthernetProfile's. The eapolctl-watch@IF unit passes it.")
        var system = false

        func validate() throws {
            if system && profile != nil {
                throw UsageError(.conflictingArguments, "--system and --profile both name the profile to authenticate with",
                                 hint: "Keep one: `eapolctl watch --interface \(connection.interface) --system` reads the profile set with `eapolctl setSystemProfile`.")
            }
        }

        func run() async throws {
            let context = CommandContext(global)
            let interface = connection.interface
            let dhcpSettings = try dhcp.settings(interface: interface)
            // A one-time-password profile is refused before anything is opened (and by Watcher.live for the
            // profile of the current network).
            if let profile { try Watcher.checkUnattended(try ProfileLookup(reference: profile, ssid: nil).resolve(in: context.profiles)) }
            // --system: the profiles to try in order (one, or a login-window list).
            let systemProfiles = system
                ? try SystemProfileActions.setup(context).watchProfiles(
                    interface: interface, isWired: (driver ?? InterfaceDriver.detect(interface: interface)) == .wired,
                    from: context.profiles)
                : []
            for profile in systemProfiles { try Watcher.checkUnattended(profile) }
            let store = try context.openStoreIfPresent()
            let supplicant = try await Supplicant.connect(busAddress: connection.bus)
            defer { supplicant.close() }

            let output = context.output
            let chosen = try await Watcher.profile(named: profile, systemProfile: systemProfiles.first, interface: interface,
                                                   supplicant: supplicant, profiles: context.profiles) { id, error in
                // watch still follows the link and DHCP; it just cannot re-authenticate on its own.
                output.warn("the network on \(interface) belongs to profile \(id), which cannot be loaded "
                            + "(\(ErrorReporter.structuredError(for: error).message)); pass --profile to re-authenticate")
            }
            let watcher = try Watcher.live(
                supplicant: supplicant, store: store, dhcp: dhcpSettings, stateDirectory: context.paths.stateDirectory,
                options: WatchOptions(interfaceName: interface, profile: chosen, driver: driver,
                                      authenticationTimeout: timeout.duration, sendEAPOLStart: !noEapolStart,
                                      fallbackProfiles: Array(systemProfiles.dropFirst()),
                                      takeOver: takeOver.takeOver),
                unreadableLease: DHCPBackendChoice.warnUnreadableLease(interface: interface, output: output))
            let signals = TerminationSignals()
            defer { signals.restore() }
            try await watcher.run(stop: signals.stream) { event in
                let line = WatchEventLine(event: event)
                output.event(line) { line.human }
            }
        }
    }
}
