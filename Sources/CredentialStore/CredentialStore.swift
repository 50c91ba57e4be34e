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
                identityCount: records.count { $0.type == StoreFormat.identityType },
                pacCount: records.count { $0.type == StoreFormat.pacType }, storeFile: storeFile, stateDirectory: paths.stateDirectory,
                keyFile: unlocked.keyFile, scrypt: unlocked.scrypt, fileSize: bytes.count, keyID: unlocked.keys.keyIDHex)
        }
    }
}
