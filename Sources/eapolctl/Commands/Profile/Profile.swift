import ArgumentParser

extension Eapolctl {
    /// `eapolctl profile ...`
    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "Create, list, show, edit, remove, import, export and probe 802.1X profiles.",
            subcommands: [Create.self, List.self, Show.self, Remove.self, Edit.self, Import.self, Export.self, Probe.self]
        )
    }
}
