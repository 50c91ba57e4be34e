import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `getIdentity (--profileID | --SSID | --default)`
    struct GetIdentity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getIdentity", abstract: "Show a stored identity (eapolcfg form of `identity get`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgItemSelection

        func validate() throws { try selection.check() }

        func run() async throws {
            try SecretActions.getIdentity(target: selection.target, context: CommandContext(global))
        }
    }
}
