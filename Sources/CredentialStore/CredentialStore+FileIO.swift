import Foundation
import Secrets
import StateFiles
import Crypto
import StructuredErrors

/// Locking, reading, verifying and atomically rewriting the store file (one read per command, see SnapshotCache).
extension CredentialStore {
    static func lookupOrder(profileID: UUID?, ssid: [UInt8]?) -> [CredentialKey] {
        var keys = [CredentialKey]()
        if let profileID { keys.append(.profile(profileID)) }
        if let ssid, (1...CredentialKey.maxSSIDLength).contains(ssid.count) { keys.append(.ssid(ssid)) }
        keys.append(.default)
        return keys
    }

    static func notInitialized(_ paths: StatePaths) -> StoreError {
        StoreError(.notInitialized, "no credential store at \(paths.file(storeFileName))",
                   details: ["path": .string(paths.file(storeFileName))])
    }

    static func checkPermissions(_ path: String) throws {
        if let problem = try SecureDirectory.permissionProblem(at: path) { throw MasterKey.insecure(problem) }
    }

    /// Runs `body` while holding the lock file `path`; releases it however `body` ends.
    static func withLock<R>(_ path: String, _ kind: FileLock.Kind, _ timeout: Duration, _ body: () throws -> R) throws -> R {
        guard let lock = try FileLock.acquire(path, kind: kind, timeout: timeout) else {
            throw StoreError(.lockTimeout, "the store lock \(path) stayed held by another process for \(timeout)",
                             details: ["path": .string(path)])
        }
        do {
            let result = try body()
            lock.unlock()
            return result
        } catch {
            lock.unlock()
            throw error
        }
    }

    /// Authenticates a file read from disk against this store's keys and parses its records.
    func verify(_ bytes: [UInt8], header: StoreHeader) throws -> [RecordRef] {
        if header.mode != unlocked.mode || header.salt != unlocked.salt || !unlocked.keys.matchesKeyCheck(header.keyCheck) {
            throw StoreError(.wrongKey, "the key this process holds no longer unlocks store \(storeFile); it was rekeyed or replaced",
                             hint: "Run the command again with the current key file or passphrase.",
                             details: ["path": .string(storeFile)])
        }
        guard unlocked.keys.verifyMAC(bytes) else { throw StoreHeader.tampered(storeFile, "file authentication tag mismatch") }
        return try RecordRef.parseAll(bytes, header: header, path: storeFile)
    }

    /// Reads and authenticates the file; the caller holds a lock.
    ///
    /// A file this process already authenticated, and which has not changed since (same ``FileIdentity``: eapolctl
    /// replaces the file with a new inode on every write, and the kernel moves the change time on any write), is
    /// not read and authenticated a second time.
    func readVerified() throws -> ([UInt8], [RecordRef]) {
        let keyCheck = unlocked.keys.keyCheck()
        if let cached = snapshots.current, cached.keyCheck == keyCheck, try FileIdentity.of(storeFile) == cached.identity {
            return (cached.bytes, cached.records)
        }
        guard let (bytes, identity) = try PosixIO.readFileWithIdentity(storeFile) else { throw Self.notInitialized(paths) }
        let header = try StoreHeader.parse(bytes, path: storeFile)
        let records = try verify(bytes, header: header)
        snapshots.keep(Snapshot(identity: identity, keyCheck: keyCheck, bytes: bytes, records: records))
        return (bytes, records)
    }

    /// Runs `body` on an authenticated snapshot taken under the shared lock.
    func withSnapshot<R>(_ body: ([UInt8], [RecordRef]) throws -> R) throws -> R {
        return try Self.withLock(lockFile, .shared, lockTimeout) {
            let (bytes, records) = try readVerified()
            return try body(bytes, records)
        }
    }

    /// Replaces (or with nil removes) one record under the exclusive lock; returns whether it existed.
    @discardableResult
    func replace(_ type: UInt8, _ key: CredentialKey, with record: [UInt8]?) throws -> Bool {
        return try Self.withLock(lockFile, .exclusive, lockTimeout) {
            AtomicFile.removeStaleTemporaries(for: storeFile)
            let (bytes, records) = try readVerified()
            var kept = records
            var existed = false
            let keyBytes = key.keyBytes
            if let i = records.firstIndex(where: { $0.matches(type: type, kind: key.kindByte, key: keyBytes, in: bytes) }) {
                kept.remove(at: i)
                existed = true
            }
            if record == nil && !existed { return false }
            try write(records: kept, from: bytes, extra: record.map { [$0] } ?? [])
            return existed
        }
    }

    /// Writes a new file in the current format: the header (with the key ID; version 3 when a PAC record is among
    /// the records, else 2), `records` copied from `old` (whose sealed parts are the same in every format version),
    /// then `extra` encoded records, then the MAC.
    /// The caller holds the exclusive lock.
    func write(records: [RecordRef], from old: [UInt8], extra: [[UInt8]]) throws {
        let body = records.reduce(0) { $0 + $1.range.count } + extra.reduce(0) { $0 + $1.count }
        let length = StoreFormat.headerSize + body + StoreFormat.macSize
        let holdsPAC = records.contains { $0.type == StoreFormat.pacType } || extra.contains { $0.first == StoreFormat.pacType }
        let header = StoreHeader(version: holdsPAC ? StoreFormat.version : StoreFormat.versionWithoutPAC, mode: unlocked.mode, scrypt: unlocked.scrypt, salt: unlocked.salt,
                                 fileLength: UInt64(length), keyCheck: unlocked.keys.keyCheck(),
                                 recordCount: UInt32(records.count + extra.count), keyID: unlocked.keys.keyID)
        var out = header.encoded()
        out.reserveCapacity(length)
        for r in records { out.append(contentsOf: old[r.range]) }
        for e in extra { out.append(contentsOf: e) }
        out.append(contentsOf: unlocked.keys.mac(out, upTo: out.count))
        try AtomicFile.write(out, to: storeFile, mode: 0o600)
    }
}
