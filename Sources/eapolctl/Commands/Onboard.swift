import ArgumentParser
import Foundation
import StateFiles
import ProfileFormats
import ProfileModel
import Provisioning
import Secrets
import StructuredErrors

extension Eapolctl {
    /// `eapolctl onboard`
    struct Onboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "onboard",
            abstract: "Onboard from a provider's file: import its profiles, store the credentials, optionally connect.",
            discussion: """
                Reads an eap-config, .mobileconfig, eapolcfg plist or eapolctl JSON file, saves its profiles (all or \
                nothing, replacing earlier onboarding of the same networks) and stores the password or client \
                certificate in the encrypted store. Running it twice gives the same result and duplicates nothing. \
                The user name is built from the provider's realm (InnerIdentitySuffix) when --username lacks one. \
                On failure the provider's helpdesk contacts are shown. With --json, one report at the end.

                Examples:
                  printf '%s' "$PASSWORD" | eapolctl onboard eduroam.eap-config --username alice --password-stdin --json
                  eapolctl onboard corp-tls.mobileconfig --pkcs12-passphrase-stdin < passphrase.txt
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The provider's file.") var file: String
        @Option(help: "Interface to bind wired profiles to and to connect on.") var interface: String?
        @Option(help: "The user name (the provider's realm is appended when missing).") var username: String?
        @Flag(help: "Read the password from standard input.") var passwordStdin = false
        @Option(help: ArgumentHelp("Read the password from this file.", valueName: "file")) var passwordFile: String?
        @Flag(help: "Read the client certificate's PKCS#12 passphrase from standard input.") var pkcs12PassphraseStdin = false
        @Flag(help: "Authenticate (and get an address) after importing.") var connect = false
        @Option(help: ArgumentHelp("DHCP client used with --connect: auto, builtin, dhclient, dhcpcd, udhcpc or none (default: auto).", valueName: "backend"),
                transform: DHCPChoice.parse)
        var dhcp: DHCPChoice?
        @OptionGroup var takeOver: TakeOverOption
        @Option(help: "Force the file format (default: detect).") var format: String?
        @OptionGroup(title: "Signature") var signature: SignatureOptions

        func validate() throws {
            if passwordStdin && passwordFile != nil {
                throw ValidationError("--password-stdin and --password-file are exclusive")
            }
            if passwordStdin && pkcs12PassphraseStdin {
                throw ValidationError("--password-stdin and --pkcs12-passphrase-stdin cannot both read standard input")
            }
            if dhcp != nil && !connect { throw ValidationError("--dhcp needs --connect") }
            if takeOver.takeOver && !connect { throw ValidationError("--take-over needs --connect") }
            if connect && interface == nil { throw ValidationError("--connect needs --interface") }
            if let interface, !ProfileValidator.isValidInterfaceName(interface) {
                throw ValidationError("'\(interface)' is not a valid interface name")
            }
            if let format, ProfileFormat(name: format).map({ ProfileFormat.importable.contains($0) }) != true {
                throw ValidationError("unknown import format '\(format)'")
            }
        }

        func run() async throws {
            let context = CommandContext(global)
            var provider: ProviderInfo?
            do {
                let bytes = try ProfileActions.readProfileFile(file)
                var result = try await ProfileImporter.parseVerifyingSignature(bytes, source: file,
                                                                               format: format.flatMap(ProfileFormat.init(name:)),
                                                                               policy: signature.policy)
                provider = result.provider
                ProfileActions.warnAboutSignature(result.signature, context: context)
                let password: SecretBytes? = try passwordFile.map { try SecretInput.fromFile($0) }
                    ?? (passwordStdin ? try SecretInput.fromStandardInput(what: "--password-stdin") : nil)
                let passphrase: SecretBytes? = pkcs12PassphraseStdin ? try SecretInput.fromStandardInput(what: "--pkcs12-passphrase-stdin") : nil
                result.profiles = try result.profiles.map {
                    try OnboardPlan.prepare($0, username: username, password: password, passphrase: passphrase,
                                            interface: interface, source: file)
                }
                // Off the cooperative pool: the transaction may wait up to 10 s for the store's lock.
                let imported = result.profiles
                let entries = try await BlockingWork.run {
                    try TransactionRunner.importProfiles(imported, replace: true, context: context)
                }
                var connection: OnboardConnect.Report?
                if connect {
                    let target = OnboardPlan.connectTarget(result.profiles.map(\.profile), interface: interface)
                    connection = try await OnboardConnect.connect(profile: target, interface: interface, dhcpBackend: dhcp,
                                                                      takeOver: takeOver.takeOver, context: context)
                }
                let report = OnboardReport(imported: ProfileActions.ImportReport(
                                               file: file, format: result.format.rawValue, profiles: entries, notes: result.notes,
                                               provider: result.provider, signature: result.signature),
                                           connection: connection)
                context.output.result(report) { report.text }
            } catch {
                if let provider, provider.hasHelpdesk {
                    context.output.warn("onboarding failed; the provider's helpdesk"
                                        + (provider.displayName.map { " (\($0))" } ?? "") + ": "
                                        + provider.helpdeskLines.joined(separator: ", "))
                }
                throw error
            }
        }
    }
}

/// The report `onboard` prints at the end: `profile import`'s, plus the connection with `--connect`.
struct OnboardReport: Encodable {
    let imported: ProfileActions.ImportReport
    let connection: OnboardConnect.Report?

    private enum Key: String, CodingKey { case connection }

    func encode(to encoder: any Encoder) throws {
        try imported.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(connection, forKey: .connection)
    }

    var text: String {
        let text = ProfileActions.importText(imported)
        guard let connection else { return text }
        return text + "\nConnection: \(connection.state)" + (connection.address.map { ", address \($0)" } ?? "")
    }
}
