public import DHCPClient

/// Keeps a lease alive and renews it on demand; ``LeaseKeeper`` (builtin client) is the live implementation.
public protocol LeaseMaintaining: Sendable {
    /// The keeper's events (bound, renewed, rebinding, expired, failed).
    var events: AsyncStream<LeaseEvent> { get }
    /// Starts the T1/T2/expiry timers.
    func start() async
    /// Stops the timers and finishes `events`.
    func stop() async
    /// Renews at once (INIT-REBOOT, then DISCOVER) and restarts the timers; nil when it failed.
    func renewNow(timeout: Duration?) async -> DHCPResult?
}

extension LeaseKeeper: LeaseMaintaining {}
