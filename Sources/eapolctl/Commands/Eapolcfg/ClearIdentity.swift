import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `clearIdentity (--profileID | --SSID | --default)`
    struct ClearIdentity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clearIdentity", abstract: "Remove a stored identity (eapolcfg form of `identity clear`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection
        @Flag(name: .customLong("default"), help: "The default identity.") var isDefault = false
        @Flag(name: .customLong("system"), help: "The identity used by boot-time authentication: on Linux the same item (one store, used by root).")
        var system = false

        func validate() throws { try selection.check(allowDefault: isDefault, allowsDefault: true) }

        func run() async throws {
            try SecretActions.clearIdentity(target: selection.target(isDefault: isDefault), context: CommandContext(global))
        }
    }
}
