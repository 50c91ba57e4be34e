public import StructuredErrors
import Foundation

/// The outer EAP method of a profile.
public enum EAPMethod: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Protected EAP (EAP type 25), with an inner EAP method.
    case peap
    /// EAP-TLS (EAP type 13): mutual certificate authentication, no password.
    case tls
    /// EAP-TTLS (EAP type 21), with an inner (phase 2) method.
    case ttls
    /// Cisco LEAP (EAP type 17): MS-CHAPv1 challenge/response in the clear, no TLS, no server certificate. Broken
    /// (offline dictionary attacks on a captured exchange); a profile may use it only with
    /// ``EAPSettings/insecureAllowLEAP`` set (`--insecure-allow-leap`).
    case leap
    /// EAP-FAST (EAP type 43, RFC 4851): a TLS tunnel keyed by a PAC (Protected Access Credential), with an inner
    /// MSCHAPv2 or GTC; the PAC settings are ``EAPSettings/fast``, the PAC itself lives in the credential store.
    case fast

    /// The IANA EAP type number (13, 17, 21, 25), as eapolcfg's `AcceptEAPTypes` uses.
    public var eapTypeNumber: Int {
        switch self {
        case .tls: 13
        case .leap: 17
        case .ttls: 21
        case .peap: 25
        case .fast: 43
        }
    }

    /// The conventional name, e.g. `PEAP`, `EAP-TLS`.
    public var displayName: String {
        switch self {
        case .peap: "PEAP"
        case .tls: "EAP-TLS"
        case .ttls: "EAP-TTLS"
        case .leap: "LEAP"
        case .fast: "EAP-FAST"
        }
    }

    /// Whether the method runs an inner (phase 2) authentication inside its TLS tunnel.
    public var isTunneled: Bool { self == .peap || self == .ttls || self == .fast }

    /// Whether the method authenticates with a user name and password (PEAP, TTLS, EAP-FAST, LEAP; not EAP-TLS).
    public var usesPassword: Bool { self != .tls }

    /// Whether the method runs TLS, so that the server certificate can (and must) be validated (not LEAP).
    public var usesTLS: Bool { self != .leap }

    /// Why LEAP is refused without the insecure switch.
    public static let leapBrokenReason = "LEAP is broken: MS-CHAPv1 based, offline dictionary attacks"

    /// The inner method used when none is given: MSCHAPv2 for PEAP and TTLS (eapolcfg's default), none for TLS.
    public var defaultInnerMethod: InnerMethod? {
        switch self {
        case .peap, .ttls, .fast: .mschapv2
        case .tls, .leap: nil
        }
    }

    /// The inner methods this outer method accepts (empty for TLS).
    public var allowedInnerMethods: [InnerMethod] {
        switch self {
        case .peap, .fast: [.mschapv2, .gtc]
        case .ttls: [.pap, .chap, .mschap, .mschapv2, .eapMSCHAPv2]
        case .tls, .leap: []
        }
    }

    public var description: String { rawValue }

    /// Methods eapolcfg knows that eapolctl refuses, by EAP type number.
    static let unsupported: [(number: Int, name: String, aliases: [String])] = [
        (4, "EAP-MD5", ["md5", "eap-md5"]),
        (18, "EAP-SIM", ["sim", "eap-sim"]),
        (23, "EAP-AKA", ["aka", "eap-aka"]),
        (26, "EAP-MSCHAPv2", ["mschapv2", "eap-mschapv2"]),
        (50, "EAP-AKA'", ["aka'", "eap-aka'", "aka-prime", "eap-aka-prime", "akaprime"]),
    ]

    /// Parses a method name (`PEAP`, `TTLS`, `TLS`, `EAP-TLS`, ... case-insensitive) or an EAP type number
    /// (13, 21, 25, 43) as eapolcfg's `--authType` accepts.
    /// - Parameter allowLEAP: LEAP (`leap`, 17) is accepted only when true (the user gave `--insecure-allow-leap`).
    /// - Throws: ``ProfileError`` `unsupported-eap-method`, naming the method when it is a known one eapolctl
    ///   does not support (EAP-SIM, EAP-AKA, EAP-AKA', EAP-MD5, bare EAP-MSCHAPv2), and for LEAP without
    ///   `allowLEAP` (details `insecureSwitch`).
    public init(parsing text: String, allowLEAP: Bool = false) throws {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch key {
        case "peap", "eap-peap", "25": self = .peap; return
        case "ttls", "eap-ttls", "21": self = .ttls; return
        case "tls", "eap-tls", "13": self = .tls; return
        case "fast", "eap-fast", "43": self = .fast; return
        case "leap", "17":
            guard allowLEAP else { throw Self.leapRefused() }
            self = .leap
            return
        default: break
        }
        let number = Int(key)
        if let known = Self.unsupported.first(where: { $0.number == number || $0.aliases.contains(key) }) {
            let extra = known.number == 26 ? " (it is supported only as the inner method of PEAP or TTLS)" : ""
            throw ProfileError(
                .unsupportedEAPMethod,
                "EAP method \(known.name) (type \(known.number)) is not supported by eapolctl\(extra); supported: PEAP (25), TTLS (21), TLS (13), EAP-FAST (43)",
                details: ["method": .string(known.name), "eapType": .int(known.number)])
        }
        throw ProfileError(
            .unsupportedEAPMethod,
            "unknown EAP method '\(text)'; supported: PEAP (25), TTLS (21), TLS (13), EAP-FAST (43)",
            details: ["method": .string(text)])
    }

    /// The refusal of LEAP without the insecure switch.
    public static func leapRefused() -> ProfileError {
        ProfileError(
            .unsupportedEAPMethod,
            "\(leapBrokenReason); it is refused unless explicitly allowed with --insecure-allow-leap",
            hint: "Use PEAP or TTLS if the network offers them; only if it offers nothing but LEAP, create the profile with "
                + "`eapolctl profile create --method leap --insecure-allow-leap` (eapolcfg: createProfile --authType LEAP "
                + "--insecure-allow-leap).",
            details: ["method": "LEAP", "eapType": .int(17), "insecureSwitch": "--insecure-allow-leap"])
    }

    /// Picks the first supported method of a list, as for eapolcfg's repeated `--authType` or `AcceptEAPTypes`.
    /// - Returns: the chosen method and the entries that were skipped (unsupported ones, and supported ones after the first).
    /// - Throws: ``ProfileError`` `unsupported-eap-method` naming every entry when none is supported, or when the list is empty.
    public static func firstSupported(in texts: [String], allowLEAP: Bool = false) throws -> (method: EAPMethod, skipped: [String]) {
        var chosen: EAPMethod?
        var skipped: [String] = []
        var failures: [String] = []
        for text in texts {
            if chosen != nil { skipped.append(text); continue }
            do {
                chosen = try EAPMethod(parsing: text, allowLEAP: allowLEAP)
            } catch let error as ProfileError {
                skipped.append(text)
                failures.append(error.message)
            }
        }
        guard let method = chosen else {
            throw ProfileError(
                .unsupportedEAPMethod,
                texts.isEmpty ? "no EAP method given; supported: PEAP (25), TTLS (21), TLS (13), EAP-FAST (43)"
                    : "none of the EAP methods \(texts.joined(separator: ", ")) is supported: \(failures.joined(separator: "; "))",
                details: ["methods": .list(texts)])
        }
        return (method, skipped)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = EAPMethod(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown EAP method '\(text)'; accepted: peap, ttls, tls, leap, fast")
        }
        self = value
    }
}
