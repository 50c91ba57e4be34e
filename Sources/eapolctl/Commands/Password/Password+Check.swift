import ArgumentParser

extension Eapolctl.Password {
    /// `eapolctl password check`
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check whether the stored password equals the one given (exit status 1 when it does not).",
            discussion: """
                The password is read from stdin (or a file, or a prompt), compared in constant time with the stored
                one and never printed. Exit status 0: the same; 1: different; a missing item is a store error (67).

                Examples:
                  printf '%s' "$PASSWORD" | eapolctl password check --profile Corp --password - --json
                  eapolctl password check --ssid corp --password-file /run/secrets/corp
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: CredentialSelection
        @OptionGroup var input: PasswordInput

        func run() async throws {
            let context = CommandContext(global)
            let candidate = try SecretInput.read(value: input.password, file: input.passwordFile, optionName: "--password",
                                                 prompt: "Password: ", output: context.output)
            try CredentialCheckActions.checkPassword(target: item.target, candidate: candidate, context: context)
        }
    }
}
