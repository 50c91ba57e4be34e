import ArgumentParser
import Orchestration
import ProfileModel

extension Eapolcfg {
    /// eapolcfg `setSystemEthernetProfile (--profileID ID | --SSID SSID)`: the profile of every wired interface
    /// without a system profile of its own.
    struct SetSystemEthernetProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setSystemEthernetProfile",
            abstract: "Set the profile of every wired interface that has no system profile of its own.",
            discussion: """
                Writes STATE/system/ethernet.json. `eapolctl watch --interface IF --system` on a wired interface \
                without its own system profile authenticates with it; start watch for an interface with \
                `systemctl enable --now eapolctl-watch@IF.service` (interfaces that appear later are not started \
                automatically yet).
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection

        func validate() throws { try selection.check() }

        func run() async throws {
            let context = CommandContext(global)
            let profile = try selection.lookup.resolve(in: context.profiles)
            let entry = try SystemProfiles(stateDirectory: context.paths.stateDirectory).setEthernet(profileID: profile.id)
            context.output.result(["systemEthernetProfile": SystemProfileActions.EntryView(entry, profileName: profile.name)]) {
                "wired interfaces without a system profile: '\(profile.name)' (\(profile.id))\n"
                    + "start it on an interface with: systemctl enable --now eapolctl-watch@IF.service"
            }
        }
    }

    /// eapolcfg `getSystemEthernetProfile`.
    struct GetSystemEthernetProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getSystemEthernetProfile", abstract: "Show the system Ethernet profile.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Accepted for compatibility with eapolcfg: the profile is always shown in full.") var details = false

        func run() async throws {
            let context = CommandContext(global)
            guard let entry = try SystemProfiles(stateDirectory: context.paths.stateDirectory).ethernet() else {
                throw ProfileError(.noSystemProfile, "there is no system Ethernet profile",
                                   hint: "Set one with `eapolctl setSystemEthernetProfile --profileID ID` (`eapolctl profile list` shows the IDs).")
            }
            ProfileActions.show(try SystemProfileActions.setup(context).loadProfile(of: entry, from: context.profiles), context: context)
        }
    }

    /// eapolcfg `clearSystemEthernetProfile`.
    struct ClearSystemEthernetProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clearSystemEthernetProfile", abstract: "Remove the system Ethernet profile.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = CommandContext(global)
            let removed = try SystemProfiles(stateDirectory: context.paths.stateDirectory).clearEthernet()
            context.output.result(["removed": removed]) {
                removed ? "system Ethernet profile removed" : "there was no system Ethernet profile"
            }
        }
    }
}
