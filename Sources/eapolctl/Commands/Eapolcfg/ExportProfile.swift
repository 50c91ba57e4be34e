import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `exportProfile (--profileID ID | --SSID SSID)`
    struct ExportProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exportProfile",
            abstract: "Export a profile to stdout (eapolcfg form of `profile export`; JSON in this version).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection

        func validate() throws { try selection.check() }

        func run() async throws {
            let context = CommandContext(global)
            try ProfileActions.export(try selection.lookup.resolve(in: context.profiles), to: nil, context: context)
        }
    }
}
