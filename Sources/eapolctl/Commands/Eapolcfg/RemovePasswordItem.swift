import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `removePasswordItem (--profileID | --SSID | --default)`
    struct RemovePasswordItem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "removePasswordItem", abstract: "Remove a password item (eapolcfg form of `password remove`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection
        @Flag(name: .customLong("default"), help: "The default item.") var isDefault = false
        @Flag(name: .customLong("system"), help: "Accepted for compatibility.") var system = false

        func validate() throws { try selection.check(allowDefault: isDefault, allowsDefault: true) }

        func run() async throws {
            try SecretActions.removePassword(target: selection.target(isDefault: isDefault), context: CommandContext(global))
        }
    }
}
