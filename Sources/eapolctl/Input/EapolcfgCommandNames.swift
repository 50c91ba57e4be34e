/// eapolcfg matches its command names case-insensitively; argument-parser does not, so the first word is
/// rewritten to the canonical spelling before parsing.
enum EapolcfgCommandNames {
    static let canonical = [
        "listProfiles", "showProfile", "exportProfile", "importProfile", "removeProfile", "createProfile",
        "setProfileInformation", "getProfileInformation", "clearProfileInformation",
        "setPasswordItem", "getPasswordItem", "removePasswordItem", "setIdentity", "getIdentity", "clearIdentity",
        "startAuthentication", "stopAuthentication", "getState",
        "setSystemProfile", "getSystemProfile", "clearSystemProfile", "getSystemInterfaces", "setSystemEthernetProfile", "getSystemEthernetProfile", "clearSystemEthernetProfile",
        "setLoginWindowProfiles", "getLoginWindowProfiles", "clearLoginWindowProfiles", "getLoginWindowInterfaces",
    ]

    static func normalize(_ arguments: [String]) -> [String] {
        guard let first = arguments.first,
              let match = canonical.first(where: { $0.lowercased() == first.lowercased() })
        else { return arguments }
        return [match] + arguments.dropFirst()
    }
}
