/// A Hotspot 2.0 (Passpoint) credential for wpa_supplicant's `AddCred`: what an access point must advertise to be
/// chosen (home domains, NAI realm, roaming-consortium OIs) and how to authenticate there (``NetworkSpec``'s EAP
/// method, identities, trust and client identity; its binding is not used).
public struct PasspointCredential: Sendable {
    /// At most this many roaming-consortium OIs (wpa_supplicant 2.10's MAX_ROAMING_CONS is 36).
    public static let maximumRoamingConsortiums = 36
    /// At most this many home domains.
    public static let maximumDomains = 16

    /// The home service provider's FQDNs (`domain`, one entry each): an access point whose ANQP domain list holds one
    /// of them is the home network, else it is a roaming partner.
    public var homeDomains: [String]
    /// The NAI realm (`realm`); nil matches by roaming consortium only.
    public var realm: String?
    /// Every roaming-consortium OI (`roaming_consortiums`), 3 or 5 bytes each, in the profile's order.
    public var roamingConsortiums: [[UInt8]]
    /// EAP method, identities, trust anchors, client identity.
    public var network: NetworkSpec

    public init(homeDomains: [String], realm: String?, roamingConsortiums: [[UInt8]], network: NetworkSpec) {
        self.homeDomains = homeDomains
        self.realm = realm
        self.roamingConsortiums = roamingConsortiums
        self.network = network
    }

    /// An OI as lowercase hex, as wpa_supplicant and hostapd write it (`001bc50460`).
    public static func hex(_ oi: [UInt8]) -> String {
        oi.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

/// What to send for one Passpoint attempt: blobs first, then `AddCred` with the ordered properties.
public struct CredentialPlan: Sendable {
    /// The credential properties in order; `domain` may appear more than once (wpa_supplicant appends each).
    public let properties: [(key: String, value: NetworkValue)]
    /// Blobs to add before `AddCred` and to remove afterwards.
    public let blobs: [NetworkBlob]
    /// The trust anchor this credential uses.
    public let anchor: TrustAnchor
    /// Decisions the caller may want to show.
    public let warnings: [String]
    /// Network keys of the EAP mapping that a 2.10 credential has no key for (the connecting network carries them).
    public let omittedNetworkKeys: [String]

    /// The values of `key`, in order.
    public func values(for key: String) -> [NetworkValue] { properties.filter { $0.key == key }.map(\.value) }
    /// The keys in order.
    public var keys: [String] { properties.map(\.key) }
    /// The names of all blobs, for removal after the attempt.
    public var blobNames: [String] { blobs.map(\.name) }
}
