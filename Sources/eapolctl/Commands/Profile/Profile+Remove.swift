import ArgumentParser

extension Eapolctl.Profile {
    /// `eapolctl profile remove`
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a profile and the password and identity items of its ID and SSID.",
            discussion: "Examples:\n  eapolctl profile remove Corp\n  eapolctl profile remove --ssid corp"
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: ProfileSelection

        func run() async throws {
            let context = CommandContext(global)
            try ProfileActions.remove(try selection.resolve(in: context.profiles), context: context)
        }
    }
}
