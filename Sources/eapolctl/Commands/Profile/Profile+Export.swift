import ArgumentParser
import ProfileFormats

extension Eapolctl.Profile {
    /// `eapolctl profile export`
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export a profile as eapolctl JSON, an eapolcfg plist, a wpa_supplicant block, an iwd file or a NetworkManager keyfile.",
            discussion: """
                Secrets stay in the encrypted store unless --include-secrets, which writes them in clear (with a \
                warning). Files written with --output are created with mode 0600. See Docs/formats.md.

                Examples:
                  eapolctl profile export Corp > corp.json
                  eapolctl profile export --ssid corp --format wpa-supplicant --output corp.conf
                  eapolctl profile export Corp --format networkmanager --include-secrets --output corp.nmconnection
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: ProfileSelection
        @Option(help: "Export format: json, eapolcfg, wpa-supplicant, iwd, networkmanager.") var format = "json"
        @Flag(help: "Include the stored password and client identity, in clear.") var includeSecrets = false
        @Option(help: ArgumentHelp("Write to this file (mode 0600) instead of stdout.", valueName: "file")) var output: String?

        func validate() throws {
            guard let parsed = ProfileFormat(name: format), ProfileFormat.exportable.contains(parsed) else {
                throw ValidationError("unknown export format '\(format)'; accepted: \(ProfileFormat.exportable.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let context = CommandContext(global)
            try ProfileActions.export(try selection.resolve(in: context.profiles), format: ProfileFormat(name: format) ?? .json,
                                      includeSecrets: includeSecrets, to: output, context: context)
        }
    }
}
