import Foundation
import ProfileModel
import StructuredErrors

/// Writes an iwd Hotspot 2.0 file (`/var/lib/iwd/hotspot/NAME.conf`): a `[Hotspot]` section (`Name`, `Domain`,
/// `NAIRealmNames`, `RoamingConsortium`) and the same `[Security]` EAP settings and `[@pem@…]` sections as the
/// `.8021x` export. iwd 2.3 reads one roaming-consortium OI per file: the first is written, the others are named in
/// the notes.
enum IWDHotspotExporter {
    static func export(_ profile: Profile, settings: PasspointSettings, secrets: ExportSecrets?) throws -> ExportOutput {
        // The EAP part exactly as a Wi-Fi profile's: same refusals, same escaping.
        var carrier = profile
        carrier.binding = .wifi(ssid: try SSID(bytes: Array("passpoint".utf8)), security: .wpa2, hidden: false)
        let eapPart = try IWDExporter.export(carrier, secrets: secrets)
        var body = String(decoding: eapPart.bytes, as: UTF8.self)
        if let firstNewline = body.firstIndex(of: "\n") { body = String(body[body.index(after: firstNewline)...]) }

        var hotspot = ["Name=\(try IWDExporter.text(profile.name, "name", profile))"]
        var notes = eapPart.notes
        // Domain names and realms are validated as DNS names and OIs are hex: nothing in them needs escaping, but
        // they go through the same refusal as every other field.
        if let domain = settings.homeDomains.first {
            hotspot.append("Domain=\(try IWDExporter.text(domain, "binding.homeDomains[0]", profile))")
        }
        if settings.homeDomains.count > 1 {
            notes.append("iwd takes one home domain: \(settings.homeDomains.dropFirst().joined(separator: ", ")) not written")
        }
        if let realm = settings.realm {
            hotspot.append("NAIRealmNames=\(try IWDExporter.text(realm, "binding.realm", profile))")
        }
        if let first = settings.roamingConsortiums.first {
            hotspot.append("RoamingConsortium=\(first.hex)")
            if settings.roamingConsortiums.count > 1 {
                notes.append("iwd reads one roaming consortium OI per hotspot file: "
                    + settings.roamingConsortiums.dropFirst().map(\.hex).joined(separator: ", ") + " not written")
            }
        }
        let text = "# eapolctl profile \(profile.id)\n[Hotspot]\n" + hotspot.joined(separator: "\n") + "\n\n" + body
        return ExportOutput(bytes: Array(text.utf8), suggestedFileName: ProfileExporter.fileStem(profile) + ".conf",
                            notes: notes + ["install it as /var/lib/iwd/hotspot/\(ProfileExporter.fileStem(profile)).conf"],
                            containsSecrets: eapPart.containsSecrets)
    }
}
