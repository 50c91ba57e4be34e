/// How a Wi-Fi profile roams between access points of its SSID (`--roaming`; see Docs/watch.md, "Roaming"):
/// `auto` (FT-EAP when the access point offers 802.11r, else OKC with PMKSA caching), `ft` (FT-EAP only), `okc`
/// (opportunistic key caching), `none` (full EAP on each new access point). A profile without the setting behaves
/// as `none` (what eapolctl configured before the setting existed).
public enum RoamingMode: String, Sendable, Hashable, Codable, CaseIterable {
    case auto, ft, okc, none
}
