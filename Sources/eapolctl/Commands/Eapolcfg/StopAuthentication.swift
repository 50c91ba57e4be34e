import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `stopAuthentication --interface IF`.
    struct StopAuthentication: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stopAuthentication", abstract: "Stop authentication on an interface (eapolcfg form of `auth stop`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions

        func run() async throws {
            try await AuthActions.stop(interface: connection.interface, bus: connection.bus, context: CommandContext(global))
        }
    }
}
