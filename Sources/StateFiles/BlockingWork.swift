import Foundation

/// Runs blocking state-file work (file locks, reads, writes) on a thread of its own and awaits the result, so an
/// async caller never holds one of Swift's cooperative threads while a lock is contended.
public enum BlockingWork {
    /// Runs `body` on a new thread and returns (or throws) what it returned; a `body` that cannot throw makes a call
    /// that cannot either.
    public static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result(catching: body))
            }
            thread.name = "eapolctl.blocking"
            thread.start()
        }
        return try result.get()
    }
}
