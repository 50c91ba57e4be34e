public import SupplicantClient

/// Frequencies to scan first when connecting a Wi-Fi profile: given with `--frequency`, or remembered from the
/// profile's last successful association (``AssociationMemory``). Before the network is selected, eapolctl asks
/// wpa_supplicant for one active scan of those channels (``ScanRequest``) and waits for it to end; SelectNetwork then
/// associates from those fresh results (wpa_supplicant's fast associate) instead of scanning every channel, and when
/// they hold no access point of the network, wpa_supplicant scans every channel on its own (``ScanHintMonitor``).
/// Nothing of the hint stays on the network: its later scans (reconnects, roams) cover every channel.
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
    /// The longest eapolctl waits for the hinted scan to end before it selects the network regardless (which then
    /// scans every channel).
    public var limit: Duration

    /// Default budget of the hinted scan (a one-channel scan takes 30–120 ms on hardware, ~0.3 s under emulation).
    public static let defaultLimit: Duration = .seconds(3)

    public init(frequencies: [Int], bssids: [String] = [], source: Source, limit: Duration = ScanHint.defaultLimit) {
        self.frequencies = frequencies
        self.bssids = bssids
        self.source = source
        self.limit = limit
    }
}

/// Decides, from the interface's signals after SelectNetwork, whether the hinted scan's results held the network:
/// wpa_supplicant then associates at once (authenticating/associating), else it starts its own scan of every channel
/// (scanning). Pure; the hinted scan itself is ``Attempt``'s (``Attempt/scanHinted(_:)``).
public struct ScanHintMonitor: Sendable, Equatable {
    /// What the caller should do.
    public enum Decision: Sendable, Equatable {
        /// Nothing decided yet.
        case wait
        /// The hint found the network; stop watching.
        case matched
        /// The hint did not serve: wpa_supplicant scans (or scanned) every channel.
        case fallBack(Reason)
    }

    /// Why the hint did not serve.
    public enum Reason: String, Sendable, Equatable {
        /// The hinted scan ended and held no usable access point of the network.
        case noMatch = "no-match"
        /// The hinted scan did not end within ``ScanHint/limit``.
        case timeout
        /// wpa_supplicant refused the scan or reported it failed.
        case scanFailed = "scan-failed"
    }

    /// When the hinted scan was asked for, from the attempt's start (fall-back events say how long after it).
    public let startedAt: Duration
    /// The decision once made (`matched` or `fallBack`); later inputs change nothing.
    public private(set) var decided: Decision = .wait

    public init(startedAt: Duration) {
        self.startedAt = startedAt
    }

    /// States that mean wpa_supplicant chose a BSS of the network.
    static let associationStates: Set<SupplicantState> = [
        .authenticating, .associating, .associated, .fourWayHandshake, .groupHandshake, .completed,
    ]

    /// Feeds one event seen after SelectNetwork. SelectNetwork may pass through disconnected first: no verdict.
    public mutating func observe(_ event: AuthenticationEvent) -> Decision {
        guard decided == .wait, case .stateChanged(let state) = event else { return .wait }
        if Self.associationStates.contains(state) { return decide(.matched) }
        if state == .scanning { return decide(.fallBack(.noMatch)) }
        return .wait
    }

    private mutating func decide(_ decision: Decision) -> Decision {
        decided = decision
        return decision
    }
}
