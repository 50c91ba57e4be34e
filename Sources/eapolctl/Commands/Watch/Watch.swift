import ArgumentParser
import Orchestration
import ProfileStore
import SupplicantClient

extension Eapolctl {
    /// `eapolctl watch --interface IF [--profile REF] [--dhcp BACKEND]`
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
        @Option(help: ArgumentHelp(DHCPBackendChoice.help, valueName: "backend")) var dhcp: String = "auto"
        @Option(help: ArgumentHelp("Budget of each DHCP exchange, in seconds.", valueName: "seconds")) var dhcpTimeout: Double = 10
        @Option(help: ArgumentHelp("Budget of each full authentication, in seconds.", valueName: "seconds")) var timeout: Double = 30
        @Option(help: ArgumentHelp("wpa_supplicant driver when creating the interface: wired or nl80211.", valueName: "driver"))
        var driver: String?
        @Flag(help: "Do not send an EAPOL-Start after link-up.") var noEapolStart = false
        @Flag(help: "Authenticate with the interface's system profile (setSystemProfile); else try its login-window profiles in order (setLoginWindowProfiles); else, on a wired interface, setSystemEthernetProfile's. The eapolctl-watch@IF unit passes it.")
        var system = false
        @Option(help: ArgumentHelp(DHCPBackendChoice.scriptHelp, valueName: "path")) var dhcpScript: String?

        func run() async throws {
            let context = CommandContext(global)
            let interface = connection.interface
            let dhcpSettings = try DHCPBackendChoice.settings(dhcp, timeout: dhcpTimeout, script: dhcpScript, interface: interface)
            let authBudget = try seconds(timeout, option: "--timeout")
            let driverChoice = try AuthActions.parseDriver(driver)
            // A one-time-password profile is refused before anything is opened, and below for the profile of the
            // current network.
            if let profile { try Watcher.checkUnattended(try ProfileLookup(reference: profile, ssid: nil).resolve(in: context.profiles)) }
            // --system: the profiles to try in order (one, or a login-window list).
            let systemProfiles = system ? try SystemProfileActions.forWatch(interface: interface, driver: driverChoice, profileOption: profile, context: context) : []
            for fallback in systemProfiles.dropFirst() { try Watcher.checkUnattended(fallback) }
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
            try Watcher.checkUnattended(chosen)
            let watchDHCP = WatchDHCP.make(dhcpSettings, interface: interface, stateDirectory: context.paths.stateDirectory) { error in
                output.warn("the recorded lease of \(interface) cannot be read "
                            + "(\(ErrorReporter.structuredError(for: error).message)); starting with a fresh DISCOVER")
            }

            let watcher = Watcher(
                supplicant: supplicant, credentials: StoreCredentialProvider(store: store), link: NetlinkLinkMonitor(),
                dhcp: watchDHCP,
                options: WatchOptions(interfaceName: interface, profile: chosen, driver: driverChoice,
                                      authenticationTimeout: authBudget, dhcpTimeout: dhcpSettings.timeout,
                                      sendEAPOLStart: !noEapolStart, fallbackProfiles: Array(systemProfiles.dropFirst()),
                                      takeOver: takeOver.takeOver))
            let signals = TerminationSignals()
            defer { signals.restore() }
            try await watcher.run(stop: signals.stream) { event in
                let line = WatchEventLine(event: event)
                output.event(line) { line.human }
            }
        }
    }
}
