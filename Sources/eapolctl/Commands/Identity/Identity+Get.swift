import ArgumentParser

extension Eapolctl.Identity {
    /// `eapolctl identity get`
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get",
            abstract: "Show which identity is stored (never the key).",
            discussion: "Examples:\n  eapolctl identity get --profile Lab --json"
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: CredentialSelection

        func run() async throws {
            try SecretActions.getIdentity(target: item.target, context: CommandContext(global))
        }
    }
}
