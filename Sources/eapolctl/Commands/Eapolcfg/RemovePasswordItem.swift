import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `removePasswordItem (--profileID | --SSID | --default)`
    struct RemovePasswordItem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "removePasswordItem", abstract: "Remove a password item (eapolcfg form of `password remove`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgItemSelection

        func validate() throws { try selection.check() }

        func run() async throws {
            try SecretActions.removePassword(target: selection.target, context: CommandContext(global))
        }
    }
}
