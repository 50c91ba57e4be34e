import ArgumentParser

extension Eapolctl.Auth {
    /// `eapolctl auth state --interface IF`
    struct State: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "state",
            abstract: "Show wpa_supplicant's state of an interface and which profile is in use.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions

        func run() async throws {
            try await AuthActions.state(interface: connection.interface, bus: connection.bus, context: CommandContext(global))
        }
    }
}
