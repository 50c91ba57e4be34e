/// What wpa_supplicant's interworking (Passpoint) selection reports, decoded from its signals.
public enum InterworkingEvent: Sendable, Equatable {
    /// `InterworkingAPAdded(o bss, o cred, a{sv})`: the access point `bss` matches the credential `credential`.
    case accessPointMatched(InterworkingMatch)
    /// `InterworkingSelectDone()`: the selection scan and its ANQP queries are over.
    case selectDone
    /// wpa_supplicant lost its bus name.
    case supplicantVanished
}

/// One access point the selection matched with a credential.
public struct InterworkingMatch: Sendable, Equatable {
    /// How the access point relates to the credential's home service provider.
    public enum Kind: String, Sendable, CaseIterable {
        /// Its ANQP domain list holds one of the credential's home domains.
        case home
        /// A roaming partner (matched by OI or realm, not a home domain).
        case roaming
        /// wpa_supplicant could not tell (no ANQP domain list).
        case unknown
    }

    /// The BSS object path (`…/BSSs/N`).
    public var bssPath: String
    /// The credential object path (`…/Credentials/N`).
    public var credentialPath: String
    public var kind: Kind
    /// The credential's `excluded_ssid` lists this network: wpa_supplicant would not pick it.
    public var excluded: Bool

    public init(bssPath: String, credentialPath: String, kind: Kind, excluded: Bool) {
        self.bssPath = bssPath
        self.credentialPath = credentialPath
        self.kind = kind
        self.excluded = excluded
    }
}
