import ArgumentParser
import ProfileFormats

extension Eapolctl.Profile {
    /// `eapolctl profile import`
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a profile file: eapolctl JSON, eapolcfg plist, .mobileconfig (signed or not) or eap-config.",
            discussion: """
                The format is detected from the content (--format forces it). Every profile in the file is validated \
                before anything is saved, and all of them are saved or none (an eap-config file with several SSIDs \
                gives one profile per SSID). Passwords and client certificates found in the file go to the encrypted \
                store, never into the profile files. See Docs/formats.md.

                Examples:
                  eapolctl profile import Profiles/corporate-peap.json
                  eapolctl profile import eduroam.eap-config --json
                  eapolctl profile import corp.mobileconfig --replace
                  eapolctl profile import corp.mobileconfig --require-signed
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The profile file.") var file: String
        @Flag(help: "Replace profiles with the same ID or SSID.") var replace = false
        @Option(help: "Force the format: json, eapolcfg, mobileconfig, eap-config (default: detect).") var format: String?
        @OptionGroup(title: "Signature") var signature: SignatureOptions

        func validate() throws {
            if let format, ProfileFormat(name: format).map({ ProfileFormat.importable.contains($0) }) != true {
                throw ValidationError("unknown import format '\(format)'; accepted: \(ProfileFormat.importable.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            try await ProfileActions.importFile(file, replace: replace, format: format.flatMap(ProfileFormat.init(name:)),
                                                signaturePolicy: signature.policy, context: CommandContext(global))
        }
    }
}
