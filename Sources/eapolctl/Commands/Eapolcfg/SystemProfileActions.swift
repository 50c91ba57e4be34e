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

    /// Loads the profile a system entry names, with a hint that names the commands to repair it.
    static func load(_ entry: SystemProfileEntry, context: CommandContext) throws -> ProfileModel.Profile {
        do {
            return try context.profiles.load(entry.profileID)
        } catch let error as ProfileError where error.code == .profileNotFound {
            let fix = entry.interface.map { "eapolctl setSystemProfile --interface \($0) --profileID ID" }
                ?? "eapolctl setSystemEthernetProfile --profileID ID"
            throw ProfileError(.profileNotFound,
                               "the system profile \(entry.profileID) of \(entry.interface ?? "wired interfaces") no longer exists",
                               hint: "Set another with `\(fix)` (`eapolctl profile list` shows the IDs).",
                               details: ["profileID": .string(entry.profileID.description)])
        }
    }

    /// `watch --system`: the profiles to try in order — the interface's own system profile; else its login-window
    /// list; else (wired interfaces: `--driver wired`, or no wireless directory in sysfs) the system Ethernet profile;
    /// `profile.no-system-profile` when none is set.
    static func forWatch(interface: String, driver: InterfaceDriver?, profileOption: String?,
                         context: CommandContext) throws -> [ProfileModel.Profile] {
        if profileOption != nil {
            throw UsageError(.conflictingArguments, "--system and --profile both name the profile to authenticate with",
                             hint: "Keep one: `eapolctl watch --interface \(interface) --system` reads the profile set with `eapolctl setSystemProfile`.")
        }
        try SystemProfiles.checkInterface(interface)
        let isWired = (driver ?? InterfaceDriver.detect(interface: interface)) == .wired
        let choice = try setup(context).requireWatchChoice(interface: interface, isWired: isWired)
        switch choice {
        case .systemProfile(let entry), .ethernet(let entry):
            return [try load(entry, context: context)]
        case .loginWindow(let entry):
            return try entry.profileIDs.map { id in
                do {
                    return try context.profiles.load(id)
                } catch let error as ProfileError where error.code == .profileNotFound {
                    throw ProfileError(.profileNotFound, "the login-window profile \(id) of \(interface) no longer exists",
                                       hint: "Set the list again with `\(choice.repairCommand(interface: interface))` (`eapolctl profile list` shows the IDs).",
                                       details: ["profileID": .string(id.description), "interface": .string(interface)])
                }
            }
        }
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
