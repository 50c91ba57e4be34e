import ProfileModel
import StructuredErrors

/// The `cred={...}` block of a Passpoint profile in wpa_supplicant.conf: the matching keys (`realm`, one `domain` line
/// per home domain, `roaming_consortiums`), then the network block's EAP lines renamed to credential keys.
enum WPASupplicantCredLines {
    /// `realm`, `domain` and `roaming_consortiums` lines; values are validated domain names and hex, written quoted.
    static func matching(_ settings: PasspointSettings, profile: Profile) throws -> [String] {
        var lines: [String] = []
        if let realm = settings.realm {
            lines.append("realm=\"\(try name(realm, "binding.realm", profile))\"")
        }
        for (index, domain) in settings.homeDomains.enumerated() {
            lines.append("domain=\"\(try name(domain, "binding.homeDomains[\(index)]", profile))\"")
        }
        if !settings.roamingConsortiums.isEmpty {
            lines.append("roaming_consortiums=\"\(settings.roamingConsortiums.map(\.hex).joined(separator: ","))\"")
        }
        return lines
    }

    /// A realm or domain, checked again here (the validator already did): only a domain name is written, between quotes.
    static func name(_ text: String, _ field: String, _ profile: Profile) throws -> String {
        _ = try ExporterText.field(text, field, profile: profile, format: .wpaSupplicant)
        guard PasspointSettings.isDomainName(text) else {
            throw ExporterText.refusal(profile, .wpaSupplicant, field, "is not a domain name")
        }
        return text
    }

    /// The network lines as credential lines: `identity` becomes `username`; `anonymous_identity` and `domain_match`
    /// have no credential key in wpa_supplicant 2.10 and are left out with a note; `scan_ssid`/`key_mgmt` never occur.
    static func credential(from lines: [String], profile: Profile, notes: inout [String]) throws -> [String] {
        var out: [String] = []
        for line in lines {
            if line.hasPrefix("identity=") {
                out.append("username=" + line.dropFirst("identity=".count))
            } else if line.hasPrefix("anonymous_identity=") {
                notes.append("wpa_supplicant credentials have no outer identity: eap.outerIdentity was not written")
            } else if line.hasPrefix("domain_match=") {
                throw ProfileExporter.unsupported(profile, .wpaSupplicant,
                    "wpa_supplicant credentials match server names as suffixes only (domain_suffix_match); "
                        + "the profile has exact server names")
            } else if line.hasPrefix("# password:") || line.hasPrefix("# private_key:") {
                out.append(line)
                notes.append("wpa_supplicant's interworking matches a credential only when its username and password "
                    + "(or client key) are present: export with --include-secrets for a usable cred block")
            } else {
                out.append(line)
            }
        }
        return out
    }
}
