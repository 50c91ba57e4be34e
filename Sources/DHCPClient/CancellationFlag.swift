import Foundation

/// A one-way flag a blocking loop polls to learn that its task was cancelled.
///
/// `@unchecked Sendable`: the only state, `cancelled`, is read and written exclusively under `lock`.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    func cancel() { lock.withLock { cancelled = true } }
    var isCancelled: Bool { lock.withLock { cancelled } }
}
