public import ProfileModel
public import ProfileStore
import ProfileFormats
import StructuredErrors

/// eapolcfg's profile information (`setProfileInformation`, `getProfileInformation`, `clearProfileInformation`):
/// an application's own dictionary kept in the profile, written through ``ProfileRepository/update(_:from:)`` so
/// that a profile changed by another process meanwhile is never overwritten.
public struct ProfileInformationEdits {
    public let profiles: ProfileRepository

    public init(profiles: ProfileRepository) { self.profiles = profiles }

    /// Keeps the dictionary of the plist `plist` (read from `source`) for `application`, replacing what it kept.
    /// - Returns: the profile as it was before.
    public func set(_ plist: [UInt8], source: String, for application: ApplicationID, in lookup: ProfileLookup) throws -> Profile {
        let dictionary = try PropertyListBridge.dictionary(from: plist, source: source)
        let profile = try lookup.resolve(in: profiles)
        var updated = profile
        try updated.information.set(dictionary, for: application)
        _ = try profiles.update(updated, from: profile)
        return profile
    }

    /// The dictionary `application` keeps in the profile.
    public func get(_ application: ApplicationID, in lookup: ProfileLookup) throws -> (profile: Profile, information: [String: PropertyListValue]) {
        let profile = try lookup.resolve(in: profiles)
        guard let dictionary = profile.information[application] else { throw Self.missing(application, in: profile) }
        return (profile, dictionary)
    }

    /// Removes what `application` keeps in the profile.
    /// - Returns: the profile as it was before.
    public func clear(_ application: ApplicationID, in lookup: ProfileLookup) throws -> Profile {
        let profile = try lookup.resolve(in: profiles)
        var updated = profile
        guard updated.information.remove(application) else { throw Self.missing(application, in: profile) }
        _ = try profiles.update(updated, from: profile)
        return profile
    }

    private static func missing(_ application: ApplicationID, in profile: Profile) -> ProfileError {
        ProfileError(.noProfileInformation,
                     "profile \(profile.name) (\(profile.id)) keeps no information for \(application)",
                     details: ["profile": .string(profile.name), "id": .string(profile.id.description),
                               "applicationID": .string(application.rawValue),
                               "applicationIDs": .list(profile.information.applicationIDs.map(\.rawValue))])
    }
}
