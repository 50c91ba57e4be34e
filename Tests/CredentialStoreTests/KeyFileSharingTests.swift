import CredentialStore
import Foundation
import Secrets
import StateFiles
import StructuredErrors
import Testing

/// The StoreError a call threw (nil when it did not fail).
func storeError(_ body: () throws -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// Two state directories whose key-file path is the same (issue 10): `f` is store A, `b` store B's paths.
@Suite struct KeyFileSharingTests {
    static func sharedPaths(_ f: StoreFixture) -> StatePaths {
        StatePaths(stateDirectory: f.root + "/stateB", keyFile: f.paths.keyFile)
    }

    @Test func initRefusesAnExistingKeyFileAndReusesItOnlyWhenAsked() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let b = Self.sharedPaths(f)
        let a = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        #expect(!a.reusedKeyFile)
        let key = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))

        let refused = try #require(storeError { _ = try CredentialStore.initialize(paths: b, unlock: f.keyUnlock) })
        #expect(refused.code == .keyFileInUse)
        #expect(refused.message.contains(f.paths.keyFile) && refused.message.contains(b.stateDirectory))
        #expect(refused.message.contains(a.keyID), "the refusal names the key ID of the existing key file")
        #expect(refused.hint.contains("--reuse-key-file"))
        // The implicit creation of the first secret-saving command refuses the same way.
        #expect(failure { _ = try CredentialStore.open(paths: b, unlock: f.keyUnlock) } == .keyFileInUse)
        #expect(!PosixIO.exists(b.file(CredentialStore.storeFileName)), "a refused init wrote a store")
        #expect(try PosixIO.readFileIfPresent(f.paths.keyFile) == key, "a refused init touched the key file")

        let shared = try CredentialStore.initialize(paths: b, unlock: f.keyUnlock, reuseKeyFile: true)
        #expect(shared.reusedKeyFile && shared.keyID == a.keyID)
        #expect(try PosixIO.readFileIfPresent(f.paths.keyFile) == key)
        // reuseKeyFile with no key file simply creates one.
        let g = try StoreFixture()
        defer { g.remove() }
        #expect(!(try CredentialStore.initialize(paths: g.paths, unlock: g.keyUnlock, reuseKeyFile: true).reusedKeyFile))
    }

    /// The reproduction of issue 10: rekey of A with the key file it shares with B.
    @Test func rekeyOfOneStoreKeepsTheOtherReadableAndSaysWhereItsKeyWent() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let bPaths = Self.sharedPaths(f)
        var a = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        let b = try CredentialStore.initialize(paths: bPaths, unlock: f.keyUnlock, reuseKeyFile: true)
        try a.setPassword(item("ua", "pa"), for: ssid("A"))
        try b.setPassword(item("ub", "pb"), for: ssid("B"))
        let oldKey = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))
        let oldID = a.keyID

        let result = try a.rekey(to: f.keyUnlock)
        let kept = f.paths.keyFile + ".old"
        #expect(result.previousKeyKeptAt == kept && result.pendingKeyKeptAt == nil)
        #expect(result.previousKeyWasThisStores == true && result.previousKeyID == oldID)
        #expect(result.keyFile == f.paths.keyFile && result.keyID == a.keyID && result.keyID != oldID)
        #expect(try PosixIO.readFileIfPresent(kept) == oldKey, "the shared key was not kept byte for byte")
        #expect(try PosixIO.fileMode(kept)?.mode == 0o600)
        #expect(try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock).password(for: ssid("A")) == item("ua", "pa"))

        // B with the shared path: its key now lives in .old, and the error says exactly that.
        let error = try #require(storeError { _ = try CredentialStore.open(paths: bPaths, unlock: f.keyUnlock) })
        #expect(error.code == .foreignKey)
        #expect(error.message.contains("belongs to another store"))
        #expect(error.message.contains(result.keyID) && error.message.contains(oldID))
        #expect(error.message.contains(kept))
        #expect(error.details["storeKeyFile"] == .string(kept))
        #expect(error.details["storeKeyID"] == .string(oldID))
        #expect(error.hint.contains("eapolctl store status --key-file \(kept)"))
        // ... and B opens, whole, with it.
        let reopened = try CredentialStore.open(paths: bPaths, unlock: .keyFile(kept, createIfMissing: false))
        #expect(try reopened.password(for: ssid("B")) == item("ub", "pb"))
        #expect(try reopened.status().keyID == oldID)
    }

    @Test func repeatedRotationNeverOverwritesAKeptKey() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        var store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        try store.setPassword(item("u", "p"), for: .default)
        var keys = [try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))]
        var keptAt = [String]()
        for _ in 0..<3 {
            keptAt.append(try #require(try store.rekey(to: f.keyUnlock).previousKeyKeptAt))
            keys.append(try #require(try PosixIO.readFileIfPresent(f.paths.keyFile)))
        }
        let k = f.paths.keyFile
        #expect(keptAt == [k + ".old", k + ".old.2", k + ".old.3"])
        for (i, path) in keptAt.enumerated() {
            #expect(try PosixIO.readFileIfPresent(path) == keys[i], "\(path) does not hold key \(i)")
        }
        #expect(Set(keys).count == 4)
        #expect(try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock).password(for: .default) == item("u", "p"))
    }

    @Test func rekeyToAKeyFileHoldingAnotherStoresKeyKeepsThatKeyAndSaysWhose() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        try a.setPassword(item("ua", "pa"), for: .default)
        let p = try StoreFixture()
        defer { p.remove() }
        let pass = SecretBytes(utf8: "pp")
        var b = try CredentialStore.initialize(paths: p.paths, unlock: .passphrase(pass), scrypt: StoreFixture.fastScrypt)
        try b.setPassword(item("ub", "pb"), for: .default)
        let aKey = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))

        // B (a passphrase store) moves to the key file A uses.
        let result = try b.rekey(to: f.keyUnlock)
        let kept = f.paths.keyFile + ".old"
        #expect(result.previousKeyKeptAt == kept && result.previousKeyID == a.keyID && result.previousKeyWasThisStores == false)
        #expect(try PosixIO.readFileIfPresent(kept) == aKey)
        #expect(try CredentialStore.open(paths: p.paths, unlock: f.keyUnlock).password(for: .default) == item("ub", "pb"))
        // A is not lost: its error names the kept file, which opens it.
        let error = try #require(storeError { _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock) })
        #expect(error.code == .foreignKey && error.details["storeKeyFile"] == .string(kept))
        #expect(try CredentialStore.open(paths: f.paths, unlock: .keyFile(kept, createIfMissing: false)).password(for: .default) == item("ua", "pa"))

        // A file that is not a key is kept too, byte for byte.
        let g = try StoreFixture()
        defer { g.remove() }
        var c = try CredentialStore.initialize(paths: g.paths, unlock: .passphrase(pass), scrypt: StoreFixture.fastScrypt)
        try SecureDirectory.ensure(g.paths.keyDirectory)
        try AtomicFile.write(Array("not a key".utf8), to: g.paths.keyFile)
        let other = try c.rekey(to: g.keyUnlock)
        #expect(other.previousKeyID == nil && other.previousKeyWasThisStores == false)
        #expect(try PosixIO.readFileIfPresent(g.paths.keyFile + ".old") == Array("not a key".utf8))
        #expect(try CredentialStore.open(paths: g.paths, unlock: g.keyUnlock).status().passwordCount == 0)
    }

    @Test func aLeftoverPendingKeyIsKeptNotOverwritten() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        var store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        try store.setPassword(item("u", "p"), for: .default)
        // Another store's interrupted rekey could have left its only copy of its new key in <key file>.new.
        let g = try StoreFixture()
        defer { g.remove() }
        _ = try CredentialStore.initialize(paths: g.paths, unlock: g.keyUnlock)
        let foreign = try #require(try PosixIO.readFileIfPresent(g.paths.keyFile))
        try AtomicFile.write(foreign, to: f.paths.keyFile + ".new")

        let result = try store.rekey(to: f.keyUnlock)
        #expect(result.pendingKeyKeptAt == f.paths.keyFile + ".new.old")
        #expect(try PosixIO.readFileIfPresent(f.paths.keyFile + ".new.old") == foreign)
        #expect(!PosixIO.exists(f.paths.keyFile + ".new"))
        #expect(try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock).password(for: .default) == item("u", "p"))
    }

    @Test func statusShowsTheKeyIDAndAFlippedKeyCheckIsTamperedNotAWrongKey() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        let status = try store.status()
        #expect(status.keyID.count == 32 && status.keyID == store.keyID && status.formatVersion == 2)
        let key = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))
        #expect(!status.keyID.contains(key[8..<40].map { String(format: "%02x", $0) }.joined().prefix(8)))
        // Same key, deliberately wrong check value: a damaged header, not "another store's key".
        var bytes = try f.storeBytes()
        bytes[50] ^= 1
        try f.writeStoreBytes(bytes)
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock) } == .tampered)
    }
}
