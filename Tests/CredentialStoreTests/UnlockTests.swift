import CredentialStore
import Foundation
import Secrets
import StateFiles
import StructuredErrors
import Testing

@Suite struct UnlockTests {
    @Test func wrongKeyFileAndWrongPassphrase() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let g = try StoreFixture()
        defer { g.remove() }
        try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock).setPassword(item("u", "p"), for: .default)
        _ = try CredentialStore.open(paths: g.paths, unlock: g.keyUnlock)
        // Another store's valid key: the header's key ID tells it apart from a bad key.
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: .keyFile(g.paths.keyFile, createIfMissing: false)) } == .foreignKey)

        let p = try StoreFixture()
        defer { p.remove() }
        _ = try CredentialStore.initialize(paths: p.paths, unlock: .passphrase(SecretBytes(utf8: "right")), scrypt: StoreFixture.fastScrypt)
        #expect(failure { _ = try CredentialStore.open(paths: p.paths, unlock: .passphrase(SecretBytes(utf8: "wrong"))) } == .wrongKey)
        #expect(failure { _ = try CredentialStore.open(paths: p.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: true)) } == .passphraseRequired)
        #expect(failure { _ = try CredentialStore.open(paths: p.paths, unlock: .passphrase(SecretBytes(utf8: ""))) } == .invalidInput)
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: .passphrase(SecretBytes(utf8: "x"))) } == .wrongKey)
    }

    @Test func keyFileMissingOrInvalid() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        let key = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))
        try AtomicFile.write(Array(repeating: 7, count: 40), to: f.paths.keyFile)
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock) } == .keyFileInvalid)
        try PosixIO.removeFile(f.paths.keyFile)
        // createIfMissing never gives an existing store a new key.
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock) } == .keyFileMissing)
        #expect(!PosixIO.exists(f.paths.keyFile))
        try AtomicFile.write(key, to: f.paths.keyFile)
        _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
    }

    @Test func notInitializedAndAlreadyInitialized() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: false)) } == .notInitialized)
        #expect(failure { _ = try CredentialStore.open(paths: f.paths, unlock: .passphrase(SecretBytes(utf8: "x"))) } == .notInitialized)
        #expect(try CredentialStore.existingMode(paths: f.paths) == nil)
        #expect(failure { _ = try CredentialStore.initialize(paths: f.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: false)) } == .keyFileMissing)
        let store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        #expect(failure { _ = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock) } == .alreadyInitialized)
        let status = try store.status()
        #expect(status.mode == .keyFile && status.keyFile == f.paths.keyFile && status.formatVersion == 2)
        #expect(status.passwordCount == 0 && status.identityCount == 0 && status.scrypt == nil)
        #expect(try PosixIO.fileMode(f.paths.stateDirectory)?.mode == 0o700)
        #expect(try PosixIO.fileMode(f.storeFile)?.mode == 0o600)
        #expect(try PosixIO.fileMode(f.paths.keyFile)?.mode == 0o600)
        #expect(try PosixIO.fileMode(f.paths.keyDirectory)?.mode == 0o700)
    }

    @Test func groupReadableFilesAreRefusedWithTheFix() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        for (path, mode, fix) in [(f.storeFile, 0o640, "chmod 600"), (f.paths.stateDirectory, 0o750, "chmod 700"),
                                  (f.paths.keyFile, 0o644, "chmod 600")] {
            chmod(path, mode_t(mode))
            do {
                _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
                Issue.record("opened with \(path) at mode \(String(mode, radix: 8))")
            } catch let error as StoreError {
                #expect(error.code == .insecurePermissions)
                #expect(error.message.contains(path))
                #expect(error.hint.contains("\(fix) \(path)"))
            }
            chmod(path, mode_t(path == f.paths.stateDirectory ? 0o700 : 0o600))
        }
        _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
    }

    @Test func lockHeldByAnotherProcessTimesOut() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock, lockTimeout: .milliseconds(150))
        let lockPath = f.paths.file(CredentialStore.lockFileName)
        guard let held = try FileLock.acquire(lockPath, kind: .exclusive, timeout: .seconds(1)) else {
            Issue.record("could not take the lock")
            return
        }
        #expect(failure { _ = try store.password(for: .default) } == .lockTimeout)
        #expect(failure { try store.setPassword(item("u", "p"), for: .default) } == .lockTimeout)
        held.unlock()
        try store.setPassword(item("u", "p"), for: .default)
    }

    @Test func everyCodeIsInTheStoreRangeAndDescribed() {
        let codes = StoreErrorCode.allCodes
        #expect(codes.count == Set(codes.map(\.number)).count)
        for c in codes {
            #expect((401..<500).contains(c.number))
            #expect(!c.info.summary.isEmpty && !c.info.hint.isEmpty)
        }
        #expect(StoreErrorCode.tampered.number == 407)
    }
}
