import ArgumentParser
import ProfileStore
import StructuredErrors

/// eapolcfg's way of naming a profile: `--profileID`, `--SSID`, `--domain`. eapolcfg also takes the lower-case
/// spellings `--profileid` and `--ssid`.
struct EapolcfgSelection: ParsableArguments {
    @Option(name: [.customLong("profileID"), .customLong("profileid")], help: "The profile's ID (or name).")
    var profileID: String?
    @Option(name: [.customLong("SSID"), .customLong("ssid")], help: "The SSID (text, or hex:...).") var ssid: String?
    @Option(name: .customLong("domain"), help: "A Passpoint (Hotspot 2.0) profile's home domain.") var domain: String?

    /// Exactly one profile is named (by `--profileID`, `--SSID` or `--domain`; `isDefault` for the commands that take
    /// `--default`).
    func check(allowDefault isDefault: Bool = false, allowsDefault: Bool = false) throws {
        try UsageError.requireExactlyOne([profileID != nil, ssid != nil, domain != nil, isDefault],
                                         "name exactly one of --profileID, --SSID, --domain" + (allowsDefault ? " or --default" : ""),
                                         hint: "eapolctl profile list shows the profiles' IDs and SSIDs.")
    }

    var lookup: ProfileLookup { ProfileLookup(reference: profileID, ssid: ssid, domain: domain) }
}

/// eapolcfg's way of naming a stored password or identity item: a profile's (``EapolcfgSelection``), or the default
/// item (`--default`); `--system` is accepted as in eapolcfg.
struct EapolcfgItemSelection: ParsableArguments {
    @OptionGroup var profile: EapolcfgSelection
    @Flag(name: .customLong("default"), help: "The default item, used when neither the profile nor the SSID has one.")
    var isDefault = false
    @Flag(name: .customLong("system"), help: "The item used by boot-time authentication: on Linux the same item (one store, used by root).")
    var system = false

    func check() throws { try profile.check(allowDefault: isDefault, allowsDefault: true) }

    var target: ProfileTarget {
        ProfileTarget(profile: profile.profileID, ssid: profile.ssid, isDefault: isDefault, domain: profile.domain)
    }
}
