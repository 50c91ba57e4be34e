import StructuredErrors
import Foundation

/// The inner (phase 2) authentication inside a PEAP or TTLS tunnel.
///
/// Under PEAP the inner method is always an EAP method: `mschapv2` means EAP-MSCHAPv2 and `gtc` EAP-GTC.
/// Under TTLS, `pap`, `chap`, `mschap` and `mschapv2` are the non-EAP (RADIUS attribute) forms and `eapMSCHAPv2`
/// is EAP-MSCHAPv2 tunnelled as EAP.
public enum InnerMethod: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case pap
    case chap
    case mschap
    case mschapv2
    case eapMSCHAPv2 = "eap-mschapv2"
    case gtc

    /// Parses eapolcfg's `TTLSInnerAuthentication` values `PAP`, `CHAP`, `MSCHAP`, `MSCHAPv2`, plus
    /// `EAP-MSCHAPv2` and `GTC` (`EAP-GTC`), case-insensitively.
    /// - Throws: ``ProfileError`` `invalid-inner-method` for anything else.
    public init(parsing text: String) throws {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "pap": self = .pap
        case "chap": self = .chap
        case "mschap", "ms-chap": self = .mschap
        case "mschapv2", "ms-chapv2", "mschap-v2", "ms-chap-v2": self = .mschapv2
        case "eap-mschapv2", "eap-ms-chapv2", "eapmschapv2", "26": self = .eapMSCHAPv2
        case "gtc", "eap-gtc": self = .gtc
        default:
            throw ProfileError(
                .invalidInnerMethod,
                "unknown inner method '\(text)'; accepted: PAP, CHAP, MSCHAP, MSCHAPv2, EAP-MSCHAPv2, GTC",
                details: ["innerMethod": .string(text)])
        }
    }

    /// The conventional name, e.g. `MSCHAPv2`, `EAP-MSCHAPv2`.
    public var displayName: String {
        switch self {
        case .pap: "PAP"
        case .chap: "CHAP"
        case .mschap: "MSCHAP"
        case .mschapv2: "MSCHAPv2"
        case .eapMSCHAPv2: "EAP-MSCHAPv2"
        case .gtc: "GTC"
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = InnerMethod(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown inner method '\(text)'; accepted: pap, chap, mschap, mschapv2, eap-mschapv2, gtc")
        }
        self = value
    }
}
