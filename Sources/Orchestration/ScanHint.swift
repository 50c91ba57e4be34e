public import SupplicantClient

/// Frequencies to scan first when connecting a Wi-Fi profile: given with `--frequency`, or remembered from the
/// profile's last successful association (``AssociationMemory``). They go to wpa_supplicant as the network's
/// `scan_freq`, so its first scan covers those channels only instead of every channel; when that scan finds no
/// access point of the network, the attempt falls back to a full scan (``ScanHintMonitor``).
public struct ScanHint: Sendable, Equatable {
    /// Where the frequencies came from.
    public enum Source: String, Sendable, Equatable {
        /// `--frequency` on the command line.
        case given
        /// The state directory's record of the last association (see ``AssociationMemory``).
        case remembered
    }

    /// Channel centre frequencies in MHz, each checked with ``ChannelFrequency/isChannelCentre(_:)``.
    public var frequencies: [Int]
    /// BSSIDs seen on those frequencies (`aa:bb:cc:dd:ee:ff`); reported (the `scan-hint` event's `bssids`), not used
    /// to choose an access point (a remembered BSSID may no longer be the best one, and wpa_supplicant's own
    /// selection stays in charge).
    public var bssids: [String]
    public var source: Source
    /// The longest the hinted scan may take before the full scan starts, if no scan result says so earlier.
    public var limit: Duration
    /// How long after a hinted scan ends the association must have started; otherwise the scan found nothing usable.
    public var grace: Duration

    /// Default budget of the hinted scan (a one-channel scan takes 30–120 ms on hardware, ~0.3 s under emulation).
    public static let defaultLimit: Duration = .seconds(3)
    /// Default wait after a hinted scan ended for the association to begin.
    public static let defaultGrace: Duration = .milliseconds(500)

    public init(frequencies: [Int], bssids: [String] = [], source: Source, limit: Duration = ScanHint.defaultLimit,
                grace: Duration = ScanHint.defaultGrace) {
        self.frequencies = frequencies
        self.bssids = bssids
        self.source = source
        self.limit = limit
        self.grace = grace
    }
}

/// Decides, from the interface's signals after SelectNetwork, whether the hinted scan found the network (the state
/// moves on to authenticating/associating) or not (a scan ended and nothing started within the grace time, the state
/// fell back to disconnected after a scan, or the limit passed). Pure: times are offsets from the selection.
public struct ScanHintMonitor: Sendable, Equatable {
    /// What the caller should do.
    public enum Decision: Sendable, Equatable {
        /// Nothing decided yet.
        case wait
        /// The hint found the network; stop watching.
        case matched
        /// Scan every channel now.
        case fallBack(Reason)
    }

    /// Why the hint was given up.
    public enum Reason: String, Sendable, Equatable {
        /// A hinted scan ended without the association starting.
        case noMatch = "no-match"
        /// No hinted scan ended within the limit.
        case timeout
    }

    public let hint: ScanHint
    /// When the attempt selected the network.
    public let selectedAt: Duration
    /// When the first successful hinted scan ended; nil until then.
    public private(set) var scanDoneAt: Duration?
    /// The decision once made (`matched` or `fallBack`); later inputs change nothing.
    public private(set) var decided: Decision = .wait

    public init(hint: ScanHint, selectedAt: Duration) {
        self.hint = hint
        self.selectedAt = selectedAt
    }

    /// States that mean wpa_supplicant chose a BSS of the network.
    static let associationStates: Set<SupplicantState> = [
        .authenticating, .associating, .associated, .fourWayHandshake, .groupHandshake, .completed,
    ]

    /// Feeds one event seen at `now`.
    public mutating func observe(_ event: AuthenticationEvent, at now: Duration) -> Decision {
        guard decided == .wait else { return .wait }
        switch event {
        case .stateChanged(let state) where Self.associationStates.contains(state):
            return decide(.matched)
        case .stateChanged(let state) where state == .disconnected || state == .inactive:
            // SelectNetwork itself may pass through disconnected before the first scan: only after a scan ended.
            if scanDoneAt != nil { return decide(.fallBack(.noMatch)) }
        case .scanDone(success: true):
            if scanDoneAt == nil { scanDoneAt = now }
        default:
            break
        }
        return tick(at: now)
    }

    /// Checks the clock at `now` (the caller wakes up at ``nextWakeup``).
    public mutating func tick(at now: Duration) -> Decision {
        guard decided == .wait else { return .wait }
        if let done = scanDoneAt, now - done >= hint.grace { return decide(.fallBack(.noMatch)) }
        if now - selectedAt >= hint.limit { return decide(.fallBack(.timeout)) }
        return .wait
    }

    /// When the caller must call ``tick(at:)`` next; nil once decided.
    public var nextWakeup: Duration? {
        guard decided == .wait else { return nil }
        let limit = selectedAt + hint.limit
        guard let done = scanDoneAt else { return limit }
        return min(done + hint.grace, limit)
    }

    private mutating func decide(_ decision: Decision) -> Decision {
        decided = decision
        return decision
    }
}
