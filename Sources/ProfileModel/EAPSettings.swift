/// The EAP part of a profile: outer method, inner method and the identities (never the password).
///
/// A profile has exactly one outer method. eapolcfg accepts several `--authType`s; importers keep the first
/// supported one (``EAPMethod/firstSupported(in:)``) because the inner method, identities and trust settings are
/// chosen for one method, and validating a list would let a weak fallback slip through.
public struct EAPSettings: Sendable, Hashable, Codable {
    /// The outer EAP method.
    public var outer: EAPMethod
    /// The inner method (PEAP, TTLS); nil for TLS.
    public var inner: InnerMethod?
    /// The inner identity (user name); for TLS the identity sent in EAP-Response/Identity.
    public var username: String?
    /// The outer (anonymous) identity sent in clear, e.g. `anonymous@example.org`.
    public var outerIdentity: String?

    /// Creates EAP settings, filling the default inner method of tunnelled methods.
    /// - Parameters:
    ///   - outer: the outer EAP method.
    ///   - inner: the inner method; nil means ``EAPMethod/defaultInnerMethod`` (MSCHAPv2 for PEAP and TTLS).
    ///     Under PEAP, `eapMSCHAPv2` is normalised to `mschapv2` (PEAP's MSCHAPv2 is always EAP-MSCHAPv2).
    ///   - username: the inner identity.
    ///   - outerIdentity: the anonymous outer identity.
    public init(outer: EAPMethod, inner: InnerMethod? = nil, username: String? = nil, outerIdentity: String? = nil) {
        self.outer = outer
        self.inner = Self.normalised(inner, for: outer) ?? outer.defaultInnerMethod
        self.username = username
        self.outerIdentity = outerIdentity
    }

    private enum CodingKeys: String, CodingKey {
        case outer, inner, username, outerIdentity
    }

    /// Decodes without filling defaults, so a missing inner method is reported by validation.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        outer = try container.decode(EAPMethod.self, forKey: .outer)
        inner = Self.normalised(try container.decodeIfPresent(InnerMethod.self, forKey: .inner), for: outer)
        username = try container.decodeIfPresent(String.self, forKey: .username)
        outerIdentity = try container.decodeIfPresent(String.self, forKey: .outerIdentity)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outer, forKey: .outer)
        try container.encodeIfPresent(inner, forKey: .inner)
        try container.encodeIfPresent(username, forKey: .username)
        try container.encodeIfPresent(outerIdentity, forKey: .outerIdentity)
    }

    private static func normalised(_ inner: InnerMethod?, for outer: EAPMethod) -> InnerMethod? {
        if outer == .peap, inner == .eapMSCHAPv2 { return .mschapv2 }
        return inner
    }
}
