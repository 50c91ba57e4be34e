import ArgumentParser
import ProfileFormats

extension Eapolcfg {
    /// eapolcfg `exportProfile (--profileID ID | --SSID SSID) [--format F]`
    struct ExportProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exportProfile",
            abstract: "Export a profile to stdout (eapolcfg form of `profile export`; an eapolcfg plist with --format eapolcfg).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection
        @Option(help: "Export format: json (default), eapolcfg, wpa-supplicant, iwd, networkmanager.") var format = "json"

        func validate() throws {
            try selection.check()
            guard let parsed = ProfileFormat(name: format), ProfileFormat.exportable.contains(parsed) else {
                throw ValidationError("unknown export format '\(format)'; accepted: \(ProfileFormat.exportable.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let context = CommandContext(global)
            try ProfileActions.export(try selection.lookup.resolve(in: context.profiles), format: ProfileFormat(name: format) ?? .json,
                                      to: nil, context: context)
        }
    }
}
