public import ProfileModel
import StructuredErrors

/// One profile reference, from either CLI form (`profile show ID`, eapolcfg's `--profileID`/`--SSID`): a profile
/// ID or name, or the SSID a profile is bound to.
public struct ProfileLookup: Sendable, Equatable {
    public var reference: String?
    public var ssid: String?
    /// A Passpoint profile's home domain (eapolcfg `--domain`).
    public var domain: String?

    public init(reference: String?, ssid: String?, domain: String? = nil) {
        self.reference = reference
        self.ssid = ssid
        self.domain = domain
    }

    public func resolve(in repository: ProfileRepository) throws -> Profile {
        if let reference { return try repository.resolve(reference) }
        if let domain { return try repository.find(passpointDomain: domain) }
        if let ssid {
            let parsed = try SSID(parsing: ssid)
            guard let profile = try repository.find(ssid: parsed) else {
                throw ProfileError(.profileNotFound, "no profile is bound to SSID \(parsed.displayText)",
                                   details: ["ssid": .string(parsed.displayText)])
            }
            return profile
        }
        throw UsageError(.missingArgument, "no profile named", hint: "Give a profile ID or name, or an SSID.")
    }
}

/// A profile, an SSID, or the default, as the user named it (`--profile`, `--ssid`, `--default`; eapolcfg
/// `--profileID`, `--SSID`, `--default`): which profile `auth start` uses, or which stored item a password or
/// identity command means (resolved to a store key by Provisioning).
public struct ProfileTarget: Sendable, Equatable {
    public var profile: String?
    public var ssid: String?
    public var isDefault: Bool
    /// A Passpoint profile's home domain (eapolcfg `--domain`).
    public var domain: String?

    public init(profile: String?, ssid: String?, isDefault: Bool, domain: String? = nil) {
        self.profile = profile
        self.ssid = ssid
        self.isDefault = isDefault
        self.domain = domain
    }

    private var given: [Bool] { [profile != nil, ssid != nil, isDefault, domain != nil] }

    /// Exactly one profile is named (`auth start`, `startAuthentication`).
    public func checkNamesOneProfile() throws {
        try UsageError.requireExactlyOne(given, "name exactly one profile: --profile, --ssid or --default",
                                         hint: "eapolcfg forms: --profileID, --SSID, --domain or --default.")
    }

    /// Exactly one stored item is named (password and identity commands).
    public func checkNamesOneItem() throws {
        try UsageError.requireExactlyOne(given, "name exactly one item: a profile, an SSID, a Passpoint domain, or the default item",
                                         hint: "Pass one of --profile (eapolcfg: --profileID), --ssid (--SSID) or --default.")
    }

    /// The profile named; `--default` is the only wired profile (its credentials come from the usual lookup,
    /// ending at the default item).
    public func resolveProfile(in repository: ProfileRepository) throws -> Profile {
        try checkNamesOneProfile()
        if isDefault {
            let wired = try repository.list().filter(\.isWired)
            guard wired.count == 1 else {
                throw UsageError(wired.isEmpty ? .missingArgument : .conflictingArguments,
                                 wired.isEmpty ? "--default: there is no wired profile"
                                               : "--default: there are \(wired.count) wired profiles (\(wired.map(\.name).joined(separator: ", ")))",
                                 hint: "Name the profile with --profile.")
            }
            return try repository.load(wired[0].id)
        }
        return try ProfileLookup(reference: profile, ssid: ssid, domain: domain).resolve(in: repository)
    }
}
