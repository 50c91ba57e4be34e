import ArgumentParser
import Orchestration
import StateFiles

extension Eapolcfg {
    /// eapolcfg `clearSystemProfile --interface IF`: removes the system profile and disables the watch unit.
    struct ClearSystemProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clearSystemProfile",
            abstract: "Remove the system profile of an interface (disables eapolctl-watch@IF.service).",
            discussion: """
                Removes STATE/system/interfaces/IF.json and, where systemd runs, runs \
                `systemctl disable --now eapolctl-watch@IF.service` (also when no profile was set, so a unit enabled \
                by hand stops too). Without systemd it prints the command to run instead.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The network interface, e.g. eth0.", valueName: "name")) var interface: String

        func validate() throws { try SystemProfiles.checkInterface(interface) }

        func run() async throws {
            let context = CommandContext(global)
            let (removed, service) = try await BlockingWork.run { [setup = SystemProfileActions.setup(context), interface] in try setup.clear(interface: interface) }
            let view = removed.map { SystemProfileActions.EntryView($0, profileName: SystemProfileActions.name(of: $0.profileID, context: context)) }
            context.output.result(SystemProfileActions.ClearResult(interface: interface, removed: view, service: service)) {
                (removed == nil ? "\(interface) had no system profile" : "\(interface): system profile removed")
                    + "\n" + SystemProfileActions.serviceLine(service)
            }
        }
    }
}
