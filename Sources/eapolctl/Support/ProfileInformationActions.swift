import Foundation
import ProfileFormats
import ProfileModel
import ProfileStore
import StructuredErrors

/// eapolcfg's profile information (`setProfileInformation`, `getProfileInformation`, `clearProfileInformation`):
/// an application's own dictionary kept in the profile, written through ``ProfileRepository/update(_:from:)`` so
/// that a profile changed by another process meanwhile is never overwritten.
enum ProfileInformationActions {
    struct Saved: Encodable {
        let profile: String
        let name: String
        let applicationID: String
    }

    struct Shown: Encodable {
        let profile: String
        let name: String
        let applicationID: String
        let information: [String: PropertyListValue]
    }

    static func set(lookup: ProfileLookup, application: ApplicationID, file: String, context: CommandContext) throws {
        let dictionary = try PropertyListBridge.dictionary(from: readUserFile(file, what: "information file"), source: file)
        let profile = try lookup.resolve(in: context.profiles)
        var updated = profile
        try updated.information.set(dictionary, for: application)
        _ = try context.profiles.update(updated, from: profile)
        context.output.result(["saved": Saved(profile: profile.id.description, name: profile.name,
                                              applicationID: application.rawValue)]) {
            "Saved the information of \(application) in profile \(profile.name) (\(profile.id))"
        }
    }

    static func get(lookup: ProfileLookup, application: ApplicationID, context: CommandContext) throws {
        let profile = try lookup.resolve(in: context.profiles)
        guard let dictionary = profile.information[application] else { throw missing(application, in: profile) }
        let xml = try PropertyListBridge.xml(dictionary)
        context.output.result(Shown(profile: profile.id.description, name: profile.name,
                                    applicationID: application.rawValue, information: dictionary)) {
            xml.hasSuffix("\n") ? String(xml.dropLast()) : xml
        }
    }

    static func clear(lookup: ProfileLookup, application: ApplicationID, context: CommandContext) throws {
        let profile = try lookup.resolve(in: context.profiles)
        var updated = profile
        guard updated.information.remove(application) else { throw missing(application, in: profile) }
        _ = try context.profiles.update(updated, from: profile)
        context.output.result(["removed": Saved(profile: profile.id.description, name: profile.name,
                                                applicationID: application.rawValue)]) {
            "Removed the information of \(application) from profile \(profile.name) (\(profile.id))"
        }
    }

    /// The human form of every application's information, for `showProfile --details`.
    static func rendered(_ information: ProfileInformation) -> String {
        guard !information.isEmpty else { return "Information:    none" }
        var lines = ["Information:"]
        for application in information.applicationIDs {
            lines.append("  \(application):")
            let xml = (try? PropertyListBridge.xml(information[application]!)) ?? "(cannot be written as a plist)"
            lines += xml.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { "    " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    private static func missing(_ application: ApplicationID, in profile: Profile) -> ProfileError {
        ProfileError(.noProfileInformation,
                     "profile \(profile.name) (\(profile.id)) keeps no information for \(application)",
                     details: ["profile": .string(profile.name), "id": .string(profile.id.description),
                               "applicationID": .string(application.rawValue),
                               "applicationIDs": .list(profile.information.applicationIDs.map(\.rawValue))])
    }
}
