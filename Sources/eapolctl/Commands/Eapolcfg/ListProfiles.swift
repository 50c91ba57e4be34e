import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `listProfiles [--details]`
    struct ListProfiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "listProfiles", abstract: "List profiles (eapolcfg form of `profile list`).")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Show every profile in full.") var details = false

        func run() async throws {
            try ProfileActions.list(details: details, context: CommandContext(global))
        }
    }
}
