import Foundation
import ProfileModel
import StructuredErrors

/// Passpoint profiles in eapolcfg plists: eapolcfg's `WLAN` → `Domain` (its `createProfile --domain`) holds the first
/// home domain; eapolctl's extras (`PasspointHomeDomains`, `PasspointRealm`, `PasspointRoamingConsortiums`) keep the
/// rest, so JSON → eapolcfg → JSON is lossless.
extension EapolcfgPlist {
    /// The `WLAN` dictionary and the extras of a Passpoint binding.
    static func passpointKeys(_ settings: PasspointSettings) -> (wlan: [String: Any], extra: [String: Any]) {
        var extra: [String: Any] = [
            "PasspointHomeDomains": settings.homeDomains,
            "PasspointRoamingConsortiums": settings.roamingConsortiums.map(\.hex),
        ]
        if let realm = settings.realm { extra["PasspointRealm"] = realm }
        return (["Domain": settings.homeDomains.first ?? "", "SecurityType": "WPA2"], extra)
    }

    /// The Passpoint binding of a plist whose `WLAN` has a `Domain` and no `SSID`.
    static func passpointBinding(wlan: [String: Any], extra: [String: Any], source: String) throws -> NetworkBinding {
        let domain = try PlistSupport.string(wlan["Domain"] as Any, field: "WLAN.Domain", source: source)
        var domains = [domain]
        if let raw = extra["PasspointHomeDomains"] {
            domains = try PlistSupport.strings(raw, field: "Information.\(informationKey).PasspointHomeDomains", source: source)
        }
        let realm = try extra["PasspointRealm"].map {
            try PlistSupport.string($0, field: "Information.\(informationKey).PasspointRealm", source: source)
        }
        let ois = try extra["PasspointRoamingConsortiums"].map {
            try PlistSupport.strings($0, field: "Information.\(informationKey).PasspointRoamingConsortiums", source: source)
        } ?? []
        // eapolcfg's own profiles carry only the domain: it doubles as the realm, as eapolcfg's Hotspot 2.0 profiles use it.
        return .passpoint(PasspointSettings(homeDomains: domains, realm: realm ?? (extra["PasspointRoamingConsortiums"] == nil ? domain : nil),
                                            roamingConsortiums: try ois.enumerated().map {
                                                try oi($0.element, field: "Information.\(informationKey).PasspointRoamingConsortiums[\($0.offset)]",
                                                       source: source)
                                            }))
    }

    /// One OI of the plist; a malformed one is `profile.invalid-passpoint` naming the file and the key as well as the text.
    static func oi(_ text: String, field: String, source: String) throws -> RoamingConsortiumOI {
        do {
            return try RoamingConsortiumOI(parsing: text)
        } catch let error as ProfileError {
            var details = error.details
            details["file"] = .string(source)
            details["field"] = .string(field)
            throw ProfileError(error.code, "\(source): key '\(field)': \(error.message)", hint: error.hint, details: details)
        }
    }
}
