import ArgumentParser

extension Eapolctl.Password {
    /// `eapolctl password get`
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get",
            abstract: "Show a password item's user name (the password is always masked).",
            discussion: "Examples:\n  eapolctl password get --ssid corp\n  eapolctl password get --default --json"
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: CredentialSelection

        func run() async throws {
            try SecretActions.getPassword(target: item.target, context: CommandContext(global))
        }
    }
}
