/// What a roaming mode means for wpa_supplicant's network block: the one mapping the live connection
/// (`NetworkSpec.roaming` → `NetworkConfiguration`) and the `wpa_supplicant` export both use, so the two cannot drift
/// apart.
extension RoamingMode {
    /// The `key_mgmt` value for `base`, the security type's own AKMs (space-separated): `auto` adds `FT-EAP`, `ft`
    /// replaces them with `FT-EAP`, `okc` and `none` keep them. WPA3-Enterprise 192-bit (`WPA-EAP-SUITE-B-192`)
    /// keeps its AKM in every mode: eapolctl does not configure its FT variant (FT-EAP-SHA384).
    /// - Parameter base: the security type's AKMs, e.g. `WPA-EAP WPA-EAP-SHA256`.
    /// - Returns: the AKMs the network is configured with.
    public func keyManagement(base: String) -> String {
        guard base != "WPA-EAP-SUITE-B-192" else { return base }
        switch self {
        case .auto: return base + " FT-EAP"
        case .ft: return "FT-EAP"
        case .okc, .none: return base
        }
    }

    /// Whether `proactive_key_caching=1` (opportunistic key caching) goes with the network: `auto` and `okc`.
    public var opportunisticKeyCaching: Bool { self == .auto || self == .okc }

    /// Whether the configured AKMs include fast transition (802.11r) for `base`; see ``keyManagement(base:)``.
    public func usesFastTransition(base: String) -> Bool {
        keyManagement(base: base).split(separator: " ").contains("FT-EAP")
    }
}
