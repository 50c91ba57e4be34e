import ArgumentParser
import DHCPClient
import Foundation
import Orchestration
import ProfileModel
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
        @Option(help: ArgumentHelp("The profile (ID or name) to authenticate with when needed (default: the profile of the current eapolctl network).",
                                   valueName: "profile"))
        var profile: String?
        @Option(help: ArgumentHelp(DHCPBackendChoice.help, valueName: "backend")) var dhcp: String = "auto"
        @Option(help: ArgumentHelp("Budget of each DHCP exchange, in seconds.", valueName: "seconds")) var dhcpTimeout: Double = 10
        @Option(help: ArgumentHelp("Budget of each full authentication, in seconds.", valueName: "seconds")) var timeout: Double = 30
        @Option(help: ArgumentHelp("wpa_supplicant driver when creating the interface: wired or nl80211.", valueName: "driver"))
        var driver: String?
        @Flag(help: "Do not send an EAPOL-Start after link-up.") var noEapolStart = false
        @Flag(help: "Authenticate with the interface's system profile (setSystemProfile; on a wired interface without one, setSystemEthernetProfile's). The eapolctl-watch@IF unit passes it.")
        var system = false
        @Option(help: ArgumentHelp(DHCPBackendChoice.scriptHelp, valueName: "path")) var dhcpScript: String?

        func run() async throws {
            let context = CommandContext(global)
            let interface = connection.interface
            let dhcpBudget = try seconds(dhcpTimeout, option: "--dhcp-timeout", maximum: 600)
            let authBudget = try seconds(timeout, option: "--timeout")
            let backend = try DHCPBackendChoice.resolve(dhcp, interface: interface)
            let driverChoice = try AuthActions.parseDriver(driver)
            // A one-time-password profile is refused before anything is opened, and below for the profile of the
            // current network.
            if let profile { try Watcher.checkUnattended(try ProfileLookup(reference: profile, ssid: nil).resolve(in: context.profiles)) }
            let systemProfile = system ? try SystemProfileActions.forWatch(interface: interface, driver: driverChoice, profileOption: profile, context: context) : nil
            let store = try AuthActions.openStoreIfPresent(context)
            let supplicant = try await Supplicant.connect(busAddress: connection.bus)
            defer { supplicant.close() }

            var chosen: ProfileModel.Profile? = systemProfile
            if let profile {
                chosen = try ProfileLookup(reference: profile, ssid: nil).resolve(in: context.profiles)
            } else if chosen == nil, let iface = try await supplicant.existingInterface(named: interface),
                      let network = try await supplicant.currentNetwork(of: iface),
                      let id = try await supplicant.idString(ofNetwork: network), id.hasPrefix(SupplicantNames.idStringPrefix),
                      let pid = ProfileID(string: String(id.dropFirst(SupplicantNames.idStringPrefix.count))) {
                do {
                    chosen = try context.profiles.load(pid)
                } catch {
                    // watch still follows the link and DHCP; it just cannot re-authenticate on its own.
                    context.output.warn("the network on \(interface) belongs to profile \(pid), which cannot be loaded "
                                        + "(\(ErrorReporter.structuredError(for: error).message)); pass --profile to re-authenticate")
                }
            }

            try Watcher.checkUnattended(chosen)
            let stateDirectory = URL(fileURLWithPath: context.paths.stateDirectory)
            let watchDHCP: WatchDHCP
            switch backend {
            case .none:
                watchDHCP = .none
            case .builtin:
                let client = BuiltinDHCPClient(configuration: .init(stateDirectory: stateDirectory))
                var lease: DHCPLease?
                do {
                    lease = try client.recordedLease(interface: interface)
                } catch {
                    context.output.warn("the recorded lease of \(interface) cannot be read "
                                        + "(\(ErrorReporter.structuredError(for: error).message)); starting with a fresh DISCOVER")
                }
                watchDHCP = .keeper(LeaseKeeper(client: client, interface: interface, lease: lease,
                                                attemptTimeout: dhcpBudget))
            default:
                guard let trigger = try DHCPBackendChoice.trigger(backend, stateDirectory: context.paths.stateDirectory, script: dhcpScript) else {
                    watchDHCP = .none
                    break
                }
                watchDHCP = .trigger(trigger)
            }

            let watcher = Watcher(
                supplicant: supplicant, credentials: StoreCredentialProvider(store: store), link: NetlinkLinkMonitor(),
                dhcp: watchDHCP,
                options: WatchOptions(interfaceName: interface, profile: chosen, driver: driverChoice,
                                      authenticationTimeout: authBudget, dhcpTimeout: dhcpBudget,
                                      sendEAPOLStart: !noEapolStart))
            let signals = TerminationSignals()
            defer { signals.restore() }
            let output = context.output
            try await watcher.run(stop: signals.stream) { event in
                let line = WatchEventLine(event: event)
                output.event(line) { line.human }
            }
        }
    }
}
