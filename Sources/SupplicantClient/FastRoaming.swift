import ProfileModel

/// How a Wi-Fi network roams between access points of the same SSID (see Docs/watch.md, "Roaming").
///
/// - `auto`: FT-EAP (IEEE 802.11r) when the access point advertises it, else WPA-EAP with opportunistic key caching
///   (OKC) and PMKSA caching: `key_mgmt` gains `FT-EAP`, `proactive_key_caching=1`.
/// - `ft`: FT-EAP only (an access point without 802.11r is not joined).
/// - `okc`: the profile's AKM with `proactive_key_caching=1` (a roam to an AP that shares the PMK skips EAP).
/// - `none`: the profile's AKM, no OKC (each new access point runs full EAP; a return to one already visited may
///   still use its cached PMKSA).
public enum FastRoaming: String, Sendable, Hashable, CaseIterable {
    case auto, ft, okc, none

    /// The `key_mgmt` value for `base` (the security type's own AKMs, space-separated); `base` itself when FT does
    /// not apply (WPA3-Enterprise 192-bit, whose FT variant eapolctl does not configure). The mapping lives in
    /// ``RoamingMode/keyManagement(base:)`` (ProfileModel), shared with the wpa_supplicant export.
    public func keyManagement(base: String) -> String { mode.keyManagement(base: base) }

    /// Whether `proactive_key_caching=1` goes with the network.
    public var opportunisticKeyCaching: Bool { mode.opportunisticKeyCaching }

    /// The profile's mode this stands for; exhaustive both ways, so a mode added on one side only does not compile.
    var mode: RoamingMode {
        switch self {
        case .auto: .auto
        case .ft: .ft
        case .okc: .okc
        case .none: RoamingMode.none
        }
    }
}
