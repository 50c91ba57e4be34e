import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `importProfile [--replace] FILE`
    struct ImportProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "importProfile", abstract: "Import a profile file (eapolcfg form of `profile import`).")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Replace a profile with the same ID or SSID.") var replace = false
        @Argument(help: "The profile file.") var file: String

        func run() async throws {
            try ProfileActions.importFile(file, replace: replace, context: CommandContext(global))
        }
    }
}
