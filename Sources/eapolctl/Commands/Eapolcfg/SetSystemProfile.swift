import ArgumentParser
import Orchestration
import StateFiles

extension Eapolcfg {
    /// eapolcfg `setSystemProfile --interface IF (--profileID ID | --SSID SSID)`: IF authenticates with the profile at
    /// boot and after every link change, through `eapolctl-watch@IF.service`.
    struct SetSystemProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setSystemProfile",
            abstract: "Authenticate an interface with a profile at boot and after every link change (enables eapolctl-watch@IF.service).",
            discussion: """
                Writes STATE/system/interfaces/IF.json and, where systemd runs, runs \
                `systemctl enable --now eapolctl-watch@IF.service`; the unit runs `eapolctl watch --interface IF \
                --system`, which reads that file. Without systemd (or with EAPOLCTL_NO_SYSTEMD set) it prints the \
                command to run instead. Install the unit first: see Docs/watch.md, "System profiles".
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The network interface, e.g. eth0.", valueName: "name")) var interface: String
        @OptionGroup var selection: EapolcfgSelection

        func validate() throws {
            try SystemProfiles.checkInterface(interface)
            try selection.check()
        }

        func run() async throws {
            let context = CommandContext(global)
            let profile = try selection.lookup.resolve(in: context.profiles)
            let (entry, service) = try await BlockingWork.run { [setup = SystemProfileActions.setup(context), interface, id = profile.id] in try setup.set(interface: interface, profileID: id) }
            context.output.result(SystemProfileActions.SetResult(
                systemProfile: .init(entry, profileName: profile.name), service: service)) {
                "\(interface): system profile '\(profile.name)' (\(profile.id))\n" + SystemProfileActions.serviceLine(service)
            }
        }
    }
}
