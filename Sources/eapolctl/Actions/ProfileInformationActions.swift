import Foundation
import ProfileFormats
import ProfileModel
import ProfileStore
import Provisioning

/// The command-line half of eapolcfg's profile information (`setProfileInformation`, `getProfileInformation`,
/// `clearProfileInformation`): reads the plist file and prints; the edits are ``ProfileInformationEdits``.
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
        let plist = try readUserFile(file, what: "information file")
        let profile = try ProfileInformationEdits(profiles: context.profiles).set(plist, source: file, for: application, in: lookup)
        context.output.result(["saved": Saved(profile: profile.id.description, name: profile.name,
                                              applicationID: application.rawValue)]) {
            "Saved the information of \(application) in profile \(profile.name) (\(profile.id))"
        }
    }

    static func get(lookup: ProfileLookup, application: ApplicationID, context: CommandContext) throws {
        let (profile, dictionary) = try ProfileInformationEdits(profiles: context.profiles).get(application, in: lookup)
        let xml = try PropertyListBridge.xml(dictionary)
        context.output.result(Shown(profile: profile.id.description, name: profile.name,
                                    applicationID: application.rawValue, information: dictionary)) {
            xml.hasSuffix("\n") ? String(xml.dropLast()) : xml
        }
    }

    static func clear(lookup: ProfileLookup, application: ApplicationID, context: CommandContext) throws {
        let profile = try ProfileInformationEdits(profiles: context.profiles).clear(application, in: lookup)
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
}
