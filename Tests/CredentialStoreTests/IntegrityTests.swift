import Crypto
import Foundation
import Secrets
import StateFiles
import StructuredErrors
import Testing
@testable import CredentialStore

/// The code a failed open or read threw, or nil when it did not fail.
func failure(_ body: () throws -> Void) -> StoreErrorCode? {
    do {
        try body()
        return nil
    } catch let error as StoreError {
        return error.code
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

@Suite struct IntegrityTests {
    /// The code expected when byte `i` of a key-file store is XORed with 0xff.
    static func expectedCode(flipping i: Int, in original: [UInt8], mode: StoreMode) -> StoreErrorCode {
        switch i {
        case 0..<8: return .badMagic
        case 8..<10: return .newerFormat
        case 20..<36 where mode == .passphrase: return .wrongKey  // the scrypt salt: indistinguishable from a wrong passphrase
        case 10..<36: return .tampered
        case 36..<44:
            var flipped = original
            flipped[i] ^= 0xff
            return flipped.readU64(36) > UInt64(original.count) ? .truncated : .tampered
        // The key check: the key is the one the header's key ID names, so the header was changed (format 2).
        case 44..<76: return .tampered
        default: return .tampered  // record count, key ID (80..<96), records, MAC
        }
    }

    func flipEveryByte(mode: StoreMode) throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let pass = SecretBytes(utf8: "flip test passphrase")
        let unlock: UnlockMethod = mode == .keyFile ? f.keyUnlock : .passphrase(pass)
        let store = try CredentialStore.initialize(paths: f.paths, unlock: unlock, scrypt: StoreFixture.fastScrypt)
        try store.setPassword(item("u1", "p1"), for: ssid("A"))
        try store.setIdentity(.pkcs12(bundle: SecretBytes([9, 9]), passphrase: SecretBytes(utf8: "q")), for: .default)
        let original = try f.storeBytes()
        #expect(original.count < 400)
        for i in original.indices {
            var bytes = original
            bytes[i] ^= 0xff
            try f.writeStoreBytes(bytes)
            let expected = Self.expectedCode(flipping: i, in: original, mode: mode)
            let onOpen = failure { _ = try CredentialStore.open(paths: f.paths, unlock: unlock).password(for: ssid("A")) }
            #expect(onOpen == expected, "byte \(i) flipped: open gave \(String(describing: onOpen)), expected \(expected)")
            // An already open handle detects it too, on reads and on writes.
            let onRead = failure { _ = try store.listPasswordKeys() }
            let onWrite = failure { try store.setPassword(item("u2", "p2"), for: ssid("B")) }
            #expect(onRead != nil && onWrite != nil, "byte \(i) flipped: an open handle did not notice")
            #expect(try f.storeBytes() == bytes, "byte \(i) flipped: a failed call changed the file")
        }
        try f.writeStoreBytes(original)
        #expect(try CredentialStore.open(paths: f.paths, unlock: unlock).password(for: ssid("A")) == item("u1", "p1"))
    }

    @Test func flippingAnyByteOfAKeyFileStoreIsDetected() throws {
        try flipEveryByte(mode: .keyFile)
    }

    @Test func flippingAnyByteOfAPassphraseStoreIsDetected() throws {
        try flipEveryByte(mode: .passphrase)
    }

    @Test func truncationAtEveryLengthIsReported() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        try store.setPassword(item("u", "p"), for: .default)
        try store.setPassword(item("v", "q"), for: ssid("N"))
        let original = try f.storeBytes()
        for length in 0..<original.count {
            try f.writeStoreBytes(Array(original[0..<length]))
            let code = failure { _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock) }
            #expect(code == .truncated, "truncated to \(length) bytes gave \(String(describing: code))")
        }
        try f.writeStoreBytes(original + [0])
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock) } == .tampered)
        try f.writeStoreBytes(Array("not a store at all".utf8))
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock) } == .badMagic)
    }

    @Test func movingCiphertextBetweenItemsFailsEvenWithAValidFileMAC() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        try store.setPassword(item("same", "first"), for: ssid("AAAA"))
        try store.setPassword(item("same", "other"), for: ssid("BBBB"))
        var bytes = try f.storeBytes()
        let header = try StoreHeader.parse(bytes, path: f.storeFile)
        let records = try RecordRef.parseAll(bytes, header: header, path: f.storeFile)
        #expect(records.count == 2 && records[0].secretRange.count == records[1].secretRange.count)
        let a = Array(bytes[records[0].secretRange]), b = Array(bytes[records[1].secretRange])
        bytes.replaceSubrange(records[0].secretRange, with: b)
        bytes.replaceSubrange(records[1].secretRange, with: a)
        // An attacker holding the key file could recompute the file MAC; the per-item binding must still hold.
        let keys = StoreKeys(master: try MasterKey.read(keyFile: f.paths.keyFile))
        let end = bytes.count - StoreFormat.macSize
        bytes.replaceSubrange(end..., with: keys.mac(bytes, upTo: end))
        try f.writeStoreBytes(bytes)
        let reopened = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(failure { _ = try reopened.password(for: ssid("AAAA")) } == .tampered)
        #expect(failure { _ = try reopened.password(for: ssid("BBBB")) } == .tampered)
    }

    @Test func newerFormatNamesBothVersions() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        var bytes = try f.storeBytes()
        // One past the newest format this build writes (3 since EAP-FAST PACs).
        let newer = StoreFormat.version + 1
        bytes[8] = UInt8(newer >> 8)
        bytes[9] = UInt8(newer & 0xFF)
        try f.writeStoreBytes(bytes)
        do {
            _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
            Issue.record("opened a version \(newer) store")
        } catch let error as StoreError {
            #expect(error.code == .newerFormat)
            #expect(error.message.contains("version \(newer)") && error.message.contains("up to version \(StoreFormat.version)"))
            #expect(error.message.contains(f.storeFile))
        }
    }
}
