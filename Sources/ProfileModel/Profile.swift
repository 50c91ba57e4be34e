public import Foundation

/// One 802.1X profile: where it applies, how to authenticate, and how to validate the server. Holds no secrets.
///
/// A `Profile` value may be invalid (decoding does not validate); call ``validated()`` or
/// ``ProfileValidator/problems(in:now:)`` before using it.
public struct Profile: Sendable, Hashable, Codable, Identifiable {
    /// The stable identity.
    public var id: ProfileID
    /// The user-visible name (eapolcfg's `UserDefinedName`).
    public var name: String
    /// The network the profile applies to.
    public var binding: NetworkBinding
    /// The EAP method and identities.
    public var eap: EAPSettings
    /// Server validation settings.
    public var trust: TrustSettings
    /// When the profile was created, truncated to whole seconds (the JSON keeps whole seconds).
    public var createdAt: Date
    /// What applications keep in the profile (eapolcfg `setProfileInformation`); empty for most profiles.
    public var information: ProfileInformation
    /// Fast roaming (Wi-Fi profiles); nil behaves as ``RoamingMode/none`` and is not written to the JSON.
    public var roaming: RoamingMode? = nil

    /// Creates a profile.
    /// - Parameters:
    ///   - id: the identity; a new random one by default.
    ///   - name: the user-visible name.
    ///   - binding: Wi-Fi network or wired.
    ///   - eap: EAP settings.
    ///   - trust: server validation settings.
    ///   - createdAt: creation time (truncated to whole seconds); now by default.
    ///   - information: what applications keep in the profile; none by default.
    public init(id: ProfileID = .new(), name: String, binding: NetworkBinding, eap: EAPSettings,
                trust: TrustSettings = TrustSettings(), createdAt: Date = Date(),
                information: ProfileInformation = ProfileInformation()) {
        self.id = id
        self.name = name
        self.binding = binding
        self.eap = eap
        self.trust = trust
        self.createdAt = Date(timeIntervalSince1970: createdAt.timeIntervalSince1970.rounded(.down))
        self.information = information
    }

    /// The SSID of a Wi-Fi profile, nil for wired.
    public var ssid: SSID? { binding.ssid }
    /// True for wired profiles.
    public var isWired: Bool { binding.isWired }
    /// The security type (`wired` for wired profiles).
    public var security: SecurityType { binding.security }
    /// True when the profile turns off server certificate validation, uses LEAP (no server certificate at all), or
    /// allows anonymous EAP-FAST PAC provisioning (a provisioning exchange that authenticates no server).
    public var isInsecure: Bool {
        trust.insecureNoServerValidation || eap.outer == .leap || eap.allowsAnonymousPACProvisioning
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, binding, eap, trust, createdAt, information, roaming
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ProfileID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        binding = try c.decode(NetworkBinding.self, forKey: .binding)
        eap = try c.decode(EAPSettings.self, forKey: .eap)
        trust = try c.decodeIfPresent(TrustSettings.self, forKey: .trust) ?? TrustSettings()
        let created = try c.decode(String.self, forKey: .createdAt)
        guard let date = Self.parseDate(created) else {
            throw DecodingError.dataCorruptedError(
                forKey: .createdAt, in: c, debugDescription: "'\(created)' is not an ISO 8601 date such as 2024-05-01T12:00:00Z")
        }
        createdAt = date
        information = try c.decodeIfPresent(ProfileInformation.self, forKey: .information) ?? ProfileInformation()
        roaming = try c.decodeIfPresent(RoamingMode.self, forKey: .roaming)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(binding, forKey: .binding)
        try c.encode(eap, forKey: .eap)
        try c.encode(trust, forKey: .trust)
        try c.encode(Self.formatDate(createdAt), forKey: .createdAt)
        if !information.isEmpty { try c.encode(information, forKey: .information) }
        try c.encodeIfPresent(roaming, forKey: .roaming)
    }

    static func formatDate(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
