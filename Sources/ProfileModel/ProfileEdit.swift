/// A change to one field of a profile: give it a new value, or clear it (optional fields only).
public enum FieldAssignment<Value: Sendable & Hashable>: Sendable, Hashable {
    case set(Value)
    case clear

    /// The value the field has afterwards.
    var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }
}

/// Which embedded CA certificates an edit removes.
public enum CertificateRemoval: Sendable, Hashable {
    /// Every embedded CA certificate.
    case all
    /// The certificates with these SHA-256 fingerprints (normalised as ``TrustSettings/normalizedPin(_:)`` does);
    /// each must be in the profile.
    case fingerprints([String])
}

/// What `profile edit` changes in a profile: every property left nil (or empty) keeps the profile's value.
///
/// Applied by ``Profile/applying(_:now:)``, which checks the result exactly as `profile create` checks a new
/// profile (``Profile/validated(now:)``) and keeps the profile's ID and creation time. List changes remove first,
/// then add, so `removeCACertificates: .all` with `addCACertificates` replaces the trusted CAs.
public struct ProfileEdit: Sendable, Hashable {
    /// A new user-visible name.
    public var name: String?
    /// A new SSID; a wired profile becomes a Wi-Fi profile (security ``SecurityType/wpa2`` unless ``security`` says).
    public var ssid: SSID?
    /// A new Wi-Fi security type (not `wired`: use ``makeWired``).
    public var security: SecurityType?
    /// Whether the SSID is hidden (Wi-Fi profiles only).
    public var hidden: Bool?
    /// Turns a Wi-Fi profile into a wired one (no SSID, security or hidden flag any more).
    public var makeWired = false
    /// The interface a wired profile is restricted to (wired profiles only).
    public var wiredInterface: FieldAssignment<String>?
    /// A new outer EAP method. The inner method stays when it fits the new method, else becomes the new method's
    /// default (MSCHAPv2 for PEAP and TTLS, none for TLS).
    public var method: EAPMethod?
    /// A new inner method.
    public var inner: InnerMethod?
    public var username: FieldAssignment<String>?
    public var outerIdentity: FieldAssignment<String>?
    /// Whether the profile uses one-time passwords (nothing stored; asked for at each authentication).
    public var oneTimePassword: Bool?
    /// Whether the broken LEAP method is allowed (a LEAP profile without it is invalid).
    public var insecureAllowLEAP: Bool?
    /// A new EAP-FAST PAC provisioning mode (the profile then uses a PAC). Given for another method, the profile
    /// fails validation (`unexpected-fast-settings`).
    public var fastProvisioning: PACProvisioning?
    /// CA certificates to embed (one already embedded is left as it is).
    public var addCACertificates: [TrustedCertificate] = []
    /// CA certificates to remove.
    public var removeCACertificates: CertificateRemoval?
    public var useSystemCAs: Bool?
    /// Server-name constraints to add (one already present is left as it is).
    public var addServerNames: [ServerNameConstraint] = []
    /// Server-name constraints to remove; each must be in the profile.
    public var removeServerNames: [ServerNameConstraint] = []
    /// Server certificate pins to add, normalised (``TrustSettings/normalizedPin(_:)``).
    public var addPins: [String] = []
    /// Server certificate pins to remove, normalised; each must be in the profile.
    public var removePins: [String] = []
    public var tlsMinVersion: FieldAssignment<TLSVersion>?
    public var tlsMaxVersion: FieldAssignment<TLSVersion>?
    public var allowLegacyTLS: Bool?
    public var insecureNoServerValidation: Bool?
    /// Fast roaming (Wi-Fi profiles).
    public var roaming: RoamingMode?

    /// An edit that changes nothing; set the fields to change.
    public init() {}

    /// True when the edit names no change at all.
    public var isEmpty: Bool { self == ProfileEdit() }
}
