import CredentialStore
import Foundation
import Secrets
import StateFiles
import StructuredErrors
import Testing

/// Format 1 stores (no key ID in the header) keep opening, and are rewritten as format 2 by their next change.
@Suite struct FormatUpgradeTests {
    /// A store written by eapolctl before format 2 (commit 7b6fccb, `password set --ssid legacy --username olduser`
    /// then `password set --default --username dflt`), and its key file. Test data: the key protects nothing else.
    static let version1Store = hex("""
        4541504f4c43533100010100000000000000000000000000000000000000000000000000000000000000011aadf37fd2702ad8\
        07aabf1ad7d5cf4da26303376a18227a90754eb48fac0507bf000000020102066c656761637900000023addf5653ab49ccc0d3\
        7130fc5759336c3bcadc2c653afa578b0d3cd5148ad91dd3048c00000025301cb2d1f62bb8d40032955ba319c9e32166a25103\
        0668e7c88893d5b85f1e5c6675fe7b200103000000002087df576307d927c1cf66e7f646387d3ccec370ed797097f248e89dac\
        3aec460e00000026e17ea79817bd667d8c5c8b46c1117cf3621cc56fa2d6605072f8f35bd00418e4427dc8fa3425dd47ac98d6\
        b727c7eae53695a899971137f92c325ac7d1d8c952a25447476302
        """)
    static let version1Key = hex("4541504f4c434b31c6b167dafa69e0036262db8d50143e68eeab8c6eaebafc706d21a0e48f48bb63")

    static func hex(_ s: String) -> [UInt8] {
        let digits = Array(s.filter { !$0.isWhitespace })
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }

    func installFixture(_ f: StoreFixture) throws {
        try SecureDirectory.ensure(f.paths.stateDirectory)
        try SecureDirectory.ensure(f.paths.keyDirectory)
        try AtomicFile.write(Self.version1Store, to: f.storeFile)
        try AtomicFile.write(Self.version1Key, to: f.paths.keyFile)
    }

    @Test func aVersion1StoreOpensAndIsUpgradedByItsNextChange() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try installFixture(f)
        #expect(Self.version1Store.count == 282 && Self.version1Store[9] == 1)
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try store.password(for: ssid("legacy")) == item("olduser", "legacy-pw"))
        #expect(try store.password(for: .default) == item("dflt", "default-pw"))
        let before = try store.status()
        #expect(before.formatVersion == 1 && before.supportedFormatVersion == 3 && before.fileSize == 282)
        #expect(try f.storeBytes() == Self.version1Store, "reading rewrote the store")

        try store.setPassword(item("new", "new-pw"), for: ssid("new"))
        let bytes = try f.storeBytes()
        #expect(bytes[8] == 0 && bytes[9] == 2)
        // The header now records the key ID, and the old records were carried over unchanged.
        #expect(Array(bytes[80..<96]) == FormatUpgradeTests.hex(before.keyID))
        #expect(contains(bytes, Array(Self.version1Store[80..<(282 - 32)])))
        let reopened = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try reopened.password(for: ssid("legacy")) == item("olduser", "legacy-pw"))
        #expect(try reopened.password(for: ssid("new")) == item("new", "new-pw"))
        let after = try reopened.status()
        #expect(after.formatVersion == 2 && after.keyID == before.keyID && after.passwordCount == 3)
    }

    @Test func aVersion1StoreWithTheWrongKeyIsAWrongKeyNamingTheKeptKey() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try installFixture(f)
        // Its key was moved to .old and another key put in its place: without a key ID in the header, eapolctl
        // cannot say "another store's key", but it still finds the file that holds this store's key.
        try AtomicFile.write(Self.version1Key, to: f.paths.keyFile + ".old")
        let g = try StoreFixture()
        defer { g.remove() }
        _ = try CredentialStore.initialize(paths: g.paths, unlock: g.keyUnlock)
        try AtomicFile.write(try #require(try PosixIO.readFileIfPresent(g.paths.keyFile)), to: f.paths.keyFile)
        let error = try #require(storeError { _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock) })
        #expect(error.code == .wrongKey)
        #expect(error.details["storeKeyFile"] == .string(f.paths.keyFile + ".old"))
        #expect(error.message.contains(f.paths.keyFile + ".old holds this store's key"))
    }

    @Test func aVersion1StoreRekeysToVersion2() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try installFixture(f)
        var store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        let result = try store.rekey(to: f.keyUnlock)
        #expect(try PosixIO.readFileIfPresent(try #require(result.previousKeyKeptAt)) == Self.version1Key)
        let reopened = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try reopened.status().formatVersion == 2)
        #expect(try reopened.password(for: ssid("legacy")) == item("olduser", "legacy-pw"))
    }
}
