public import Foundation

/// Values sent from any task (progress updates, watch events), kept in arrival order for the test to read.
/// Test targets subclass it to add their own queries (`names`, `wait(for:)`).
open class Recorder<Element: Sendable>: @unchecked Sendable {
    // @unchecked: `items` is only touched while holding `lock`.
    private let lock = NSLock()
    private var items: [Element] = []

    public init() {}

    /// Records `element` (callable from any task).
    public final func append(_ element: Element) { lock.withLock { items.append(element) } }

    /// Everything recorded so far, in order.
    public final var all: [Element] { lock.withLock { items } }
}
