import ArgumentParser

extension Eapolctl.Profile {
    /// `eapolctl profile show`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one profile in full, with its certificates and any validation problems.",
            discussion: "Examples:\n  eapolctl profile show Corp\n  eapolctl profile show --ssid corp --json"
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: ProfileSelection

        func run() async throws {
            let context = CommandContext(global)
            ProfileActions.show(try selection.resolve(in: context.profiles), context: context)
        }
    }
}
