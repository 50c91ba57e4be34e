public import Foundation

/// The time source of `LeaseKeeper`: what time it is and how to wait for a moment.
///
/// The keeper reads every T1/T2/expiry decision and every retry wait through this protocol, so tests can run
/// its schedule on a clock they advance by hand (`SystemLeaseClock` is the real one).
public protocol LeaseClock: Sendable {
    /// The current wall-clock time (lease times are absolute dates).
    var now: Date { get }

    /// Suspends until `deadline` (returns at once when it has passed), or earlier when the task is cancelled.
    func sleep(until deadline: Date) async
}
