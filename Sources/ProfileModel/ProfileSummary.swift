/// The few facts `eapolctl profile list` prints for a profile; small, Codable, cheap to decode.
///
/// ``ProfileJSON/decodeSummary(_:source:)`` reads it from a profile file without parsing the embedded
/// certificates; a store may also keep an index of summaries next to the profiles.
public struct ProfileSummary: Sendable, Hashable, Codable {
    /// The profile's ID.
    public let id: ProfileID
    /// The user-visible name.
    public let name: String
    /// The SSID's display text (see ``SSID/displayText``), nil for wired profiles.
    public let ssid: String?
    /// The security type (`wired` for wired profiles).
    public let security: SecurityType
    /// The outer EAP method.
    public let method: EAPMethod
    /// The inner method, if any.
    public let inner: InnerMethod?
    /// True when the profile turns off server validation.
    public let insecure: Bool

    /// Creates a summary from its parts.
    public init(id: ProfileID, name: String, ssid: String?, security: SecurityType, method: EAPMethod,
                inner: InnerMethod?, insecure: Bool) {
        self.id = id
        self.name = name
        self.ssid = ssid
        self.security = security
        self.method = method
        self.inner = inner
        self.insecure = insecure
    }

    /// True for wired profiles.
    public var isWired: Bool { ssid == nil }

    /// One line for listings: `ID  name  ssid  security  method[/inner]  [INSECURE]`, tab-separated.
    public var line: String {
        let methodText = inner.map { "\(method.rawValue)/\($0.rawValue)" } ?? method.rawValue
        var fields = [id.description, name, ssid ?? "(wired)", security.rawValue, methodText]
        if insecure { fields.append("INSECURE") }
        return fields.joined(separator: "\t")
    }
}

extension Profile {
    /// The listing summary of this profile.
    public var summary: ProfileSummary {
        ProfileSummary(id: id, name: name, ssid: ssid?.displayText, security: security, method: eap.outer,
                       inner: eap.inner, insecure: isInsecure)
    }
}
