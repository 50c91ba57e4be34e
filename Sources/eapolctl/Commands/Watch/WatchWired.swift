import ArgumentParser
import Foundation
import Orchestration
import ProfileModel
import SupplicantClient

extension Eapolctl {
    /// `eapolctl watch-wired`: `watch --system` on every wired port without a configuration of its own, hot-plug
    /// included (the system Ethernet profile's supervisor; unit scripts/eapolctl-watch-wired.service).
    struct WatchWired: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch-wired",
            abstract: "Run watch --system on every wired port without its own system profile, including ports plugged in later.",
            discussion: """
                Follows every link of the network namespace (rtnetlink). Each wired Ethernet port that has no system \
                profile and no login-window profiles of its own gets a watch that authenticates with the system \
                Ethernet profile (setSystemEthernetProfile); a port that disappears has its watch stopped, one that \
                appears (a USB adapter, a new veth) gets a new one. By default only physical ports are served (a \
                device in sysfs); --match names the ports to serve instead (globs such as 'eth*'; veth pairs and \
                other virtual ports only this way). A watch that cannot start is started again after 5 s. SIGINT or \
                SIGTERM stop every watch, status 0. Unit: scripts/eapolctl-watch-wired.service (Docs/watch.md).
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("D-Bus address of the bus wpa_supplicant is on (default: the system bus).", valueName: "address"))
        var bus: String?
        @Option(help: ArgumentHelp("Serve the Ethernet ports whose name matches this glob (repeatable), physical or not.", valueName: "glob"))
        var match: [String] = []
        @OptionGroup var dhcp: DHCPOptions<DHCPEachAuthenticationBuiltin>
        @Option(help: ArgumentHelp(helpText("Budget of each full authentication, in seconds.", default: Seconds(30)), valueName: "seconds"),
                transform: Seconds.parser("--timeout"))
        var timeout = Seconds(30)

        func run() async throws {
            let context = CommandContext(global)
            // Checked once up front (the interface only names the option's error).
            _ = try dhcp.settings(interface: "every wired port")
            let store = try context.openStoreIfPresent()
            let supplicant = try await Supplicant.connect(busAddress: bus)
            defer { supplicant.close() }
            let setup = SystemProfileActions.setup(context)
            let output = context.output
            let (dhcp, timeout) = (self.dhcp, self.timeout)
            let supervisor = WiredSupervisor(
                links: NetlinkLinkAnnouncer(), serves: WiredPortClassifier(patterns: match).serves,
                hasOwnConfiguration: { setup.hasOwnConfiguration(interface: $0) },
                forget: { name in _ = try? await supplicant.removeInterface(named: name) }
            ) { name, stop, emit in
                let profiles = try setup.watchProfiles(interface: name, isWired: true, from: context.profiles)
                let watcher = try Watcher.live(
                    supplicant: supplicant, store: store,
                    dhcp: try dhcp.settings(interface: name),
                    stateDirectory: context.paths.stateDirectory,
                    options: WatchOptions(interfaceName: name, profile: profiles.first, driver: .wired,
                                          authenticationTimeout: timeout.duration, fallbackProfiles: Array(profiles.dropFirst())),
                    unreadableLease: DHCPBackendChoice.warnUnreadableLease(interface: name, output: output))
                try await watcher.run(stop: stop, emit: emit)
            }
            let signals = TerminationSignals()
            defer { signals.restore() }
            try await supervisor.run(stop: signals.stream) { event in
                let line = SupervisorEventLine(event: event)
                output.event(line) { line.human }
            }
        }
    }
}
