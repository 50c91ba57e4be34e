public import Foundation
public import SupplicantClient

/// One thing `watch` saw or did, for the log (`--json`: one line each). The output layer alone turns it into text
/// and JSON.
public struct WatchEvent: Sendable, Equatable {
    /// What happened.
    public let kind: Kind
    /// Wall-clock time of the event.
    public let time: Date
    /// Time since `watch` started.
    public let elapsed: Duration

    /// Creates an event.
    public init(_ kind: Kind, time: Date, elapsed: Duration) {
        self.kind = kind
        self.time = time
        self.elapsed = elapsed
    }
}

/// What started a `watch` cycle (authentication, then DHCP); a `dhcp-bound` carries it as `trigger`.
public enum WatchTrigger: String, Sendable, Equatable, CaseIterable {
    case linkUp = "link-up"
    /// The supplicant reached `completed` on its own.
    case supplicant
    case supplicantReturned = "supplicant-returned"
    /// The builtin client's lease keeper bound an address on its own (after expiry or a NAK).
    case keeper
    /// The interface roamed to another access point.
    case roamed
}

/// Why `watch` (re-)authenticated (the `reason` of `authenticating`, `authenticated`, `reauthenticating`).
public enum WatchAuthenticationReason: String, Sendable, Equatable, CaseIterable {
    /// The interface was already authenticated with the profile when watch started.
    case alreadyAuthenticated = "already-authenticated"
    /// watch started and authenticated with the profile.
    case start
    /// The supplicant signalled `completed` (confirmed by method calls).
    case stateCompleted = "state-completed"
    case linkUp = "link-up"
    case supplicantReturned = "supplicant-returned"
    /// A retry after a failed authentication.
    case retry
}

/// Why `watch` waits without authenticating.
public enum WatchWaitReason: Sendable, Equatable {
    /// The interface is not authenticated and no profile was given (`state`: wpa_supplicant's State).
    case notAuthenticated(state: SupplicantState)
    /// wpa_supplicant came back without the interface and no profile was given to add it again.
    case interfaceMissing(interface: String)
}

/// Which link change a `link-…` event reports.
public enum LinkChange: String, Sendable, Equatable, CaseIterable {
    /// The first state seen.
    case state = "link-state"
    case down = "link-down"
    case up = "link-up"
    case removed = "link-removed"
}
