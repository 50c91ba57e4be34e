import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `importProfile [--replace] FILE`
    struct ImportProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "importProfile",
            abstract: "Import a profile file: an eapolcfg exportProfile plist, or any format `profile import` reads.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Replace a profile with the same ID or SSID.") var replace = false
        @Argument(help: "The profile file.") var file: String
        @OptionGroup(title: "Signature") var signature: SignatureOptions

        func run() async throws {
            try await ProfileActions.importFile(file, replace: replace, signaturePolicy: signature.policy,
                                                context: CommandContext(global))
        }
    }
}
