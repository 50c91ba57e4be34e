public import Foundation

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemLeaseClock: LeaseClock {
    /// Creates the system clock.
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async {
        let s = deadline.timeIntervalSinceNow
        if s > 0 { try? await Task.sleep(for: .milliseconds(Int64(min(s, 86_400 * 365) * 1000) + 1)) }
    }
}
