import ArgumentParser

extension Eapolctl.Auth {
    /// `eapolctl auth stop --interface IF`
    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stop",
            abstract: "Remove eapolctl's networks and blobs from an interface and disconnect it.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions

        func run() async throws {
            try await AuthActions.stop(interface: connection.interface, bus: connection.bus, context: CommandContext(global))
        }
    }
}
