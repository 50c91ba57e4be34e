import Foundation
import Orchestration
import ProfileModel
import ProfileStore
import StructuredErrors
import SupplicantClient

/// The command-line half of `auth start|stop|state` and eapolcfg's `startAuthentication`, `stopAuthentication`,
/// `getState`: the use cases are ``ProfileConnection``'s; this prints their progress and reports.
enum AuthActions {
    /// Resolves `target`, reads a one-time password when the profile uses them, then connects and prints the report.
    static func start(target: ProfileTarget, settings: ConnectSettings, passwordStdin: Bool = false,
                      context: CommandContext) async throws {
        let profile = try target.resolveProfile(in: context.profiles)
        // A one-time password is read (or its absence refused) before anything is connected.
        var settings = settings
        settings.oneTimePassword = try OneTimePasswordInput.read(for: profile, passwordStdin: passwordStdin)
        let report = try await connect(profile: profile, settings: settings, context: context)
        let envelope = AuthResultEnvelope(report.authentication,
                                          dhcp: report.dhcp.map { DHCPResultView(result: $0, authenticatedToBoundMs: report.authenticatedToBound?.milliseconds) })
        context.output.result(envelope) { envelope.human }
    }

    /// Authenticates `profile` (progress events on the output as they happen), then runs DHCP unless its backend
    /// is `none`; shared by `auth start`, `startAuthentication` and `onboard --connect`.
    static func connect(profile: Profile, settings: ConnectSettings, context: CommandContext) async throws -> ConnectionReport {
        let connection = ProfileConnection(profiles: context.profiles, store: try context.openStoreIfPresent(),
                                           stateDirectory: context.paths.stateDirectory)
        let output = context.output
        return try await connection.connect(profile, settings: settings) { update in
            let line = AuthEventLine(update: update)
            output.event(line) { line.human }
        }
    }

    static func stop(interface: String, bus: String?, context: CommandContext) async throws {
        let result = try await ProfileConnection.stop(interface: interface, bus: bus)
        let envelope = AuthStopEnvelope(stopped: .init(interface: result.interfaceName,
                                                       removedNetworks: result.removedNetworks,
                                                       removedBlobs: result.removedBlobs))
        context.output.result(envelope) {
            "stopped \(interface): removed \(result.removedNetworks) network(s), \(result.removedBlobs) blob(s)"
        }
    }

    static func roam(interface: String, bssid: String, timeout: Duration, bus: String?, context: CommandContext) async throws {
        let r = try await ProfileConnection.roam(interface: interface, to: bssid, timeout: timeout, bus: bus)
        let envelope = AuthRoamEnvelope(roamed: .init(interface: r.interface, from: r.from, to: r.to, kind: r.kind?.rawValue,
                                                      elapsedMs: r.elapsed.milliseconds))
        context.output.result(envelope) {
            r.kind == nil ? "\(interface) already on \(r.to)"
                : "\(interface) roamed \(r.from ?? "none") → \(r.to) (\(r.kind!.rawValue)) in \(String(format: "%.1f", r.elapsed.milliseconds)) ms"
        }
    }

    static func state(interface: String, bus: String?, context: CommandContext) async throws {
        let (s, name) = try await ProfileConnection(profiles: context.profiles, store: nil,
                                                    stateDirectory: context.paths.stateDirectory)
            .state(interface: interface, bus: bus)
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
}
