import Foundation
import Secrets
import StateFiles
import Crypto
import StructuredErrors

/// Sealing and opening records: AES-GCM with the item key as associated data, and the codec of secret fields.
extension CredentialStore {
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

    func decryptPAC(_ r: RecordRef, _ bytes: [UInt8]) throws -> SecretBytes {
        let meta = try openPart(r, StoreFormat.metaPart, bytes)
        guard meta.elementsEqual([1]) else { throw StoreHeader.tampered(storeFile, "a PAC item is malformed") }
        var secret = try openPart(r, StoreFormat.secretPart, bytes)
        defer { secret.zeroize() }
        return SecretBytes(secret)
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
