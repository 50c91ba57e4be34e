/// A profile file format eapolctl reads or writes.
public enum ProfileFormat: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// The native eapolctl JSON profile (read and write).
    case json
    /// An eapolcfg `exportProfile` plist (read and write).
    case eapolcfg
    /// An Apple configuration profile, plain or CMS-signed (read only).
    case mobileconfig
    /// A GEANT eap-metadata document, as eduroam CAT and geteduroam serve (read only).
    case eapConfig = "eap-config"
    /// A wpa_supplicant.conf `network={...}` block (write only).
    case wpaSupplicant = "wpa-supplicant"
    /// An iwd `.8021x` network file (write only).
    case iwd
    /// A NetworkManager keyfile, `.nmconnection` (write only).
    case networkManager = "networkmanager"

    /// Formats `profile import` reads.
    public static let importable: [ProfileFormat] = [.json, .eapolcfg, .mobileconfig, .eapConfig]
    /// Formats `profile export` writes.
    public static let exportable: [ProfileFormat] = [.json, .eapolcfg, .wpaSupplicant, .iwd, .networkManager]

    /// Parses a format name as the command line accepts it (`nm` and `wpa_supplicant` are aliases).
    public init?(name: String) {
        switch name.lowercased() {
        case "json", "eapolctl": self = .json
        case "eapolcfg", "plist": self = .eapolcfg
        case "mobileconfig", "apple": self = .mobileconfig
        case "eap-config", "eapconfig", "eap-metadata": self = .eapConfig
        case "wpa-supplicant", "wpa_supplicant", "wpasupplicant": self = .wpaSupplicant
        case "iwd": self = .iwd
        case "networkmanager", "nm", "nmconnection": self = .networkManager
        default: return nil
        }
    }

    public var description: String { rawValue }
}
