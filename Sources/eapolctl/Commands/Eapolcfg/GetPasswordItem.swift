import ArgumentParser
import StructuredErrors

extension Eapolcfg {
    /// eapolcfg `getPasswordItem [--system] [--name] [--password] (--profileID | --SSID | --default)`: prints the
    /// name and/or a masked password; as in eapolcfg, at least one of --name and --password is required.
    struct GetPasswordItem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getPasswordItem", abstract: "Show a password item, masked (eapolcfg form of `password get`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgItemSelection
        @Flag(name: .customLong("name"), help: "Print the user name (Name: ...).") var name = false
        @Flag(name: .customLong("password"), help: "Print that a password is stored (Password: ************; never the password).")
        var password = false

        func validate() throws {
            try selection.check()
            guard name || password else {
                throw UsageError(.missingArgument, "Must specify at least one of name or password",
                                 hint: "Add --name, --password or both (eapolcfg requires one too); "
                                     + "`eapolctl password get` prints both.")
            }
        }

        func run() async throws {
            try SecretActions.getPassword(target: selection.target, showName: name,
                                          showPassword: password, context: CommandContext(global))
        }
    }
}
