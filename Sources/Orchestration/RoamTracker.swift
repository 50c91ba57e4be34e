public import SupplicantClient

/// A roam `watch` saw: the interface completed on another BSS than before.
public struct Roam: Sendable, Equatable {
    /// How the new access point was joined, as the signals in between show.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A full EAP exchange ran (EAP `started` between the two BSSes).
        case full
        /// No EAP; a 4-way handshake on a cached PMKSA (PMKSA caching or OKC).
        case pmksa
        /// Neither EAP nor a 4-way handshake: IEEE 802.11r fast BSS transition.
        case ft
    }

    /// BSSIDs, `aa:bb:cc:dd:ee:ff`.
    public var from: String
    public var to: String
    public var kind: Kind
    /// From leaving `completed` (or `CurrentBSS` changing, whichever came first) to `completed` on the new BSS.
    public var duration: Duration

    public init(from: String, to: String, kind: Kind, duration: Duration) {
        self.from = from
        self.to = to
        self.kind = kind
        self.duration = duration
    }
}

/// Follows the interface between two confirmed `completed` states and tells a roam from a re-authentication on the
/// same BSS. Pure: the caller feeds the signals and, at each confirmed `completed`, the BSSID wpa_supplicant reports
/// (`CurrentBSS`, read by a method call: a signal alone is not proof).
public struct RoamTracker: Sendable {
    /// The BSSID at the last confirmed `completed`; nil before the first.
    public private(set) var bssid: String?
    /// When the interface left `completed` (or `CurrentBSS` changed) since then.
    public private(set) var leftAt: ContinuousClock.Instant?
    private var sawEAP = false
    private var saw4Way = false

    public init(bssid: String? = nil) { self.bssid = bssid }

    /// Feeds one signal seen at `now`.
    public mutating func observe(_ event: AuthenticationEvent, at now: ContinuousClock.Instant) {
        switch event {
        case .stateChanged(let state) where state != .completed:
            if leftAt == nil { leftAt = now }
            if state == .fourWayHandshake { saw4Way = true }
        case .currentBSS:
            if leftAt == nil { leftAt = now }
        case .eapStatus(.started, _):
            sawEAP = true
        default:
            break
        }
    }

    /// The interface is confirmed `completed` on `bssid` at `now`: the roam, when `bssid` differs from the last one.
    /// Starts the next interval either way.
    public mutating func completed(on bssid: String?, at now: ContinuousClock.Instant) -> Roam? {
        defer {
            if let bssid { self.bssid = bssid }
            leftAt = nil
            sawEAP = false
            saw4Way = false
        }
        guard let previous = self.bssid, let bssid, bssid != previous else { return nil }
        let kind: Roam.Kind = sawEAP ? .full : saw4Way ? .pmksa : .ft
        return Roam(from: previous, to: bssid, kind: kind, duration: now - (leftAt ?? now))
    }

    /// Forgets the interval (a full authentication by watch itself, or the supplicant gone); keeps `bssid` when given.
    public mutating func reset(bssid: String?) {
        self.bssid = bssid
        leftAt = nil
        sawEAP = false
        saw4Way = false
    }
}
