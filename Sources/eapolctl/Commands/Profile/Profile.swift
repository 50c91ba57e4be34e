import ArgumentParser

extension Eapolctl {
    /// `eapolctl profile ...`
    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create, list, show, remove, import and export 802.1X profiles.",
            subcommands: [Create.self, List.self, Show.self, Remove.self, Import.self, Export.self, Probe.self]
        )
    }
}
