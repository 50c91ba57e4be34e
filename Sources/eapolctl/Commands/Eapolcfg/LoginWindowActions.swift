import ArgumentParser
import Foundation
import Orchestration
import ProfileModel
import ProfileStore
import StructuredErrors

/// eapolcfg's way of naming a login-window list: `--profileID A B ...` or `--SSID S T ...` (also spelled
/// `--profileid`, `--ssid`), in the order to try.
struct LoginWindowListOptions: ParsableArguments {
    @Option(name: [.customLong("profileID"), .customLong("profileid")], parsing: .upToNextOption,
            help: ArgumentHelp("The profiles' IDs (or names), first tried first.", valueName: "id"))
    var profileIDs: [String] = []
    @Option(name: [.customLong("SSID"), .customLong("ssid")], parsing: .upToNextOption,
            help: ArgumentHelp("The profiles' SSIDs (text, or hex:...), first tried first.", valueName: "ssid"))
    var ssids: [String] = []

    func check() throws {
        try UsageError.requireExactlyOne([!profileIDs.isEmpty, !ssids.isEmpty], "name the profiles with --profileID A B ... or with --SSID S T ...",
                              hint: "eapolctl profile list shows the profiles' IDs and SSIDs.")
    }

    /// The profiles, in the order given; each must exist (`profile.profile-not-found` names the one that does not).
    func resolve(in context: CommandContext) throws -> [ProfileModel.Profile] {
        let lookups = profileIDs.map { ProfileLookup(reference: $0, ssid: nil) } + ssids.map { ProfileLookup(reference: nil, ssid: $0) }
        return try lookups.map { try $0.resolve(in: context.profiles) }
    }
}

/// What the login-window commands share: their output.
enum LoginWindowActions {
    /// One profile of a list, with its place in it.
    struct ProfileView: Encodable {
        let position: Int
        let profileID: String
        /// nil when the profile no longer exists (`removeProfile` does not edit the lists).
        let profileName: String?
    }

    /// The JSON of one list.
    struct EntryView: Encodable {
        let interface: String
        let profiles: [ProfileView]
        let setAt: Date
        let unit: String?
        let unitState: String?
        /// The interface also has a system profile, which `watch --system` uses instead.
        let shadowedBySystemProfile: Bool?

        init(_ entry: LoginWindowEntry, context: CommandContext, unit: String? = nil, unitState: String? = nil,
             shadowedBySystemProfile: Bool? = nil) {
            interface = entry.interface
            profiles = entry.profileIDs.enumerated().map {
                ProfileView(position: $0.offset + 1, profileID: $0.element.description,
                            profileName: SystemProfileActions.name(of: $0.element, context: context))
            }
            setAt = entry.setAt
            self.unit = unit
            self.unitState = unitState
            self.shadowedBySystemProfile = shadowedBySystemProfile
        }

        /// `1. Name (ID)` lines.
        var humanLines: [String] {
            profiles.map { "\($0.position). \($0.profileName ?? "(missing profile)") (\($0.profileID))" }
        }
    }

    struct SetResult: Encodable {
        let loginWindowProfiles: EntryView
        let service: SystemProfileSetup.ServiceOutcome
    }

    struct ClearResult: Encodable {
        let interface: String
        let removed: EntryView?
        let service: SystemProfileSetup.ServiceOutcome
    }

    /// The hint of an interface without a list.
    static func noList(_ interface: String) -> ProfileError {
        ProfileError(.noLoginWindowProfiles, "\(interface) has no login-window profiles",
                     hint: "Set them in the order to try with `eapolctl setLoginWindowProfiles --interface \(interface) --profileID ID` (several IDs, first tried first); `eapolctl getLoginWindowInterfaces` lists the interfaces that have some.",
                     details: ["interface": .string(interface)])
    }
}
