import Foundation
import Synchronization
@testable import DHCPClient

/// A `LeaseClock` the test moves by hand: `sleep(until:)` suspends until `advance(to:)` passes the deadline (or
/// the sleeping task is cancelled), so a `LeaseKeeper`'s schedule runs without waiting in real time.
final class ManualLeaseClock: LeaseClock {
    private struct Sleeper { var id: UInt64; var deadline: Date; var continuation: CheckedContinuation<Void, Never> }
    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
        var nextID: UInt64 = 0
        var cancelled: Set<UInt64> = []
    }

    private let state: Mutex<State>

    init(now: Date) { state = Mutex(State(now: now)) }

    var now: Date { state.withLock { $0.now } }

    func sleep(until deadline: Date) async {
        let id = state.withLock { (s: inout State) -> UInt64 in
            s.nextID += 1
            return s.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { (s: inout State) -> Bool in
                    if s.cancelled.contains(id) || deadline <= s.now { return true }
                    s.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: c))
                    return false
                }
                if resumeNow { c.resume() }
            }
        } onCancel: {
            let c = state.withLock { (s: inout State) -> CheckedContinuation<Void, Never>? in
                s.cancelled.insert(id)
                guard let i = s.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return s.sleepers.remove(at: i).continuation
            }
            c?.resume()
        }
    }

    /// The deadline someone is sleeping until, waiting (at most `limit`, a "no hang" bound) for a sleeper.
    func pendingSleep(limit: Duration = .seconds(60)) async -> Date? {
        let end = ContinuousClock.now + limit
        while ContinuousClock.now < end {
            if let d = state.withLock({ $0.sleepers.first?.deadline }) { return d }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// Moves the time forward to `date` and wakes every sleeper whose deadline has come.
    func advance(to date: Date) {
        let woken = state.withLock { (s: inout State) -> [CheckedContinuation<Void, Never>] in
            s.now = max(s.now, date)
            let now = s.now
            let due = s.sleepers.filter { $0.deadline <= now }
            s.sleepers.removeAll { $0.deadline <= now }
            return due.map(\.continuation)
        }
        for c in woken { c.resume() }
    }
}
