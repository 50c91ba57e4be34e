import ArgumentParser
import Orchestration
import ProfileModel

extension Eapolcfg {
    /// eapolcfg `getSystemProfile --interface IF`: shows the profile IF authenticates with at boot.
    struct GetSystemProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getSystemProfile",
            abstract: "Show the system profile of an interface (set with setSystemProfile).")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The network interface, e.g. eth0.", valueName: "name")) var interface: String

        func validate() throws { try SystemProfiles.checkInterface(interface) }

        func run() async throws {
            let context = CommandContext(global)
            guard let entry = try SystemProfiles(stateDirectory: context.paths.stateDirectory).get(interface: interface) else {
                throw ProfileError(.noSystemProfile, "\(interface) has no system profile",
                                   hint: "Set one with `eapolctl setSystemProfile --interface \(interface) --profileID ID`; `eapolctl getSystemInterfaces` lists the interfaces that have one.",
                                   details: ["interface": .string(interface)])
            }
            ProfileActions.show(try SystemProfileActions.setup(context).loadProfile(of: entry, from: context.profiles), context: context)
        }
    }
}
