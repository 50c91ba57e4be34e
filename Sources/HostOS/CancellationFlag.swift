import Foundation

/// A one-way flag a blocking loop polls to learn that its task was cancelled.
///
/// `@unchecked Sendable`: the only state, `cancelled`, is read and written exclusively under `lock`.
package final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    package init() {}

    package func cancel() { lock.withLock { cancelled = true } }
    package var isCancelled: Bool { lock.withLock { cancelled } }
}
