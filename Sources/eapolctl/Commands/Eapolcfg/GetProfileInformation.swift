import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `getProfileInformation --applicationID A (--profileID | --SSID | --domain)`: prints the
    /// application's dictionary as an XML plist (with `--json`, as typed JSON values).
    struct GetProfileInformation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getProfileInformation",
            abstract: "Print an application's data kept in a profile, as an XML plist.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ProfileInformationOptions

        func run() async throws {
            try ProfileInformationActions.get(lookup: options.selection.lookup, application: options.application,
                                              context: CommandContext(global))
        }
    }
}
