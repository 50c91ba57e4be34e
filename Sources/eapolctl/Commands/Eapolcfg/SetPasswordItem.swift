import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `setPasswordItem [--name N] [--password P | -] (--profileID | --SSID | --default)`
    struct SetPasswordItem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setPasswordItem",
            abstract: "Store a user name and password (eapolcfg form of `password set`).",
            discussion: "Example:\n  echo secret | eapolctl setPasswordItem --password - --name alice --SSID corp")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgItemSelection
        @Option(name: .customLong("name"), help: "User name.") var name: String?
        @Option(name: .customLong("password"), help: "The password, or - to read stdin (or prompt on a terminal).")
        var password: String?
        @Option(name: .customLong("password-file"), help: "Read the password from this file.") var passwordFile: String?

        func validate() throws { try selection.check() }

        func run() async throws {
            let context = CommandContext(global)
            let secret = try SecretInput.read(value: password, file: passwordFile, optionName: "--password",
                                              prompt: "Password: ", output: context.output)
            try SecretActions.setPassword(target: selection.target, username: name,
                                          password: secret, context: context)
        }
    }
}
