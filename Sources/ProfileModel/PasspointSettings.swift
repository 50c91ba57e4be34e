public import Foundation

/// A roaming-consortium organization identifier (IEEE OUI-36/OUI-24 style): 3 or 5 bytes, written as hex
/// (`001bc50460` eduroam, `5a03ba0000` OpenRoaming).
public struct RoamingConsortiumOI: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The bytes, 3 or 5 of them.
    public let bytes: [UInt8]

    /// Parses hex with optional `:`/`-` separators (`001bc50460`, `00-1B-C5-04-60`), case-insensitively.
    /// - Throws: ``ProfileError`` `invalid-passpoint` naming the text when it is not 3 or 5 bytes of hex.
    public init(parsing text: String) throws {
        let digits = text.trimmingCharacters(in: .whitespaces).filter { $0 != ":" && $0 != "-" }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(after: index)
            guard next < digits.endIndex, let byte = UInt8(String(digits[index...next]), radix: 16),
                  digits[index].isHexDigit, digits[next].isHexDigit else { bytes = []; break }
            bytes.append(byte)
            index = digits.index(after: next)
        }
        guard bytes.count == 3 || bytes.count == 5 else {
            let shown = String(text.prefix(40).debugDescription.dropFirst().dropLast())
            throw ProfileError(.invalidPasspoint,
                               "roaming consortium OI '\(shown)' is not 3 or 5 bytes of hex (such as 001bc50460)",
                               hint: "Give each OI as 6 or 10 hex digits, e.g. --roaming-consortium 001bc50460.",
                               details: ["oi": .string(shown)])
        }
        self.bytes = bytes
    }

    /// Lowercase hex without separators, as wpa_supplicant and hostapd write it.
    public var hex: String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
    public var description: String { hex }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a roaming consortium OI (6 or 10 hex digits)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

/// Where a Passpoint (Hotspot 2.0) profile applies: no SSID, but what access points advertise over ANQP and in
/// their beacons — roaming-consortium OIs, NAI realms, the home operator's domain names.
public struct PasspointSettings: Sendable, Hashable, Codable {
    /// At most this many OIs (wpa_supplicant 2.10 keeps 36).
    public static let maximumRoamingConsortiums = 36
    /// At most this many home domains.
    public static let maximumDomains = 16

    /// The home operator's FQDNs: an access point listing one of them is the home network (else a roaming partner).
    public var homeDomains: [String]
    /// The NAI realm of the account (`example.edu`); nil matches by roaming consortium only.
    public var realm: String?
    /// Every roaming-consortium OI the account may use, in order.
    public var roamingConsortiums: [RoamingConsortiumOI]

    public init(homeDomains: [String], realm: String? = nil, roamingConsortiums: [RoamingConsortiumOI] = []) {
        self.homeDomains = homeDomains
        self.realm = realm
        self.roamingConsortiums = roamingConsortiums
    }

    private enum CodingKeys: String, CodingKey { case homeDomains, realm, roamingConsortiums }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        homeDomains = try c.decodeIfPresent([String].self, forKey: .homeDomains) ?? []
        realm = try c.decodeIfPresent(String.self, forKey: .realm)
        roamingConsortiums = try c.decodeIfPresent([RoamingConsortiumOI].self, forKey: .roamingConsortiums) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(homeDomains, forKey: .homeDomains)
        try c.encodeIfPresent(realm, forKey: .realm)
        try c.encode(roamingConsortiums, forKey: .roamingConsortiums)
    }

    /// Whether `name` is a domain name eapolctl accepts for a realm or home domain: ASCII letters, digits, `-`, `_`
    /// and inner dots, 1–253 characters (no control characters, quotes, spaces or separators of any export format).
    public static func isDomainName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 253 && !name.hasPrefix(".") && !name.hasSuffix(".") && !name.contains("..")
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "." || $0 == "_"
            }
    }

    /// The validation problems of these settings (field names under `binding.`).
    func problems(method: EAPMethod) -> [ValidationProblem] {
        var out: [ValidationProblem] = []
        func add(_ field: String, _ message: String, _ hint: String) {
            out.append(ValidationProblem(id: "invalid-passpoint", field: field, message: message, hint: hint))
        }
        if ![EAPMethod.peap, .ttls, .tls].contains(method) {
            add("eap.outer", "Passpoint credentials use PEAP, TTLS or TLS, not \(method.displayName)",
                "Choose --method peap, ttls or tls.")
        }
        if realm == nil && roamingConsortiums.isEmpty {
            add("binding.realm", "a Passpoint profile needs an NAI realm or at least one roaming consortium OI",
                "Give --realm REALM or --roaming-consortium OI.")
        }
        if let realm, !Self.isDomainName(realm) {
            add("binding.realm", "realm '\(String(realm.prefix(60).debugDescription.dropFirst().dropLast()))' is not a domain name",
                "Give the realm of your account, e.g. example.edu.")
        }
        if homeDomains.isEmpty {
            add("binding.homeDomains", "a Passpoint profile needs at least one home domain",
                "Give --domain with the home operator's domain name.")
        }
        if homeDomains.count > Self.maximumDomains {
            add("binding.homeDomains", "\(homeDomains.count) home domains; at most \(Self.maximumDomains)", "Keep the domains you need.")
        }
        for domain in homeDomains where !Self.isDomainName(domain) {
            add("binding.homeDomains",
                "home domain '\(String(domain.prefix(60).debugDescription.dropFirst().dropLast()))' is not a domain name",
                "Give a name such as example.edu.")
        }
        if roamingConsortiums.count > Self.maximumRoamingConsortiums {
            add("binding.roamingConsortiums",
                "\(roamingConsortiums.count) roaming consortium OIs; at most \(Self.maximumRoamingConsortiums)",
                "Keep the OIs you need.")
        }
        if Set(roamingConsortiums).count != roamingConsortiums.count {
            add("binding.roamingConsortiums", "a roaming consortium OI is listed twice", "List each OI once.")
        }
        return out
    }
}
