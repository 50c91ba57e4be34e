import ArgumentParser

extension Eapolctl.Identity {
    /// `eapolctl identity clear`
    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear",
            abstract: "Remove a stored identity.",
            discussion: "Examples:\n  eapolctl identity clear --profile Lab"
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: CredentialSelection

        func run() async throws {
            try SecretActions.clearIdentity(target: item.target, context: CommandContext(global))
        }
    }
}
