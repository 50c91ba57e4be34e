public import Foundation

/// One thing `watch` saw or did, for the log (`--json`: one line each).
public struct WatchEvent: Sendable, Equatable {
    /// `started`, `link-down`, `link-up`, `reauthenticating`, `eapol-start`, `state-change`, `authenticated`,
    /// `dhcp-started`, `dhcp-bound`, `dhcp-failed`, `lease-renewed`, `lease-rebinding`, `lease-expired`,
    /// `supplicant-vanished`, `supplicant-returned`, `reauthentication-failed`, `stopping`.
    public let name: String
    /// Wall-clock time of the event.
    public let time: Date
    /// Time since `watch` started.
    public let elapsed: Duration
    /// The event's fields (never secrets). `dhcp-bound` carries `linkUpToBoundMs` when the cycle began with a
    /// link-up, and `authenticatedToBoundMs`.
    public let fields: [String: String]

    /// Creates an event.
    public init(name: String, time: Date, elapsed: Duration, fields: [String: String] = [:]) {
        self.name = name
        self.time = time
        self.elapsed = elapsed
        self.fields = fields
    }
}
