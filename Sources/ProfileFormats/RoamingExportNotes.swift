import ProfileModel

/// What NetworkManager and iwd make of a profile's roaming mode (`--roaming`), which neither can set per network: the
/// NetworkManager and iwd exporters report every difference from what eapolctl's own connection configures
/// (``RoamingMode/keyManagement(base:)``) as a note, never dropping it silently (Docs/formats.md, "Roaming in exports").
///
/// A profile without the setting gets no note: its owner chose nothing, and each program's own default applies.
enum RoamingExportNotes {
    /// NetworkManager 1.42 (`nm-supplicant-config.c`): for `key-mgmt=wpa-eap` it adds `FT-EAP` (and `FT-EAP-SHA384`)
    /// whenever wpa_supplicant supports 802.11r, for `wpa-eap-suite-b-192` `FT-EAP-SHA384`, and for both
    /// `proactive_key_caching=1`. The keyfile has no setting that changes either.
    static func networkManager(_ roaming: RoamingMode?, security: SecurityType) -> String? {
        guard security.isWiFi, let mode = roaming else { return nil }
        let base = security == .wpa3_192 ? "WPA-EAP-SUITE-B-192" : "WPA-EAP"
        var differences: [String] = []
        if !mode.usesFastTransition(base: base) {
            differences.append(security == .wpa3_192
                ? "adds FT-EAP-SHA384 (802.11r) when wpa_supplicant supports it"
                : "adds FT-EAP (802.11r) when wpa_supplicant supports it")
        } else if mode == .ft {
            differences.append("keeps WPA-EAP beside FT-EAP, so access points without 802.11r are joined too")
        }
        if !mode.opportunisticKeyCaching { differences.append("turns on opportunistic key caching (proactive_key_caching=1)") }
        guard !differences.isEmpty else { return nil }
        return "roaming \(mode.rawValue) cannot be expressed for NetworkManager: its key file has no roaming setting, and for "
            + "key-mgmt=\(security == .wpa3_192 ? "wpa-eap-suite-b-192" : "wpa-eap") NetworkManager "
            + differences.joined(separator: " and ")
    }

    /// iwd (2.3, Debian bookworm): no network-file key for FT or key caching. It picks FT-8021X by itself when the
    /// access point advertises it with a mobility domain (`wiphy_select_akm`), has no opportunistic key caching, and
    /// caches PMKSAs only from 3.2 on, for every network (`[General] DisablePMKSA` in main.conf turns that off).
    static func iwd(_ roaming: RoamingMode?, security: SecurityType) -> String? {
        guard security.isWiFi, let mode = roaming else { return nil }
        var differences: [String] = []
        // WPA3-Enterprise 192-bit: eapolctl configures no FT, and iwd 2.3 picks no FT AKM for it either.
        if security != .wpa3_192 {
            if !mode.usesFastTransition(base: "WPA-EAP") {
                differences.append("uses FT (802.11r) whenever the access point offers it")
            } else if mode == .ft {
                differences.append("joins access points without 802.11r too")
            }
        }
        if mode.opportunisticKeyCaching { differences.append("has no opportunistic key caching (a roam without FT runs full EAP)") }
        guard !differences.isEmpty else { return nil }
        return "roaming \(mode.rawValue) cannot be expressed for iwd: a network file has no roaming setting, and iwd "
            + differences.joined(separator: " and ")
    }
}
