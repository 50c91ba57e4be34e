import Foundation

/// Runs blocking state-file work (file locks, reads, writes) on a thread of its own and awaits the result, so an
/// async caller never holds one of Swift's cooperative threads while a lock is contended.
public enum BlockingWork {
    /// Runs `body` on a new thread and returns (or throws) what it returned.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.name = "eapolctl.blocking"
            thread.start()
        }
    }
}
