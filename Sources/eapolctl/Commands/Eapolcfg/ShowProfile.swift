import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `showProfile (--profileID ID | --SSID SSID)`
    struct ShowProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "showProfile", abstract: "Show a profile (eapolcfg form of `profile show`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection

        func validate() throws { try selection.check() }

        func run() async throws {
            let context = CommandContext(global)
            ProfileActions.show(try selection.lookup.resolve(in: context.profiles), context: context)
        }
    }
}
