import Foundation
import ProfileModel
import StructuredErrors

/// HOOK for `onboard --connect`: authentication (`auth start`, branch `auth`) and DHCP (branch `dhcp`) are built
/// on other branches. Until the lead wires them here, `--connect` fails with a clear error after the import and
/// credential storage have succeeded; it never pretends a connection happened.
enum OnboardConnectHook {
    /// What a connection attempt reports.
    struct Report: Encodable {
        let profile: String
        let interface: String?
        let state: String
        let address: String?
    }

    /// WIRE HERE: run `auth start` for `profile` on `interface`, then DHCP with `dhcpBackend`.
    static func connect(profile: Profile, interface: String?, dhcpBackend: String?, context: CommandContext) async throws -> Report {
        throw SystemError(.commandMissing,
                          "onboard --connect is not available in this build: profile \(profile.name) was imported and its credentials stored, but authentication is not wired yet",
                          hint: "Run `eapolctl auth start` for the profile once it is available, or omit --connect.",
                          details: ["profile": .string(profile.id.description)])
    }
}
