import ArgumentParser

extension Eapolctl {
    /// `eapolctl store ...`
    struct Store: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store",
            abstract: "Create, inspect and re-key the encrypted credential store.",
            subcommands: [Init.self, Status.self, Rekey.self]
        )
    }
}
