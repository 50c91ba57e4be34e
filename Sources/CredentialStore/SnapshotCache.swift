import StateFiles
import Synchronization

/// One authenticated version of the store file: its bytes, parsed records, and the file identity and key it was
/// authenticated with.
struct Snapshot: Sendable {
    let identity: FileIdentity
    let keyCheck: [UInt8]
    let bytes: [UInt8]
    let records: [RecordRef]
}

/// Remembers the last authenticated snapshot so that one command does not read and authenticate the same
/// unchanged file twice (open, then get). Guarded by one mutex; the snapshot itself is an immutable value.
final class SnapshotCache: Sendable {
    private let state = Mutex<Snapshot?>(nil)

    var current: Snapshot? { state.withLock { $0 } }

    func keep(_ snapshot: Snapshot) { state.withLock { $0 = snapshot } }
}
