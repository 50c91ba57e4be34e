import Secrets
public import StateFiles
import StructuredErrors

/// One change of a batch applied by ``CredentialStore/apply(_:)``.
public enum CredentialChange: Sendable {
    case setPassword(PasswordItem, for: CredentialKey)
    case removePassword(CredentialKey)
    case setIdentity(IdentityItem, for: CredentialKey)
    case removeIdentity(CredentialKey)
    /// Removes the EAP-FAST PAC of the profile (only `.profile` keys hold PACs; others find nothing).
    case removePAC(CredentialKey)

    var key: CredentialKey {
        switch self {
        case .setPassword(_, let key), .removePassword(let key), .setIdentity(_, let key), .removeIdentity(let key),
             .removePAC(let key): key
        }
    }

    var type: UInt8 {
        switch self {
        case .setPassword, .removePassword: StoreFormat.passwordType
        case .setIdentity, .removeIdentity: StoreFormat.identityType
        case .removePAC: StoreFormat.pacType
        }
    }
}

/// What a batch replaced, to put it back with ``CredentialStore/revert(_:)``.
///
/// Holds sealed bytes only (the file as it was, and the sealed records of every item the batch touched): nothing
/// is decrypted to make or to use it, and it is only valid for the store and key it came from.
public struct CredentialUndo: Sendable {
    struct Slot: Sendable {
        let type: UInt8
        let key: CredentialKey
        /// The item's sealed record before the batch; nil when there was none.
        let previous: [UInt8]?
    }

    let storeFile: String
    /// The file before the batch and the identity of the file the batch wrote (nil when nothing was written).
    let original: [UInt8]
    let written: FileIdentity?
    let slots: [Slot]

    /// Whether the batch changed nothing (every removal found nothing), so there is nothing to revert.
    public var isEmpty: Bool { written == nil }

    /// The password and identity items the batch removed or replaced, as `(isIdentity, key)` pairs (for reports).
    public var replacedItems: [(isIdentity: Bool, key: CredentialKey)] {
        slots.filter { $0.previous != nil && $0.type != StoreFormat.pacType }.map { ($0.type == StoreFormat.identityType, $0.key) }
    }

    /// The keys of the EAP-FAST PACs the batch removed.
    public var removedPACs: [CredentialKey] {
        slots.filter { $0.previous != nil && $0.type == StoreFormat.pacType }.map(\.key)
    }
}

extension CredentialStore {
    /// Applies every change in ONE locked read–modify–atomic-write: the file afterwards holds all of them or, when
    /// this throws, none (the file is untouched). Later changes of the same item win.
    ///
    /// Items keep their place in the file when replaced; new items are appended.
    /// - Returns: what is needed to undo the batch later (``revert(_:)``), e.g. when a step after it fails.
    /// - Throws: `StoreError` (`.lockTimeout`, integrity errors) or `SystemError` (ENOSPC, EROFS…).
    public func apply(_ changes: [CredentialChange]) throws -> CredentialUndo {
        // Seal outside the lock; the last change of each item wins.
        var order: [SlotID] = []
        var final: [SlotID: [UInt8]?] = [:]
        for change in changes {
            try change.key.validate()
            let id = SlotID(type: change.type, key: change.key)
            if final[id] == nil { order.append(id) }
            final[id] = .some(try sealedRecord(for: change))
        }
        return try Self.withLock(lockFile, .exclusive, lockTimeout) {
            AtomicFile.removeStaleTemporaries(for: storeFile)
            let (bytes, records) = try readVerified()
            var slots: [CredentialUndo.Slot] = []
            var seen: Set<SlotID> = []
            var body: [[UInt8]] = []
            var changed = false
            for r in records {
                guard let id = SlotID(r, bytes), let replacement = final[id] else {
                    body.append(Array(bytes[r.range]))
                    continue
                }
                seen.insert(id)
                slots.append(.init(type: id.type, key: id.key, previous: Array(bytes[r.range])))
                if let replacement { body.append(replacement) }
                changed = true
            }
            for id in order where !seen.contains(id) {
                slots.append(.init(type: id.type, key: id.key, previous: nil))
                if let record = final[id] ?? nil {
                    body.append(record)
                    changed = true
                }
            }
            guard changed else { return CredentialUndo(storeFile: storeFile, original: bytes, written: nil, slots: slots) }
            try write(records: [], from: [], extra: body)
            return CredentialUndo(storeFile: storeFile, original: bytes, written: try FileIdentity.of(storeFile), slots: slots)
        }
    }

    /// Undoes a batch in one locked read–modify–atomic-write.
    ///
    /// When the file is still the one the batch wrote, the file as it was before is written back byte for byte.
    /// When another process changed it since, only the items the batch touched are put back as they were (their
    /// sealed records), and the other process's changes stay.
    /// - Throws: `StoreError.wrongKey` when the store was rekeyed since (the old records would not open), the
    ///   errors of ``apply(_:)`` otherwise.
    public func revert(_ undo: CredentialUndo) throws {
        guard let written = undo.written else { return }
        precondition(undo.storeFile == storeFile, "an undo of another store")
        try Self.withLock(lockFile, .exclusive, lockTimeout) {
            AtomicFile.removeStaleTemporaries(for: storeFile)
            if try FileIdentity.of(storeFile) == written {
                try AtomicFile.write(undo.original, to: storeFile, mode: 0o600)
                return
            }
            let (bytes, records) = try readVerified()
            let keyCheckNow = try StoreHeader.parse(bytes, path: storeFile).keyCheck
            guard try StoreHeader.parse(undo.original, path: storeFile).keyCheck == keyCheckNow else {
                throw StoreError(.wrongKey, "the store \(storeFile) was rekeyed since the change that is being undone",
                                 hint: "Check the items with `eapolctl password list` and set them again.",
                                 details: ["path": .string(storeFile)])
            }
            var previous: [SlotID: [UInt8]?] = [:]
            for slot in undo.slots { previous[SlotID(type: slot.type, key: slot.key)] = .some(slot.previous) }
            var seen: Set<SlotID> = []
            var body: [[UInt8]] = []
            for r in records {
                guard let id = SlotID(r, bytes), let old = previous[id] else {
                    body.append(Array(bytes[r.range]))
                    continue
                }
                seen.insert(id)
                if let old { body.append(old) }
            }
            for slot in undo.slots where !seen.contains(SlotID(type: slot.type, key: slot.key)) {
                if let old = slot.previous { body.append(old) }
            }
            try write(records: [], from: [], extra: body)
        }
    }

    /// The sealed record a set-change stores, or nil for a removal.
    func sealedRecord(for change: CredentialChange) throws -> [UInt8]? {
        switch change {
        case .setPassword(let item, let key):
            var meta = Array(item.username.utf8)
            var secret = item.password.copyBytes()
            defer { meta.zeroize(); secret.zeroize() }
            return try sealRecord(type: StoreFormat.passwordType, key: key, meta: meta, secret: secret)
        case .setIdentity(let identity, let key):
            return try sealedIdentityRecord(identity, for: key)
        case .removePassword, .removeIdentity, .removePAC:
            return nil
        }
    }

    /// Seals an identity item: meta `[1]` (PKCS#12) or `[2] + certificate` (PEM), secret the length-prefixed fields.
    func sealedIdentityRecord(_ identity: IdentityItem, for key: CredentialKey) throws -> [UInt8] {
        var meta: [UInt8]
        var secret = [UInt8]()
        defer { meta.zeroize(); secret.zeroize() }
        switch identity {
        case .pkcs12(let bundle, let passphrase):
            meta = [1]
            secret.appendField(bundle)
            secret.appendField(passphrase)
        case .pem(let certificate, let privateKey, let keyPassphrase):
            meta = [2] + Array(certificate.utf8)
            secret.appendField(privateKey)
            secret.append(keyPassphrase == nil ? 0 : 1)
            if let keyPassphrase { secret.appendField(keyPassphrase) }
        }
        return try sealRecord(type: StoreFormat.identityType, key: key, meta: meta, secret: secret)
    }
}

/// One item of the store: its record type and key.
struct SlotID: Hashable {
    let type: UInt8
    let key: CredentialKey

    init(type: UInt8, key: CredentialKey) {
        self.type = type
        self.key = key
    }

    init?(_ r: RecordRef, _ bytes: [UInt8]) {
        guard let key = CredentialKey(kind: r.kind, bytes: bytes[r.keyRange]) else { return nil }
        self.init(type: r.type, key: key)
    }
}
