public import ProfileModel
import StructuredErrors

extension ProfileRepository {
    /// The Passpoint profile whose home domains include `domain` (eapolcfg's `--domain`), compared without case.
    /// - Throws: `profile.profile-not-found` when no Passpoint profile, or more than one, has that home domain.
    public func find(passpointDomain domain: String) throws -> Profile {
        let wanted = domain.lowercased()
        var matches: [Profile] = []
        for entry in try currentIndex().entries {
            let profile = try load(entry.id)
            if profile.binding.passpoint?.homeDomains.contains(where: { $0.lowercased() == wanted }) == true {
                matches.append(profile)
            }
        }
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            throw ProfileError(.profileNotFound, "no Passpoint profile has the home domain '\(domain)'",
                               hint: "`eapolctl profile list` shows the profiles; create one with `eapolctl profile create --passpoint`.",
                               details: ["domain": .string(domain)])
        default:
            throw ProfileError(.profileNotFound, "the home domain '\(domain)' belongs to \(matches.count) Passpoint profiles",
                               hint: "Name the profile by its ID: \(matches.map(\.id.description).joined(separator: ", "))",
                               details: ["domain": .string(domain)])
        }
    }
}
