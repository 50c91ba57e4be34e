import Crypto
import Foundation
import Secrets
import StateFiles
import StructuredErrors

/// Unlocking an existing store, and making the keys of a new one.
extension CredentialStore {
    /// Derives the keys for an existing store's header.
    ///
    /// A key file whose key fails the key check is told apart from a damaged header and from another store's key
    /// by the key ID the header records (format 2); a kept `<key file>.old` (or other sibling) that holds the
    /// store's key is named in the error.
    static func unlockKeys(header: StoreHeader, unlock: UnlockMethod, storeFile: String) throws -> Unlocked {
        switch (header.mode, unlock) {
        case (.keyFile, .keyFile(let path, _)):
            let keys = StoreKeys(master: try MasterKey.read(keyFile: path))
            if keys.matchesKeyCheck(header.keyCheck) {
                return Unlocked(mode: .keyFile, keyFile: path, scrypt: nil, salt: header.salt, keys: keys)
            }
            // An interrupted rekey may have left the new key next to the old one: finish it (the old key is kept).
            let pending = KeyFileRotation.pendingPath(path)
            if let newKey = try? MasterKey.read(keyFile: pending) {
                let newKeys = StoreKeys(master: newKey)
                if newKeys.matchesKeyCheck(header.keyCheck) {
                    do {
                        _ = try KeyFileRotation.complete(pending: pending, into: path)
                    } catch {
                        // Another process finished it first: fine when the key file now holds the new key.
                        guard let now = try? MasterKey.read(keyFile: path),
                              StoreKeys(master: now).matchesKeyCheck(header.keyCheck) else { throw error }
                    }
                    return Unlocked(mode: .keyFile, keyFile: path, scrypt: nil, salt: header.salt, keys: newKeys)
                }
            }
            throw keyFileMismatch(header: header, keys: keys, keyFile: path, storeFile: storeFile)
        case (.passphrase, .passphrase(let passphrase)):
            let keys = StoreKeys(master: try MasterKey.derive(passphrase: passphrase, salt: header.salt, parameters: header.scrypt!))
            guard keys.matchesKeyCheck(header.keyCheck) else {
                if header.keyID == keys.keyID { throw StoreHeader.tampered(storeFile, "the key check does not match the key ID") }
                throw StoreError(.wrongKey, "the passphrase does not unlock store \(storeFile)",
                                 details: ["path": .string(storeFile)])
            }
            return Unlocked(mode: .passphrase, keyFile: nil, scrypt: header.scrypt, salt: header.salt, keys: keys)
        case (.passphrase, .keyFile):
            throw StoreError(.passphraseRequired, "store \(storeFile) is protected by a passphrase",
                             details: ["path": .string(storeFile)])
        case (.keyFile, .passphrase):
            throw StoreError(.wrongKey, "store \(storeFile) is unlocked by a key file, not a passphrase",
                             hint: "Give the key file (--key-file or EAPOLCTL_KEY_FILE), or rekey the store to a passphrase.",
                             details: ["path": .string(storeFile)])
        }
    }

    /// The error for a valid key file whose key does not unlock the store.
    static func keyFileMismatch(header: StoreHeader, keys: StoreKeys, keyFile: String, storeFile: String) -> StoreError {
        if header.keyID == keys.keyID {
            // The key the header names, yet the check value differs: the header was changed.
            return StoreHeader.tampered(storeFile, "the key check does not match the key ID")
        }
        let holder = KeyFileRotation.sibling(of: keyFile) { $0.matchesKeyCheck(header.keyCheck) }
        var details: [String: ErrorDetail] = ["path": .string(storeFile), "keyFile": .string(keyFile),
                                              "keyFileKeyID": .string(keys.keyIDHex)]
        if let holder { details["storeKeyFile"] = .string(holder) }
        let found = holder.map { " \($0) holds this store's key." } ?? ""
        let hint = holder.map { "Run `eapolctl store status --key-file \($0)`, then give that key file for this store (--key-file or EAPOLCTL_KEY_FILE)." }
        guard let storeKeyID = header.keyID else {
            return StoreError(.wrongKey, "key file \(keyFile) (key ID \(keys.keyIDHex)) does not unlock store \(storeFile).\(found)",
                              hint: hint, details: details)
        }
        details["storeKeyID"] = .string(StoreKeys.hex(storeKeyID))
        return StoreError(
            .foreignKey,
            "key file \(keyFile) holds key \(keys.keyIDHex), but store \(storeFile) is encrypted with key \(StoreKeys.hex(storeKeyID)): "
                + "the key file belongs to another store (or to this store before a rekey).\(found)",
            hint: hint, details: details)
    }

    /// Makes the keys of a new store.
    /// - Parameters:
    ///   - reuseKeyFile: whether an existing key file may be used; without it, it is refused with `.keyFileInUse`
    ///     (there is no store in `stateDirectory`, so the key belongs to another one).
    static func newKeys(
        for method: UnlockMethod, scrypt: ScryptParameters, reuseKeyFile: Bool, stateDirectory: String
    ) throws -> Unlocked {
        switch method {
        case .keyFile(let path, let createIfMissing):
            let master: SymmetricKey
            var reused = false
            if PosixIO.exists(path) {
                guard reuseKeyFile else {
                    let id = (try? MasterKey.read(keyFile: path)).map { " (key ID \(StoreKeys(master: $0).keyIDHex))" } ?? ""
                    throw StoreError(
                        .keyFileInUse,
                        "key file \(path)\(id) already exists but there is no store in \(stateDirectory): it belongs to another "
                            + "store, and two stores sharing one key file is refused unless asked for",
                        details: ["path": .string(path), "stateDirectory": .string(stateDirectory)])
                }
                master = try MasterKey.read(keyFile: path)
                reused = true
            } else if createIfMissing {
                master = try MasterKey.create(keyFile: path)
            } else {
                throw StoreError(.keyFileMissing, "key file \(path) does not exist", details: ["path": .string(path)])
            }
            var unlocked = Unlocked(mode: .keyFile, keyFile: path, scrypt: nil, salt: zeroSalt, keys: StoreKeys(master: master))
            unlocked.reusedKeyFile = reused
            return unlocked
        case .passphrase(let passphrase):
            return try passphraseKeys(passphrase, scrypt: scrypt)
        }
    }

    static var zeroSalt: [UInt8] { [UInt8](repeating: 0, count: StoreFormat.saltSize) }

    /// Keys derived from `passphrase` with a fresh random salt.
    static func passphraseKeys(_ passphrase: SecretBytes, scrypt: ScryptParameters) throws -> Unlocked {
        try scrypt.validate()
        var salt = [UInt8](repeating: 0, count: StoreFormat.saltSize)
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
        let master = try MasterKey.derive(passphrase: passphrase, salt: salt, parameters: scrypt)
        return Unlocked(mode: .passphrase, keyFile: nil, scrypt: scrypt, salt: salt, keys: StoreKeys(master: master))
    }
}
