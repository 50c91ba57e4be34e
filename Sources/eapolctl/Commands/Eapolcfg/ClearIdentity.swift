import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `clearIdentity (--profileID | --SSID | --default)`
    struct ClearIdentity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clearIdentity", abstract: "Remove a stored identity (eapolcfg form of `identity clear`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgItemSelection

        func validate() throws { try selection.check() }

        func run() async throws {
            try SecretActions.clearIdentity(target: selection.target, context: CommandContext(global))
        }
    }
}
