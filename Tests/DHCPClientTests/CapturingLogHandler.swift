import Foundation
import Logging
import Synchronization

/// A swift-log handler that keeps every message (with its metadata) for the test to inspect.
struct CapturingLogHandler: LogHandler {
    /// One captured message.
    struct Entry: Sendable { var level: Logger.Level; var message: String; var metadata: Logger.Metadata }

    /// The shared store of captured entries.
    final class Store: Sendable {
        private let entries = Mutex<[Entry]>([])
        func append(_ e: Entry) { entries.withLock { $0.append(e) } }
        var all: [Entry] { entries.withLock { $0 } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        store.append(Entry(level: event.level, message: event.message.description,
                           metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }

    /// A logger at `level` writing into a fresh store.
    static func logger(level: Logger.Level = .debug) -> (Logger, Store) {
        let store = Store()
        var logger = Logger(label: "test.capture") { _ in CapturingLogHandler(store: store) }
        logger.logLevel = level
        return (logger, store)
    }
}
