import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `removeProfile (--profileID ID | --SSID SSID)`; unlike Apple's, it also removes the profile's
    /// password and identity items.
    struct RemoveProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "removeProfile",
            abstract: "Remove a profile and its password and identity items (eapolcfg form of `profile remove`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection

        func validate() throws { try selection.check() }

        func run() async throws {
            let context = CommandContext(global)
            try ProfileActions.remove(try selection.lookup.resolve(in: context.profiles), context: context)
        }
    }
}
