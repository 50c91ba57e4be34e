public import SupplicantClient

/// What wpa_supplicant's interworking selection matched for a Passpoint profile: the access point eapolctl then
/// connects to, and why it matched. JSON: `passpoint` in `auth start --json`.
public struct PasspointSelection: Sendable, Equatable, Encodable {
    /// The SSID as text (escaped when not printable UTF-8), and as hex.
    public var ssid: String
    public var ssidHex: String
    /// `aa:bb:cc:dd:ee:ff`.
    public var bssid: String
    /// MHz; 0 when unknown.
    public var frequency: Int
    /// `home` (a home domain is listed), `roaming` or `unknown`.
    public var match: InterworkingMatch.Kind
    /// The first of the profile's OIs the beacon advertises; nil when the match came from the realm, a home domain or
    /// an OI advertised only over ANQP (wpa_supplicant 2.10 does not expose ANQP lists over D-Bus).
    public var roamingConsortium: String?
    /// How many access points matched the credential in this selection.
    public var candidates: Int
    /// How long the selection took (credential, scan, ANQP, matches), in milliseconds. The report's other times
    /// (`elapsedMs`, event times) count from the connection to the matched SSID, which starts after it.
    public var selectionMs: Double = 0

    public init(ssid: String, ssidHex: String, bssid: String, frequency: Int, match: InterworkingMatch.Kind,
                roamingConsortium: String?, candidates: Int) {
        self.ssid = ssid
        self.ssidHex = ssidHex
        self.bssid = bssid
        self.frequency = frequency
        self.match = match
        self.roamingConsortium = roamingConsortium
        self.candidates = candidates
    }
}

extension InterworkingMatch.Kind: Encodable {}
