import ArgumentParser

extension Eapolctl.Profile {
    /// `eapolctl profile import`
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a profile file (eapolctl JSON).",
            discussion: """
                The profile is validated before it is saved; nothing is saved when it is not valid.

                Examples:
                  eapolctl profile import Profiles/corporate-peap.json
                  eapolctl profile import corp.json --replace
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The profile file.") var file: String
        @Flag(help: "Replace a profile with the same ID or SSID.") var replace = false

        func run() async throws {
            try ProfileActions.importFile(file, replace: replace, context: CommandContext(global))
        }
    }
}
