import ArgumentParser

extension Eapolctl {
    /// `eapolctl password ...`
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Manage password items in the encrypted store (by profile, by SSID, or the default).",
            subcommands: [Set.self, Get.self, List.self, Remove.self, Check.self]
        )
    }
}

/// How a password reaches eapolctl: never as a visible argument unless the user insists.
struct PasswordInput: ParsableArguments {
    @Option(help: ArgumentHelp("The password; - reads stdin (or prompts on a terminal). A literal value is visible to other users.",
                               valueName: "password|-"))
    var password: String?

    @Option(help: ArgumentHelp("Read the password from this file.", valueName: "file"))
    var passwordFile: String?
}
