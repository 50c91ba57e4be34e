import ArgumentParser

extension Eapolctl.Profile {
    /// `eapolctl profile list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List profiles.",
            discussion: "Examples:\n  eapolctl profile list\n  eapolctl profile list --details --json"
        )

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Show every profile in full.") var details = false

        func run() async throws {
            try ProfileActions.list(details: details, context: CommandContext(global))
        }
    }
}
