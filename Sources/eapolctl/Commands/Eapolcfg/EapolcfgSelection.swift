import ArgumentParser
import StructuredErrors

/// eapolcfg's way of naming a profile or item: `--profileID`, `--SSID`, `--domain` (and `--default` for items).
/// eapolcfg also takes the lower-case spellings `--profileid` and `--ssid`.
struct EapolcfgSelection: ParsableArguments {
    @Option(name: [.customLong("profileID"), .customLong("profileid")], help: "The profile's ID (or name).")
    var profileID: String?
    @Option(name: [.customLong("SSID"), .customLong("ssid")], help: "The SSID (text, or hex:...).") var ssid: String?
    @Option(name: .customLong("domain"), help: "Hotspot 2.0 domain (not supported on Linux).") var domain: String?

    /// - Parameter isDefault: whether `--default` was given, for the commands that accept it.
    func check(allowDefault isDefault: Bool = false, allowsDefault: Bool = false) throws {
        if let domain {
            throw UsageError(.invalidArgument, "--domain \(domain): Hotspot 2.0 (Passpoint) profiles are not supported",
                             hint: "Name the profile with --profileID or --SSID.")
        }
        try requireExactlyOne([profileID != nil, ssid != nil, isDefault],
                              "name exactly one of --profileID, --SSID" + (allowsDefault ? " or --default" : ""),
                              hint: "eapolctl profile list shows the profiles' IDs and SSIDs.")
    }

    var lookup: ProfileLookup { ProfileLookup(reference: profileID, ssid: ssid) }

    func target(isDefault: Bool) -> CredentialTarget {
        CredentialTarget(profile: profileID, ssid: ssid, isDefault: isDefault)
    }
}
