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
    /// One-time passwords (eapolcfg's `OneTimeUserPassword`): no password is ever stored for the profile; each
    /// authentication asks for it (a terminal prompt or `--password-stdin`), so nothing can re-authenticate unattended.
    public var oneTimePassword: Bool
    /// The explicit switch (`--insecure-allow-leap`) without which a LEAP profile is invalid (``EAPMethod/leap``).
    /// Recorded in the profile; every display of it warns loudly.
    public var insecureAllowLEAP: Bool
    /// The PAC settings of an EAP-FAST profile (nil for other methods; a FAST profile without them uses a PAC and
    /// allows no provisioning). The PAC itself is in the credential store.
    public var fast: FASTSettings?

    /// Creates EAP settings, filling the default inner method of tunnelled methods.
    /// - Parameters:
    ///   - outer: the outer EAP method.
    ///   - inner: the inner method; nil means ``EAPMethod/defaultInnerMethod`` (MSCHAPv2 for PEAP and TTLS).
    ///     Under PEAP and EAP-FAST, `eapMSCHAPv2` is normalised to `mschapv2` (their MSCHAPv2 is always EAP-MSCHAPv2).
    ///   - username: the inner identity.
    ///   - outerIdentity: the anonymous outer identity.
    ///   - oneTimePassword: the password is asked for at each authentication and never stored.
    ///   - insecureAllowLEAP: the user allowed the broken LEAP method explicitly.
    ///   - fast: the EAP-FAST PAC settings.
    public init(outer: EAPMethod, inner: InnerMethod? = nil, username: String? = nil, outerIdentity: String? = nil,
                oneTimePassword: Bool = false, insecureAllowLEAP: Bool = false, fast: FASTSettings? = nil) {
        self.outer = outer
        self.inner = Self.normalised(inner, for: outer) ?? outer.defaultInnerMethod
        self.username = username
        self.outerIdentity = outerIdentity
        self.oneTimePassword = oneTimePassword
        self.insecureAllowLEAP = insecureAllowLEAP
        self.fast = fast
    }

    private enum CodingKeys: String, CodingKey {
        case outer, inner, username, outerIdentity, oneTimePassword, insecureAllowLEAP, fast
    }

    /// Decodes without filling defaults, so a missing inner method is reported by validation.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        outer = try container.decode(EAPMethod.self, forKey: .outer)
        inner = Self.normalised(try container.decodeIfPresent(InnerMethod.self, forKey: .inner), for: outer)
        username = try container.decodeIfPresent(String.self, forKey: .username)
        outerIdentity = try container.decodeIfPresent(String.self, forKey: .outerIdentity)
        oneTimePassword = try container.decodeIfPresent(Bool.self, forKey: .oneTimePassword) ?? false
        insecureAllowLEAP = try container.decodeIfPresent(Bool.self, forKey: .insecureAllowLEAP) ?? false
        fast = try container.decodeIfPresent(FASTSettings.self, forKey: .fast)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outer, forKey: .outer)
        try container.encodeIfPresent(inner, forKey: .inner)
        try container.encodeIfPresent(username, forKey: .username)
        try container.encodeIfPresent(outerIdentity, forKey: .outerIdentity)
        // Written only when set, so profiles without it keep their JSON byte for byte.
        if oneTimePassword { try container.encode(true, forKey: .oneTimePassword) }
        if insecureAllowLEAP { try container.encode(true, forKey: .insecureAllowLEAP) }
        try container.encodeIfPresent(fast, forKey: .fast)
    }

    private static func normalised(_ inner: InnerMethod?, for outer: EAPMethod) -> InnerMethod? {
        if outer == .peap || outer == .fast, inner == .eapMSCHAPv2 { return .mschapv2 }
        return inner
    }
}
