import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `clearProfileInformation --applicationID A (--profileID | --SSID | --domain)`
    struct ClearProfileInformation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clearProfileInformation", abstract: "Remove an application's data from a profile.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ProfileInformationOptions

        func run() async throws {
            try ProfileInformationActions.clear(lookup: options.selection.lookup, application: options.application,
                                                context: CommandContext(global))
        }
    }
}
