import Crypto
import Foundation
import Secrets
import StateFiles
import StructuredErrors

/// What a rekey did with key files (nothing secret).
public struct RekeyResult: Sendable, Hashable, Codable {
    /// The key file that now unlocks the store (key-file mode).
    public var keyFile: String?
    /// The ID of the new key.
    public var keyID: String
    /// Where the content the key file held before was kept (`<key file>.old`, or `.old.N` when that name held
    /// another key): it still opens any other store that used the key file, and old backups of this one.
    public var previousKeyKeptAt: String?
    /// The ID of that previous key (nil when the file was not a readable key).
    public var previousKeyID: String?
    /// Whether that previous key was the key this store was unlocked with (rotation in place). When false, the
    /// key file held another store's key (or an old key of this one): a store that used it must now be opened
    /// with the kept file.
    public var previousKeyWasThisStores: Bool?
    /// Where a leftover `<key file>.new` (the pending key of an earlier, interrupted rekey) was kept.
    public var pendingKeyKeptAt: String?
}

extension CredentialStore {
    /// Re-encrypts every item under a new master key obtained through `method`.
    ///
    /// `.keyFile(path, _)` always makes a fresh random key and never destroys a key, since any key file may also
    /// unlock another store:
    /// - `path` missing: the new key is written there.
    /// - `path` exists (this store's current key in a rotation, or any other file): its content is first kept as
    ///   `path.old` (``RekeyResult/previousKeyKeptAt``, with its key ID and whether it was this store's), the new
    ///   key goes to `path.new`, the store is written, and only then is `path.new` renamed over `path`. A crash at
    ///   any point leaves a store that opens: before the store is written, with the old key in `path`; after,
    ///   ``open(paths:unlock:lockTimeout:)`` finds `path.new` and finishes the swap, keeping `path` the same way.
    ///
    /// `.passphrase` derives the key with `scrypt` (default: the current parameters, or ``ScryptParameters/default``).
    /// - Returns: the new key's ID and where displaced keys were kept.
    @discardableResult
    public mutating func rekey(to method: UnlockMethod, scrypt: ScryptParameters? = nil) throws -> RekeyResult {
        return try Self.withLock(lockFile, .exclusive, lockTimeout) {
            let (bytes, records) = try readVerified()
            // Decrypt everything with the old key first: nothing is written unless all of it opens.
            var plain = [(type: UInt8, key: CredentialKey, meta: [UInt8], secret: [UInt8])]()
            defer { for i in plain.indices { plain[i].meta.zeroize(); plain[i].secret.zeroize() } }
            for r in records {
                let key = CredentialKey(kind: r.kind, bytes: bytes[r.keyRange])!
                var meta = try openPart(r, StoreFormat.metaPart, bytes)
                var secret = try openPart(r, StoreFormat.secretPart, bytes)
                plain.append((r.type, key, Array(meta), Array(secret)))
                meta.zeroize()
                secret.zeroize()
            }
            var result = RekeyResult(keyFile: nil, keyID: "")
            var next = self
            var pending: String?
            switch method {
            case .passphrase(let passphrase):
                next.unlocked = try Self.passphraseKeys(passphrase, scrypt: scrypt ?? unlocked.scrypt ?? .default)
            case .keyFile(let path, _):
                result.keyFile = path
                let master: SymmetricKey
                if PosixIO.exists(path) {
                    let previousID = (try? MasterKey.read(keyFile: path)).map { StoreKeys(master: $0).keyID }
                    result.previousKeyID = previousID.map(StoreKeys.hex)
                    result.previousKeyWasThisStores = previousID == unlocked.keys.keyID
                    result.previousKeyKeptAt = try KeyFileRotation.keep(path)
                    let pendingPath = KeyFileRotation.pendingPath(path)
                    result.pendingKeyKeptAt = try KeyFileRotation.keep(pendingPath)
                    master = try MasterKey.create(keyFile: pendingPath)
                    pending = pendingPath
                } else {
                    master = try MasterKey.create(keyFile: path)
                }
                next.unlocked = Unlocked(mode: .keyFile, keyFile: path, scrypt: nil, salt: Self.zeroSalt,
                                         keys: StoreKeys(master: master))
            }
            let sealed = try plain.map { try next.sealRecord(type: $0.type, key: $0.key, meta: $0.meta, secret: $0.secret) }
            try next.write(records: [], from: [], extra: sealed)
            if let pending, let path = next.unlocked.keyFile {
                // The store is durable under the new key; the old key is already kept, so this replaces no key.
                if rename(pending, path) != 0 { throw SystemError.fromErrno(errno, operation: "rename", path: path) }
                try AtomicFile.syncDirectory(StatePaths.parent(of: path))
            }
            result.keyID = next.unlocked.keys.keyIDHex
            self = next
            return result
        }
    }
}
