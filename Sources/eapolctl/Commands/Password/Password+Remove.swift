import ArgumentParser

extension Eapolctl.Password {
    /// `eapolctl password remove`
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a password item.",
            discussion: "Examples:\n  eapolctl password remove --ssid corp"
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: CredentialSelection

        func run() async throws {
            try SecretActions.removePassword(target: item.target, context: CommandContext(global))
        }
    }
}
