import ArgumentParser

extension Eapolctl.Profile {
    /// `eapolctl profile export`
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a profile as eapolctl JSON (no secrets: a profile holds none).",
            discussion: "Examples:\n  eapolctl profile export Corp > corp.json\n  eapolctl profile export --ssid corp --output corp.json"
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: ProfileSelection
        @Option(help: "Export format (json).") var format = "json"
        @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var output: String?

        func validate() throws {
            guard format == "json" else {
                throw ValidationError("unknown export format '\(format)' (this version exports json)")
            }
        }

        func run() async throws {
            let context = CommandContext(global)
            try ProfileActions.export(try selection.resolve(in: context.profiles), to: output, context: context)
        }
    }
}
