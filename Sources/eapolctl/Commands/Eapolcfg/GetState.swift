import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `getState --interface IF`.
    struct GetState: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getState", abstract: "Show the authentication state of an interface (eapolcfg form of `auth state`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions

        func run() async throws {
            try await AuthActions.state(interface: connection.interface, bus: connection.bus, context: CommandContext(global))
        }
    }
}
