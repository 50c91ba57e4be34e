import Foundation
import Orchestration
import ProfileModel
import StructuredErrors
import SupplicantClient

/// What the system-profile commands (`setSystemProfile`, `getSystemInterfaces`, the Ethernet profile, …) share:
/// the use case wired to systemd, and their output.
enum SystemProfileActions {
    static func setup(_ context: CommandContext) -> SystemProfileSetup {
        SystemProfileSetup(configuration: SystemProfiles(stateDirectory: context.paths.stateDirectory),
                           services: SystemdWatchServices(environment: context.environment))
    }

    /// The JSON of one system profile.
    struct EntryView: Encodable {
        let interface: String?
        let profileID: String
        let profileName: String?
        let setAt: Date
        let unit: String?
        let unitState: String?

        init(_ entry: SystemProfileEntry, profileName: String?, unit: String? = nil, unitState: String? = nil) {
            interface = entry.interface
            profileID = entry.profileID.description
            self.profileName = profileName
            setAt = entry.setAt
            self.unit = unit
            self.unitState = unitState
        }
    }

    /// The profile's name, or nil when the profile no longer exists (the system configuration outlives nothing
    /// else: `removeProfile` does not clear it).
    static func name(of id: ProfileID, context: CommandContext) -> String? {
        try? context.profiles.load(id).name
    }

    /// Prints the unit outcome's human line.
    static func serviceLine(_ service: SystemProfileSetup.ServiceOutcome) -> String {
        switch service.action {
        case .manual: "\(service.reason ?? "systemd is not available"); run: \(service.command ?? "")"
        case .kept: "\(service.unit) kept: \(service.reason ?? "")"
        case .enabled, .disabled: "\(service.unit) \(service.action.rawValue)"
        }
    }

    struct SetResult: Encodable {
        let systemProfile: EntryView
        let service: SystemProfileSetup.ServiceOutcome
    }

    struct ClearResult: Encodable {
        let interface: String
        let removed: EntryView?
        let service: SystemProfileSetup.ServiceOutcome
    }
}
