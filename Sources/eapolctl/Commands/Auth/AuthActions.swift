import ArgumentParser
import CredentialStore
import DHCPClient
import Foundation
import Orchestration
import ProfileModel
import ProfileStore
import Secrets
import StructuredErrors
import SupplicantClient

/// The one implementation behind `auth start|stop|state` and eapolcfg's `startAuthentication`,
/// `stopAuthentication`, `getState`.
enum AuthActions {
    /// Which profile `auth start` uses.
    struct Target {
        var profile: String?
        var ssid: String?
        var isDefault: Bool

        func check() throws {
            try requireExactlyOne([profile != nil, ssid != nil, isDefault],
                                  "name exactly one profile: --profile, --ssid or --default",
                                  hint: "eapolcfg forms: --profileID, --SSID or --default.")
        }

        /// `--default` is the only wired profile (its credentials come from the usual lookup, ending at the
        /// default item).
        func resolve(in repository: ProfileRepository) throws -> Profile {
            try check()
            if isDefault {
                let wired = try repository.list().filter(\.isWired)
                guard wired.count == 1 else {
                    throw UsageError(wired.isEmpty ? .missingArgument : .conflictingArguments,
                                     wired.isEmpty ? "--default: there is no wired profile"
                                                   : "--default: there are \(wired.count) wired profiles (\(wired.map(\.name).joined(separator: ", ")))",
                                     hint: "Name the profile with --profile.")
                }
                return try repository.load(wired[0].id)
            }
            return try ProfileLookup(reference: profile, ssid: ssid).resolve(in: repository)
        }
    }

    static func parseDriver(_ text: String?) throws -> InterfaceDriver? {
        guard let text else { return nil }
        guard let driver = InterfaceDriver(rawValue: text.lowercased()) else {
            throw UsageError(.invalidArgument, "--driver \(text): use wired or nl80211")
        }
        return driver
    }

    static func start(target: Target, interface: String, timeout: Double, wait: Bool, driver: String?, bus: String?,
                      eapolStart: Bool, dhcp: String, dhcpTimeout: Double = 15, dhcpScript: String? = nil,
                      portPolicy: PortPolicy = .standard, passwordStdin: Bool = false,
                      context: CommandContext) async throws {
        // Bad options are reported before anything is looked up.
        _ = try seconds(timeout, option: "--timeout")
        _ = try seconds(dhcpTimeout, option: "--dhcp-timeout", maximum: 600)
        let profile = try target.resolve(in: context.profiles)
        // A one-time password is read (or its absence refused) before anything is connected.
        let oneTimePassword = try OneTimePasswordInput.read(for: profile, passwordStdin: passwordStdin)
        let report = try await connect(profile: profile, interface: interface, timeout: timeout, wait: wait,
                                       driver: driver, bus: bus, eapolStart: eapolStart, dhcp: dhcp,
                                       dhcpTimeout: dhcpTimeout, dhcpScript: dhcpScript, portPolicy: portPolicy,
                                       oneTimePassword: oneTimePassword, context: context)
        let envelope = AuthResultEnvelope(report.authentication,
                                          dhcp: report.dhcp.map { DHCPResultView(result: $0, authenticatedToBoundMs: report.authenticatedToBound?.milliseconds) })
        context.output.result(envelope) { envelope.human }
    }

    /// Authenticates `profile` on `interface` (progress events on the output as they happen), then runs DHCP
    /// unless `dhcp` is `none`; shared by `auth start`, `startAuthentication` and `onboard --connect`.
    static func connect(profile: Profile, interface: String, timeout: Double, wait: Bool = true, driver: String? = nil,
                        bus: String? = nil, eapolStart: Bool = true, dhcp: String, dhcpTimeout: Double = 15,
                        dhcpScript: String? = nil, portPolicy: PortPolicy = .standard,
                        oneTimePassword: SecretBytes? = nil, context: CommandContext) async throws -> ConnectionReport {
        let authBudget = try seconds(timeout, option: "--timeout")
        let dhcpBudget = try seconds(dhcpTimeout, option: "--dhcp-timeout", maximum: 600)
        let backend = try DHCPBackendChoice.resolve(dhcp, interface: interface)
        let store = try openStoreIfPresent(context)
        let supplicant = try await Supplicant.connect(busAddress: bus)
        defer { supplicant.close() }
        let authenticator = Authenticator(supplicant: supplicant, credentials: StoreCredentialProvider(store: store))
        let output = context.output
        let options = AuthenticationOptions(interfaceName: interface, driver: try parseDriver(driver),
                                            timeout: authBudget, wait: wait,
                                            sendEAPOLStart: eapolStart,
                                            preferredCAFingerprint: context.profiles.trustHint(for: profile.id),
                                            maxStart: portPolicy.maxStart,
                                            acceptOpenPort: portPolicy.acceptOpenPort,
                                            oneTimePassword: oneTimePassword)
        let trigger = try DHCPBackendChoice.trigger(backend, stateDirectory: context.paths.stateDirectory, script: dhcpScript)
        let connector = Connector(authenticator: authenticator, dhcp: trigger, dhcpTimeout: dhcpBudget,
                                  portHistory: PortHistory(stateDirectory: context.paths.stateDirectory))
        let report = try await connector.connect(profile: profile, options: options) { update in
            let line = AuthEventLine(update: update)
            output.event(line) { line.human }
        }
        if report.authentication.status == .authenticated, let fingerprint = report.authentication.anchor.fingerprint,
           profile.trust.caCertificates.count > 1 {
            // Best effort: a read-only state directory must not turn a success into a failure.
            try? context.profiles.recordTrustHint(fingerprint, for: profile.id)
        }
        return report
    }

    static func stop(interface: String, bus: String?, context: CommandContext) async throws {
        let supplicant = try await Supplicant.connect(busAddress: bus)
        defer { supplicant.close() }
        let result = try await Authenticator(supplicant: supplicant, credentials: StoreCredentialProvider(store: nil))
            .stop(interfaceName: interface)
        let envelope = AuthStopEnvelope(stopped: .init(interface: result.interfaceName,
                                                       removedNetworks: result.removedNetworks,
                                                       removedBlobs: result.removedBlobs))
        context.output.result(envelope) {
            "stopped \(interface): removed \(result.removedNetworks) network(s), \(result.removedBlobs) blob(s)"
        }
    }

    static func state(interface: String, bus: String?, context: CommandContext) async throws {
        let supplicant = try await Supplicant.connect(busAddress: bus)
        defer { supplicant.close() }
        let s = try await Authenticator(supplicant: supplicant, credentials: StoreCredentialProvider(store: nil))
            .state(interfaceName: interface)
        let name: String? = s.profileID.flatMap { ProfileID(string: $0) }.flatMap { try? context.profiles.load($0).name }
        let envelope = AuthStateEnvelope(state: .init(
            interface: s.interfaceName, supplicantState: s.supplicantState, authMode: s.authMode,
            profile: s.profileID.map { .init(id: $0, name: name) }, network: s.network))
        context.output.result(envelope) {
            var text = "\(interface): \(s.supplicantState)"
            if let mode = s.authMode { text += " (\(mode))" }
            if let id = s.profileID { text += ", profile \(name ?? id)" }
            return text
        }
    }

    /// The store, or nil when none exists (a profile without stored credentials then fails with
    /// credentials-missing, naming the keys tried).
    static func openStoreIfPresent(_ context: CommandContext) throws -> CredentialStore? {
        guard try CredentialStore.existingMode(paths: context.paths) != nil else { return nil }
        return try context.openStore(creatingIfMissing: false)
    }
}
