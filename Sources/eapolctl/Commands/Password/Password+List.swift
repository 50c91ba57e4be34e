import ArgumentParser

extension Eapolctl.Password {
    /// `eapolctl password list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List password items (keys and user names only).",
            discussion: "Examples:\n  eapolctl password list --json"
        )

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try SecretActions.listPasswords(context: CommandContext(global))
        }
    }
}
