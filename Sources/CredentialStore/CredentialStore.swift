public import Foundation
import Secrets
public import StateFiles
import Crypto
import StructuredErrors

/// The encrypted file store of passwords and EAP-TLS identities.
///
/// One binary file (`credentials.store` in the state directory, format in Docs/store-format.md), each item sealed
/// with AES-256-GCM under a key derived from a 256-bit master key, and the whole file authenticated with
/// HMAC-SHA256. The master key comes from a key file or from a passphrase through scrypt (``UnlockMethod``).
///
/// Every operation is synchronous and blocking (file I/O, fsync, `flock` waits, scrypt): call it from a thread you
/// own, such as the CLI's main thread, never from Swift's cooperative thread pool. Each call reads the file afresh
/// under a lock (shared for reads, exclusive for changes) and each change is read–modify–atomic-write under the
/// exclusive lock, so concurrent eapolctl processes never lose an update. A failed call leaves the file untouched.
public struct CredentialStore: Sendable {
    /// The store file's name inside the state directory.
    public static let storeFileName = "credentials.store"
    /// The lock file's name inside the state directory.
    public static let lockFileName = "credentials.lock"

    /// The state directory and default key-file location.
    public let paths: StatePaths
    /// How long a call waits for another process's lock.
    public let lockTimeout: Duration
    var unlocked: Unlocked
    /// The last authenticated version of the file this process read (shared by copies of this value).
    let snapshots = SnapshotCache()

    /// The store file.
    public var storeFile: String { paths.file(Self.storeFileName) }
    var lockFile: String { paths.file(Self.lockFileName) }

    /// What unlocking produced: the derived keys and the header fields they belong to.
    struct Unlocked: Sendable {
        var mode: StoreMode
        var keyFile: String?
        var scrypt: ScryptParameters?
        var salt: [UInt8]
        var keys: StoreKeys
        /// Set when ``initialize(paths:unlock:scrypt:reuseKeyFile:lockTimeout:)`` used a key file that existed.
        var reusedKeyFile = false
    }

    /// Whether this store was just created with a key file that already existed (`reuseKeyFile`).
    public var reusedKeyFile: Bool { unlocked.reusedKeyFile }

    /// The ID of the key that unlocks this store (hex): it names the key without revealing it.
    public var keyID: String { unlocked.keys.keyIDHex }

    init(paths: StatePaths, lockTimeout: Duration, unlocked: Unlocked) {
        self.paths = paths
        self.lockTimeout = lockTimeout
        self.unlocked = unlocked
    }

    // MARK: - Opening and creating

    /// Opens an existing store, checking its integrity and the key.
    ///
    /// With `.keyFile(_, createIfMissing: true)` a store that does not exist yet is created (with a new key file
    /// when that is missing too); an existing store is never given a new key.
    /// - Parameters:
    ///   - paths: the state directory (and default key file).
    ///   - unlock: the key file or passphrase.
    ///   - lockTimeout: how long to wait for another process's lock.
    /// - Throws: `StoreError` (`.notInitialized`, `.wrongKey`, `.passphraseRequired`, `.tampered`, `.truncated`,
    ///   `.badMagic`, `.newerFormat`, `.insecurePermissions`, `.keyFileMissing`, `.keyFileInvalid`, `.lockTimeout`)
    ///   or `SystemError`.
    public static func open(paths: StatePaths, unlock: UnlockMethod, lockTimeout: Duration = .seconds(10)) throws -> CredentialStore {
        let storeFile = paths.file(storeFileName)
        try checkPermissions(paths.stateDirectory)
        if !PosixIO.exists(storeFile) {
            if case .keyFile(_, createIfMissing: true) = unlock {
                do {
                    return try initialize(paths: paths, unlock: unlock, lockTimeout: lockTimeout)
                } catch let error as StoreError where error.code == .alreadyInitialized {
                    // Another process created it meanwhile: open theirs.
                }
            } else {
                throw notInitialized(paths)
            }
        }
        return try open(paths: paths, lockTimeout: lockTimeout) { _ in unlock }
    }

    /// Opens an existing store, reading it once: `unlock` is asked for the unlock method only after the header
    /// says which mode the store is in (so a caller prompts for a passphrase only when one is needed).
    /// - Throws: as ``open(paths:unlock:lockTimeout:)``, plus whatever `unlock` throws.
    public static func open(
        paths: StatePaths, lockTimeout: Duration = .seconds(10), unlock: (StoreMode) throws -> UnlockMethod
    ) throws -> CredentialStore {
        let storeFile = paths.file(storeFileName)
        try checkPermissions(paths.stateDirectory)
        return try Self.withLock(paths.file(lockFileName), .shared, lockTimeout) {
            try checkPermissions(storeFile)
            guard let (bytes, identity) = try PosixIO.readFileWithIdentity(storeFile) else { throw notInitialized(paths) }
            let header = try StoreHeader.parse(bytes, path: storeFile)
            let unlocked = try unlockKeys(header: header, unlock: try unlock(header.mode), storeFile: storeFile)
            let store = CredentialStore(paths: paths, lockTimeout: lockTimeout, unlocked: unlocked)
            let records = try store.verify(bytes, header: header)
            store.snapshots.keep(Snapshot(identity: identity, keyCheck: unlocked.keys.keyCheck(), bytes: bytes, records: records))
            return store
        }
    }

    /// Creates a new, empty store (`store init`).
    /// - Parameters:
    ///   - paths: the state directory (created with mode 0700 when missing).
    ///   - unlock: a key file (a missing one is created only with `createIfMissing`) or a passphrase.
    ///   - scrypt: the key-derivation cost in passphrase mode.
    ///   - reuseKeyFile: use a key file that already exists. Without it an existing key file is refused
    ///     (`.keyFileInUse`): with no store in this state directory, it belongs to another store.
    ///   - lockTimeout: how long to wait for another process's lock.
    /// - Throws: `StoreError.alreadyInitialized` when a store exists, `.keyFileInUse`, or the errors of
    ///   ``open(paths:unlock:lockTimeout:)``.
    public static func initialize(
        paths: StatePaths, unlock: UnlockMethod, scrypt: ScryptParameters = .default, reuseKeyFile: Bool = false,
        lockTimeout: Duration = .seconds(10)
    ) throws -> CredentialStore {
        try SecureDirectory.ensure(paths.stateDirectory)
        try checkPermissions(paths.stateDirectory)
        return try Self.withLock(paths.file(lockFileName), .exclusive, lockTimeout) {
            let storeFile = paths.file(storeFileName)
            if PosixIO.exists(storeFile) {
                throw StoreError(.alreadyInitialized, "a credential store already exists at \(storeFile)",
                                 details: ["path": .string(storeFile)])
            }
            let unlocked = try newKeys(for: unlock, scrypt: scrypt, reuseKeyFile: reuseKeyFile, stateDirectory: paths.stateDirectory)
            let store = CredentialStore(paths: paths, lockTimeout: lockTimeout, unlocked: unlocked)
            try store.write(records: [], from: [], extra: [])
            return store
        }
    }

    /// The mode of the store at `paths` read from its header without unlocking it, or nil when there is none.
    ///
    /// Lets the CLI decide whether to ask for a passphrase. The header is not authenticated by this call.
    public static func existingMode(paths: StatePaths) throws -> StoreMode? {
        let storeFile = paths.file(storeFileName)
        guard let bytes = try PosixIO.readFileIfPresent(storeFile) else { return nil }
        return try StoreHeader.parse(bytes, path: storeFile).mode
    }

    // MARK: - Passwords

    /// The password item stored under `key`, or nil.
    public func password(for key: CredentialKey) throws -> PasswordItem? {
        try withSnapshot { bytes, records in
            guard let r = find(StoreFormat.passwordType, key, in: records, bytes) else { return nil }
            return try decryptPassword(r, bytes)
        }
    }

    /// Stores `item` under `key`, replacing any item there.
    public func setPassword(_ item: PasswordItem, for key: CredentialKey) throws {
        try key.validate()
        var meta = Array(item.username.utf8)
        var secret = item.password.copyBytes()
        defer { meta.zeroize(); secret.zeroize() }
        let record = try sealRecord(type: StoreFormat.passwordType, key: key, meta: meta, secret: secret)
        try replace(StoreFormat.passwordType, key, with: record)
    }

    /// Stores many password items in one locked read–modify–write (for imports); later entries win.
    public func setPasswords(_ items: [(key: CredentialKey, item: PasswordItem)]) throws {
        var sealed = [(key: CredentialKey, record: [UInt8])]()
        sealed.reserveCapacity(items.count)
        for (key, item) in items {
            try key.validate()
            var meta = Array(item.username.utf8)
            var secret = item.password.copyBytes()
            defer { meta.zeroize(); secret.zeroize() }
            sealed.append((key, try sealRecord(type: StoreFormat.passwordType, key: key, meta: meta, secret: secret)))
        }
        var latest = [CredentialKey: Int]()
        for (i, s) in sealed.enumerated() { latest[s.key] = i }
        try Self.withLock(lockFile, .exclusive, lockTimeout) {
            AtomicFile.removeStaleTemporaries(for: storeFile)
            let (bytes, records) = try readVerified()
            let kept = records.filter { r in
                r.type != StoreFormat.passwordType
                    || CredentialKey(kind: r.kind, bytes: bytes[r.keyRange]).map { latest[$0] == nil } ?? true
            }
            let extra = sealed.indices.filter { latest[sealed[$0].key] == $0 }.map { sealed[$0].record }
            try write(records: kept, from: bytes, extra: extra)
        }
    }

    /// Removes the password item under `key`.
    /// - Returns: whether there was one.
    @discardableResult
    public func removePassword(for key: CredentialKey) throws -> Bool {
        try key.validate()
        return try replace(StoreFormat.passwordType, key, with: nil)
    }

    /// The keys and user names of all password items (no password is decrypted).
    public func listPasswordKeys() throws -> [(key: CredentialKey, username: String)] {
        try withSnapshot { bytes, records in
            try records.filter { $0.type == StoreFormat.passwordType }.map { r in
                let key = CredentialKey(kind: r.kind, bytes: bytes[r.keyRange])!
                let meta = try openPart(r, StoreFormat.metaPart, bytes)
                return (key, String(decoding: meta, as: UTF8.self))
            }
        }
    }

    /// The password for a connection, looked up in eapolcfg's order: the profile's item, then the SSID's, then
    /// the default item.
    /// - Returns: the key that matched and its item, or nil when none of them exists.
    public func lookupPassword(profileID: UUID?, ssid: [UInt8]?) throws -> (key: CredentialKey, item: PasswordItem)? {
        try withSnapshot { bytes, records in
            for key in Self.lookupOrder(profileID: profileID, ssid: ssid) {
                if let r = find(StoreFormat.passwordType, key, in: records, bytes) {
                    return (key, try decryptPassword(r, bytes))
                }
            }
            return nil
        }
    }

    // MARK: - Identities

    /// The identity stored under `key`, or nil.
    public func identity(for key: CredentialKey) throws -> IdentityItem? {
        try withSnapshot { bytes, records in
            guard let r = find(StoreFormat.identityType, key, in: records, bytes) else { return nil }
            return try decryptIdentity(r, bytes)
        }
    }

    /// Stores `identity` under `key`, replacing any identity there.
    public func setIdentity(_ identity: IdentityItem, for key: CredentialKey) throws {
        try key.validate()
        try replace(StoreFormat.identityType, key, with: try sealedIdentityRecord(identity, for: key))  // CredentialStore+Batch.swift
    }

    /// Removes the identity under `key`.
    /// - Returns: whether there was one.
    @discardableResult
    public func removeIdentity(for key: CredentialKey) throws -> Bool {
        try key.validate()
        return try replace(StoreFormat.identityType, key, with: nil)
    }

    /// The keys and forms of all identity items (no private key is decrypted).
    public func listIdentityKeys() throws -> [(key: CredentialKey, kind: IdentityKind)] {
        try withSnapshot { bytes, records in
            try records.filter { $0.type == StoreFormat.identityType }.map { r in
                let key = CredentialKey(kind: r.kind, bytes: bytes[r.keyRange])!
                let meta = try openPart(r, StoreFormat.metaPart, bytes)
                return (key, meta.first == 1 ? .pkcs12 : .pem)
            }
        }
    }

    /// The identity for a connection: the profile's, then the SSID's, then the default one.
    public func lookupIdentity(profileID: UUID?, ssid: [UInt8]?) throws -> (key: CredentialKey, item: IdentityItem)? {
        try withSnapshot { bytes, records in
            for key in Self.lookupOrder(profileID: profileID, ssid: ssid) {
                if let r = find(StoreFormat.identityType, key, in: records, bytes) {
                    return (key, try decryptIdentity(r, bytes))
                }
            }
            return nil
        }
    }

    // MARK: - Status (rekeying: CredentialStore+Rekey.swift)

    /// The store's mode, format, item counts and locations (nothing secret).
    public func status() throws -> StoreStatus {
        try withSnapshot { bytes, records in
            let passwords = records.count { $0.type == StoreFormat.passwordType }
            return StoreStatus(
                mode: unlocked.mode, formatVersion: Int(bytes.readU16(StoreFormat.versionOffset)),
                supportedFormatVersion: Int(StoreFormat.version), passwordCount: passwords,
                identityCount: records.count - passwords, storeFile: storeFile, stateDirectory: paths.stateDirectory,
                keyFile: unlocked.keyFile, scrypt: unlocked.scrypt, fileSize: bytes.count, keyID: unlocked.keys.keyIDHex)
        }
    }

    // MARK: - Internals: locking, reading, writing

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

    /// Writes a new file in the current format: the header (with the key ID), `records` copied from `old` (whose
    /// sealed parts are the same in every format version), then `extra` encoded records, then the MAC.
    /// The caller holds the exclusive lock.
    func write(records: [RecordRef], from old: [UInt8], extra: [[UInt8]]) throws {
        let body = records.reduce(0) { $0 + $1.range.count } + extra.reduce(0) { $0 + $1.count }
        let length = StoreFormat.headerSize + body + StoreFormat.macSize
        let header = StoreHeader(mode: unlocked.mode, scrypt: unlocked.scrypt, salt: unlocked.salt,
                                 fileLength: UInt64(length), keyCheck: unlocked.keys.keyCheck(),
                                 recordCount: UInt32(records.count + extra.count), keyID: unlocked.keys.keyID)
        var out = header.encoded()
        out.reserveCapacity(length)
        for r in records { out.append(contentsOf: old[r.range]) }
        for e in extra { out.append(contentsOf: e) }
        out.append(contentsOf: unlocked.keys.mac(out, upTo: out.count))
        try AtomicFile.write(out, to: storeFile, mode: 0o600)
    }

    // MARK: - Internals: sealing

    func find(_ type: UInt8, _ key: CredentialKey, in records: [RecordRef], _ bytes: [UInt8]) -> RecordRef? {
        let keyBytes = key.keyBytes
        return records.first { $0.matches(type: type, kind: key.kindByte, key: keyBytes, in: bytes) }
    }

    func sealRecord(type: UInt8, key: CredentialKey, meta: [UInt8], secret: [UInt8]) throws -> [UInt8] {
        let keyBytes = key.keyBytes
        let m = try unlocked.keys.seal(meta, aad: associatedData(type: type, kind: key.kindByte, key: keyBytes, part: StoreFormat.metaPart))
        let s = try unlocked.keys.seal(secret, aad: associatedData(type: type, kind: key.kindByte, key: keyBytes, part: StoreFormat.secretPart))
        return encodeRecord(type: type, key: key, meta: m, secret: s)
    }

    /// Opens one sealed part of a record; the caller zeroes the result when it is secret.
    func openPart(_ r: RecordRef, _ part: UInt8, _ bytes: [UInt8]) throws -> Data {
        let aad = associatedData(type: r.type, kind: r.kind, key: bytes[r.keyRange], part: part)
        guard let plain = unlocked.keys.open(bytes[part == StoreFormat.metaPart ? r.metaRange : r.secretRange], aad: aad) else {
            throw StoreHeader.tampered(storeFile, "an item failed to decrypt")
        }
        return plain
    }

    func decryptPassword(_ r: RecordRef, _ bytes: [UInt8]) throws -> PasswordItem {
        let meta = try openPart(r, StoreFormat.metaPart, bytes)
        var secret = try openPart(r, StoreFormat.secretPart, bytes)
        defer { secret.zeroize() }
        return PasswordItem(username: String(decoding: meta, as: UTF8.self), password: SecretBytes(secret))
    }

    func decryptIdentity(_ r: RecordRef, _ bytes: [UInt8]) throws -> IdentityItem {
        let meta = try openPart(r, StoreFormat.metaPart, bytes)
        var secret = try openPart(r, StoreFormat.secretPart, bytes)
        defer { secret.zeroize() }
        var reader = FieldReader(data: secret)
        let bad = StoreHeader.tampered(storeFile, "an identity item is malformed")
        switch meta.first {
        case 1:
            guard let bundle = reader.field(), let pass = reader.field(), reader.atEnd else { throw bad }
            return .pkcs12(bundle: bundle, passphrase: pass)
        case 2:
            guard let key = reader.field(), let flag = reader.byte() else { throw bad }
            let pass = flag == 1 ? reader.field() : nil
            guard flag <= 1, flag == 0 || pass != nil, reader.atEnd else { throw bad }
            return .pem(certificate: String(decoding: meta.dropFirst(), as: UTF8.self), privateKey: key, keyPassphrase: pass)
        default:
            throw bad
        }
    }
}

/// Reads length-prefixed secret fields out of a decrypted buffer.
struct FieldReader {
    let data: Data
    var offset: Int

    init(data: Data) {
        self.data = data
        offset = data.startIndex
    }

    var atEnd: Bool { offset == data.endIndex }

    mutating func byte() -> UInt8? {
        guard offset < data.endIndex else { return nil }
        defer { offset += 1 }
        return data[offset]
    }

    mutating func field() -> SecretBytes? {
        guard data.endIndex - offset >= 4 else { return nil }
        let n = Int(data[offset]) << 24 | Int(data[offset + 1]) << 16 | Int(data[offset + 2]) << 8 | Int(data[offset + 3])
        offset += 4
        guard data.endIndex - offset >= n else { return nil }
        defer { offset += n }
        return SecretBytes(data[offset..<(offset + n)])
    }
}

extension Array where Element == UInt8 {
    /// Appends a 4-byte length and the secret's bytes.
    mutating func appendField(_ secret: SecretBytes) {
        appendU32(UInt32(secret.count))
        secret.withUnsafeBytes { append(contentsOf: $0) }
    }
}

extension Data {
    /// Overwrites the bytes with zeros (for buffers that held plaintext).
    mutating func zeroize() {
        withUnsafeMutableBytes { SecretBytes.zero($0) }  // explicit_bzero: not removed as a dead store
    }
}
