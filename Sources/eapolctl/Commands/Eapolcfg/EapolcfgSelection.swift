import ArgumentParser
import StructuredErrors

/// eapolcfg's way of naming a profile or item: `--profileID`, `--SSID`, `--domain` (and `--default` for items).
struct EapolcfgSelection: ParsableArguments {
    @Option(name: .customLong("profileID"), help: "The profile's ID (or name).") var profileID: String?
    @Option(name: .customLong("SSID"), help: "The SSID (text, or hex:...).") var ssid: String?
    @Option(name: .customLong("domain"), help: "Hotspot 2.0 domain (not supported on Linux).") var domain: String?

    func check(allowDefault isDefault: Bool = false) throws {
        if let domain {
            throw UsageError(.invalidArgument, "--domain \(domain): Hotspot 2.0 (Passpoint) profiles are not supported",
                             hint: "Name the profile with --profileID or --SSID.")
        }
        if [profileID != nil, ssid != nil, isDefault].filter({ $0 }).count != 1 {
            throw UsageError(.missingArgument, "name exactly one of --profileID or --SSID" + (isDefault ? " or --default" : ""))
        }
    }

    var lookup: ProfileLookup { ProfileLookup(reference: profileID, ssid: ssid) }

    func target(isDefault: Bool) -> CredentialTarget {
        CredentialTarget(profile: profileID, ssid: ssid, isDefault: isDefault)
    }
}
