import Foundation
import Orchestration
import ProfileModel
import StructuredErrors

/// `onboard --connect`: authenticates the onboarded profile with the same code as `auth start`, then gets an
/// address, and summarises the outcome for the onboarding report.
enum OnboardConnect {
    /// What the connection attempt reports.
    struct Report: Encodable {
        let profile: String
        let interface: String
        let state: String
        let authMode: String?
        let address: String?
        let authenticatedToBoundMs: Double?
    }

    static func connect(profile: Profile, interface: String?, dhcpBackend: DHCPChoice?, takeOver: Bool = false,
                        context: CommandContext) async throws -> Report {
        guard let interface else {
            throw UsageError(.missingArgument, "onboard --connect needs --interface",
                             hint: "Name the network interface to authenticate on, e.g. --interface eth0.")
        }
        let settings = ConnectSettings(interface: interface, timeout: .seconds(30),
                                       dhcp: try DHCPBackendChoice.settings(dhcpBackend ?? .auto, timeout: .seconds(15), script: nil,
                                                                            interface: interface),
                                       takeOver: takeOver)
        let report = try await AuthActions.connect(profile: profile, settings: settings, context: context)
        return Report(profile: profile.id.description, interface: interface, state: report.authentication.status.rawValue,
                      authMode: report.authentication.authMode, address: report.dhcp.map { "\($0.address)/\($0.prefixLength)" },
                      authenticatedToBoundMs: report.authenticatedToBound?.milliseconds)
    }
}
