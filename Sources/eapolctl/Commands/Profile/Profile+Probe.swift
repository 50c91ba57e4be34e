import ArgumentParser
import Foundation
import Orchestration
import ProfileModel
import StructuredErrors
import SupplicantClient

extension Eapolctl.Profile {
    /// `eapolctl profile probe --interface IF (--profile P | --ssid S | --wired)`
    struct Probe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "probe",
            abstract: "Show the certificate chain the RADIUS server presents, without sending any credential.",
            discussion: """
                Starts EAP (PEAP or TTLS) with an identity only — the profile's outer identity, else --identity, else \
                "anonymous" — in wpa_supplicant's probe mode (ca_cert="probe://"): the TLS handshake is stopped as \
                soon as the server's certificates are received, before anything but the identity is sent. The probe \
                network is removed afterwards; it selects its own network, so a session on the interface ends. \
                Nothing the probe shows is trusted: a rogue network can present anything, so compare the SHA-256 \
                with your administrator's before using it. --save-ca FILE writes the presented root CA (0644; an \
                existing file only with --force). --adopt writes the root CA and server name into the profile \
                (keeping its ID and stored secrets): on a terminal it asks first; in a script (stdin not a \
                terminal, or --json) it needs --expect-fingerprint with the SHA-256 of the CA or of the server \
                certificate, and refuses when neither has it.
                Examples:
                  eapolctl profile probe --interface eth0 --wired
                  eapolctl profile probe --interface eth0 --profile Corp --save-ca corp-ca.pem
                  eapolctl profile probe --interface eth0 --profile Corp --adopt --expect-fingerprint 3f:…:9a --json
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions
        @OptionGroup var takeOver: TakeOverOption
        @Option(help: ArgumentHelp("The profile (ID or name) whose network to probe.", valueName: "profile"))
        var profile: String?
        @Option(help: ArgumentHelp("Probe this Wi-Fi network (no profile needed).", valueName: "ssid")) var ssid: String?
        @Flag(help: "Probe the wired 802.1X port (no profile needed).") var wired = false
        @Option(help: ArgumentHelp("The identity to send when the profile has no outer identity (default: anonymous).",
                                   valueName: "identity"))
        var identity: String?
        @Flag(help: "Write the presented root CA and server name into the profile (asks first on a terminal).")
        var adopt = false
        @Option(help: ArgumentHelp("SHA-256 the presented CA or server certificate must have (needed by --adopt in scripts).",
                                   valueName: "sha256"))
        var expectFingerprint: String?
        @Option(help: ArgumentHelp("Write the presented root CA (PEM) to this file.", valueName: "file")) var saveCa: String?
        @Flag(help: "Let --save-ca replace an existing file.") var force = false
        @Option(help: ArgumentHelp(helpText("Give up after this many seconds.", default: Seconds(20)), valueName: "seconds"),
                transform: Seconds.parser("--timeout"))
        var timeout = Seconds(20)
        @Option(help: ArgumentHelp(DriverArgument.help, valueName: "driver"), transform: DriverArgument.parse)
        var driver: InterfaceDriver?

        func validate() throws {
            try UsageError.requireExactlyOne([profile != nil, ssid != nil, wired], "name exactly one network: --profile, --ssid or --wired",
                                  hint: "e.g. `eapolctl profile probe --interface eth0 --wired`.")
            if adopt && profile == nil {
                throw UsageError(.conflictingArguments, "--adopt writes into a profile: it needs --profile",
                                 hint: "Create the profile first (`eapolctl profile create --name NAME --method peap --ca-cert FILE --server-name NAME`), or save the CA with --save-ca FILE.")
            }
        }

        func run() async throws {
            let context = CommandContext(global)
            let budget = timeout.duration
            let interactive = !global.json && isatty(STDIN_FILENO) == 1
            if adopt && !interactive && expectFingerprint == nil {
                throw UsageError(.missingArgument,
                                 "--adopt in a script (stdin not a terminal, or --json) needs --expect-fingerprint SHA256",
                                 hint: "Get the CA's SHA-256 from your administrator and pass it: `eapolctl profile probe --interface \(connection.interface) --profile \(profile ?? "PROFILE") --adopt --expect-fingerprint SHA256`.")
            }
            if let saveCa { try ProbeCAFile.checkWritable(saveCa, force: force) }
            let target = try profile.map { try context.profiles.resolve($0) }
            let request = try makeRequest(profile: target, budget: budget)

            let supplicant = try await Supplicant.connect(busAddress: connection.bus)
            defer { supplicant.close() }
            let output = context.output
            let report = try await Prober(supplicant: supplicant).probe(request) { update in
                let line = AuthEventLine(update: update)
                output.event(line) { line.human }
            }
            var view = ProbeView(report: report)
            if let expectFingerprint {
                // Adopting or saving needs the root first (root-not-presented); a bare check pins the root or leaf.
                if adopt || saveCa != nil { _ = try view.requireSuggestion() }
                view.matched = try ProbeSuggestion.match(expectFingerprint, in: report)
            }
            if let saveCa {
                try ProbeCAFile.write(try view.requireSuggestion().ca, to: saveCa, force: force)
                view.savedCA = saveCa
            }
            if adopt, let target {
                let suggestion = try view.requireSuggestion()
                if view.matched == nil {
                    // Interactive: show what would be adopted, then ask on the terminal.
                    if !output.json { Output.writeStdout(Output.humanResult(view.human) + "\n") }
                    view.printedBeforePrompt = true
                    guard try ProbeCAFile.confirm(
                        "Trust CA \(suggestion.ca.summary.subject) (SHA-256 \(suggestion.ca.summary.sha256Fingerprint)) "
                            + "and server name \(suggestion.serverName) for profile \(target.name)? [y/N] ") else {
                        view.adopted = false
                        output.result(view) { view.printedBeforePrompt ? "Not adopted." : view.human }
                        return
                    }
                }
                let updated = try suggestion.applied(to: target)
                // `profile edit`'s update: same ID (secrets stay), refused if the profile changed since it was read.
                _ = try context.profiles.update(updated, from: target)
                view.adopted = true
                view.adoptedProfile = .init(id: updated.id.description, name: updated.name)
            }
            output.result(view) { view.printedBeforePrompt ? view.adoptionLine : view.human }
        }

        private func makeRequest(profile: ProfileModel.Profile?, budget: Duration) throws -> Prober.Request {
            if let profile {
                var request = Prober.Request(profile: profile, interfaceName: connection.interface, identity: identity,
                                             driver: driver, timeout: budget)
                request.takeOver = takeOver.takeOver
                return request
            }
            let binding: NetworkSpec.Binding
            if let ssid {
                let parsed = try SSID(parsing: ssid)
                binding = .wifi(ssidBytes: parsed.bytes, security: .wpa2_wpa3, hidden: false)
            } else {
                binding = .wired
            }
            var request = Prober.Request(interfaceName: connection.interface, driver: driver, binding: binding,
                                         identity: identity ?? "anonymous", timeout: budget)
            request.takeOver = takeOver.takeOver
            return request
        }
    }
}
