import StructuredErrors
import Foundation

/// The link security of a profile: which WPA-Enterprise flavour (or wired 802.1X) it uses.
public enum SecurityType: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// WPA2-Enterprise (WPA-EAP, PMF optional).
    case wpa2
    /// WPA3-Enterprise: PMF required, SHA-256 AKM (WPA-EAP-SHA256).
    case wpa3
    /// WPA3-Enterprise 192-bit mode (Suite-B, WPA-EAP-SUITE-B-192); needs EAP-TLS.
    case wpa3_192 = "wpa3-192"
    /// WPA2/WPA3-Enterprise transition mode (WPA-EAP and WPA-EAP-SHA256, PMF optional).
    case wpa2_wpa3 = "wpa2-wpa3"
    /// Wired 802.1X (IEEE8021X); only meaningful with a wired binding.
    case wired

    /// Parses a security type: the raw values above, or eapolcfg's `WPA`, `WPA2` (both wpa2), `WPA3`, `Any`
    /// (wpa2-wpa3), case-insensitively; `_` may stand for `-`.
    /// - Throws: ``ProfileError`` `unsupported-security-type` for WEP, open networks and unknown names.
    public init(parsing text: String) throws {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "wpa2", "wpa", "wpa-enterprise", "wpa2-enterprise": self = .wpa2
        case "wpa3", "wpa3-enterprise": self = .wpa3
        case "wpa3-192", "wpa3-enterprise-192", "suite-b", "suiteb", "suite-b-192": self = .wpa3_192
        case "wpa2-wpa3", "any", "wpa2/wpa3", "transition": self = .wpa2_wpa3
        case "wired", "ethernet": self = .wired
        case "wep", "none", "open", "dynamicwep", "dynamic-wep":
            throw ProfileError(
                .unsupportedSecurityType,
                "security type '\(text)' is refused: WEP is broken and open networks have no 802.1X; 802.1X profiles need WPA2/WPA3-Enterprise",
                hint: "Use wpa2, wpa3, wpa3-192 or wpa2-wpa3 (eapolcfg's WPA, WPA2 and Any are accepted too).",
                details: ["securityType": .string(text)])
        default:
            throw ProfileError(
                .unsupportedSecurityType,
                "unknown security type '\(text)'; accepted: wpa2, wpa3, wpa3-192, wpa2-wpa3, wired (or eapolcfg's WPA, WPA2, Any)",
                details: ["securityType": .string(text)])
        }
    }

    /// True for the Wi-Fi security types (everything but `wired`).
    public var isWiFi: Bool { self != .wired }

    /// The name users see, e.g. `WPA3-Enterprise 192-bit`.
    public var displayName: String {
        switch self {
        case .wpa2: "WPA2-Enterprise"
        case .wpa3: "WPA3-Enterprise"
        case .wpa3_192: "WPA3-Enterprise 192-bit"
        case .wpa2_wpa3: "WPA2/WPA3-Enterprise"
        case .wired: "wired 802.1X"
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = SecurityType(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown security type '\(text)'; accepted: wpa2, wpa3, wpa3-192, wpa2-wpa3, wired")
        }
        self = value
    }
}
