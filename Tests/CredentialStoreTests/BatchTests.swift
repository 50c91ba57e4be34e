import CredentialStore
import Foundation
import Secrets
import StateFiles
import StructuredErrors
import Testing

/// `CredentialStore.apply(_:)` and `revert(_:)`: one locked read–modify–write per batch, and an undo that puts the
/// file back byte for byte without decrypting anything.
@Suite struct BatchTests {
    static let pkcs12 = IdentityItem.pkcs12(bundle: SecretBytes(utf8: "bundle-bytes"), passphrase: SecretBytes(utf8: "p12-pass"))

    /// A store with three items: two passwords and an identity.
    func filledStore(_ f: StoreFixture) throws -> CredentialStore {
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        try store.setPassword(item("alice", "old-a"), for: .profile(UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!))
        try store.setPassword(item("bob", "old-b"), for: ssid("corp"))
        try store.setIdentity(Self.pkcs12, for: .default)
        return store
    }

    static let a = CredentialKey.profile(UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!)
    static let b = CredentialKey.profile(UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!)

    @Test func batchAppliesEveryChangeAndRevertRestoresTheFileByteForByte() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try filledStore(f)
        let before = try f.storeBytes()
        let undo = try store.apply([
            .setPassword(item("alice2", "new-a"), for: Self.a),      // replaces an item
            .setPassword(item("carol", "new-c"), for: Self.b),       // adds one
            .removePassword(ssid("corp")),                            // removes one
            .setIdentity(.pem(certificate: "CERT", privateKey: SecretBytes(utf8: "KEY"), keyPassphrase: nil), for: Self.b),
        ])
        #expect(try store.password(for: Self.a) == item("alice2", "new-a"))
        #expect(try store.password(for: Self.b) == item("carol", "new-c"))
        #expect(try store.password(for: ssid("corp")) == nil)
        #expect(try store.identity(for: Self.b) != nil)
        #expect(Set(undo.replacedItems.map { "\($0.isIdentity) \($0.key)" })
                == ["false \(Self.a)", "false \(ssid("corp"))"])
        try store.revert(undo)
        #expect(try f.storeBytes() == before)
        #expect(try store.password(for: Self.a) == item("alice", "old-a"))
        #expect(try store.password(for: ssid("corp")) == item("bob", "old-b"))
        #expect(try store.identity(for: .default) == Self.pkcs12)
    }

    @Test func laterChangesOfTheSameItemWinAndRemovingNothingWritesNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try filledStore(f)
        let before = try f.storeBytes()
        let none = try store.apply([.removePassword(Self.b), .removeIdentity(Self.b)])
        #expect(none.isEmpty)
        #expect(try f.storeBytes() == before)
        _ = try store.apply([.setPassword(item("x", "1"), for: Self.b), .setPassword(item("y", "2"), for: Self.b)])
        #expect(try store.password(for: Self.b) == item("y", "2"))
        #expect(try store.listPasswordKeys().count == 3)
    }

    /// Another process changed the store after the batch: only the batch's own items are put back.
    @Test func revertAfterAConcurrentChangeKeepsTheOtherChange() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try filledStore(f)
        let undo = try store.apply([.setPassword(item("alice2", "new-a"), for: Self.a), .removeIdentity(.default)])
        let other = try CredentialStore.open(paths: f.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: false))
        try other.setPassword(item("dave", "other"), for: ssid("guest"))
        try store.revert(undo)
        #expect(try store.password(for: Self.a) == item("alice", "old-a"))
        #expect(try store.identity(for: .default) == Self.pkcs12)
        #expect(try store.password(for: ssid("guest")) == item("dave", "other"))
        #expect(try store.password(for: ssid("corp")) == item("bob", "old-b"))
    }

    /// A batch that cannot be written (the store lock held elsewhere) leaves the file as it was.
    @Test func aBatchThatCannotTakeTheLockChangesNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try filledStore(f)
        let store = try CredentialStore.open(paths: f.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: false),
                                             lockTimeout: .milliseconds(200))
        let before = try f.storeBytes()
        guard let holder = try FileLock.acquire(f.paths.file(CredentialStore.lockFileName), kind: .shared, timeout: .seconds(1)) else {
            Issue.record("could not take the lock")
            return
        }
        #expect(throws: StoreError(.lockTimeout, "")) {
            _ = try store.apply([.setPassword(item("z", "z"), for: Self.b)])
        }
        holder.unlock()
        #expect(try f.storeBytes() == before)
    }
}
