import ArgumentParser

extension Eapolctl.Password {
    /// `eapolctl password set`
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Store a user name and password.",
            discussion: """
                Examples:
                  echo "$PASSWORD" | eapolctl password set --ssid corp --username alice --password -
                  eapolctl password set --profile Corp --password-file /run/secrets/corp
                  eapolctl password set --default --username alice          # prompts on a terminal
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: CredentialSelection
        @Option(help: "User name (default: the existing item's, or the profile's).") var username: String?
        @OptionGroup var input: PasswordInput

        func run() async throws {
            let context = CommandContext(global)
            let secret = try SecretInput.read(value: input.password, file: input.passwordFile, optionName: "--password",
                                              prompt: "Password: ", output: context.output)
            try SecretActions.setPassword(target: item.target, username: username, password: secret, context: context)
        }
    }
}
