import ArgumentParser

extension Eapolctl.Identity {
    /// `eapolctl identity set`
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Store a client identity for EAP-TLS.",
            discussion: """
                Examples:
                  eapolctl identity set --profile Lab --pkcs12 client.p12 --passphrase-file p12.pass
                  eapolctl identity set --ssid corp --certificate client.pem --private-key client.key
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: CredentialSelection
        @OptionGroup var input: IdentityInput

        func run() async throws {
            let identity = try SecretActions.readIdentity(pkcs12: input.pkcs12, certificate: input.certificate,
                                                          privateKey: input.privateKey, passphrase: try input.passphrase())
            try SecretActions.setIdentity(target: item.target, identity: identity, context: CommandContext(global))
        }
    }
}
