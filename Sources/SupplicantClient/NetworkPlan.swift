/// What to send to wpa_supplicant for one authentication attempt: blobs first, then the ordered network properties.
public struct NetworkPlan: Sendable {
    /// The network properties, in the order they are sent.
    public let properties: [(key: String, value: NetworkValue)]
    /// Blobs to add before `AddNetwork` and to remove afterwards.
    public let blobs: [NetworkBlob]
    /// The trust anchor this attempt uses.
    public let anchor: TrustAnchor
    /// Every trust anchor the spec allows, in the order they should be tried.
    public let trustCandidates: [TrustAnchor]
    /// True when the server is not validated at all: callers must say so loudly.
    public let insecureNoServerValidation: Bool
    /// Decisions the caller may want to show (for example a CA ignored because a pin was given).
    public let warnings: [String]
    /// The blob wpa_supplicant reads the EAP-FAST PAC from and writes a provisioned or refreshed PAC into
    /// (`pac_file="blob://NAME"`); read it back with `GetBlob` after the attempt, before removing the blobs.
    public internal(set) var pacBlobName: String? = nil

    /// The names of all blobs, for removal after the attempt.
    public var blobNames: [String] { blobs.map(\.name) }

    /// The value of `key`, if the plan sets it.
    public func value(for key: String) -> NetworkValue? {
        properties.first { $0.key == key }?.value
    }

    /// The keys in order.
    public var keys: [String] { properties.map(\.key) }
}
