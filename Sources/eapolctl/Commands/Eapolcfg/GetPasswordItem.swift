import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `getPasswordItem (--profileID | --SSID | --default)`: prints the name and a masked password.
    struct GetPasswordItem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getPasswordItem", abstract: "Show a password item, masked (eapolcfg form of `password get`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection
        @Flag(name: .customLong("default"), help: "The default item.") var isDefault = false
        @Flag(name: .customLong("system"), help: "Accepted for compatibility.") var system = false

        func validate() throws { try selection.check(allowDefault: isDefault, allowsDefault: true) }

        func run() async throws {
            try SecretActions.getPassword(target: selection.target(isDefault: isDefault), context: CommandContext(global))
        }
    }
}
