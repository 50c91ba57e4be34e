import CredentialStore
import Foundation
import Secrets
import StateFiles
import StructuredErrors
import Testing

/// EAP-FAST PACs in the credential store: a record type of format version 3, written only while a PAC is held, so
/// stores without one keep format 2 and old stores (format 1 and 2) open and take a PAC.
@Suite struct PACStoreTests {
    static let pacText = "wpa_supplicant EAP-FAST PAC file - version 1\nSTART\nPAC-Type=1\nPAC-Key=00\nPAC-Opaque=01\nEND\n"
    static let profile = UUID(uuidString: "0B1F2C3D-4E5F-4061-8273-948596A7B8C9")!

    @Test func aPACIsStoredReadReplacedAndRemovedAndTheFormatFollowsIt() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        try store.setPassword(item("fast-user", "fast-pass"), for: .profile(Self.profile))
        #expect(try f.storeBytes()[9] == 2, "a store without a PAC is written as format 2")
        #expect(try store.pac(for: Self.profile) == nil)

        try store.setPAC(SecretBytes(utf8: Self.pacText), for: Self.profile)
        let bytes = try f.storeBytes()
        #expect(bytes[8] == 0 && bytes[9] == 3, "a store holding a PAC is format 3")
        #expect(!contains(bytes, Array("PAC-Opaque".utf8)), "the PAC is sealed, not in clear")
        let reopened = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try reopened.pac(for: Self.profile)?.utf8String() == Self.pacText)
        #expect(try reopened.password(for: .profile(Self.profile)) == item("fast-user", "fast-pass"))
        let status = try reopened.status()
        #expect(status.pacCount == 1 && status.passwordCount == 1 && status.identityCount == 0 && status.formatVersion == 3)

        try reopened.setPAC(SecretBytes(utf8: Self.pacText + "#refreshed\n"), for: Self.profile)
        #expect(try reopened.pac(for: Self.profile)?.utf8String()?.hasSuffix("#refreshed\n") == true)
        #expect(try reopened.status().pacCount == 1)

        #expect(try reopened.apply([.removePAC(.profile(Self.profile))]).removedPACs == [.profile(Self.profile)])
        #expect(try reopened.apply([.removePAC(.profile(Self.profile))]).removedPACs.isEmpty)
        #expect(try f.storeBytes()[9] == 2, "without its PAC the store is format 2 again")
        #expect(try reopened.password(for: .profile(Self.profile)) == item("fast-user", "fast-pass"))
    }

    @Test func aVersion1StoreOpensAndTakesAPAC() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try SecureDirectory.ensure(f.paths.stateDirectory)
        try SecureDirectory.ensure(f.paths.keyDirectory)
        try AtomicFile.write(FormatUpgradeTests.version1Store, to: f.storeFile)
        try AtomicFile.write(FormatUpgradeTests.version1Key, to: f.paths.keyFile)
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try store.pac(for: Self.profile) == nil)
        try store.setPAC(SecretBytes(utf8: Self.pacText), for: Self.profile)
        let reopened = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try reopened.pac(for: Self.profile)?.utf8String() == Self.pacText)
        #expect(try reopened.password(for: ssid("legacy")) == item("olduser", "legacy-pw"))
        #expect(try reopened.status().formatVersion == 3)
    }

    @Test func aBatchRemovesThePACWithThePasswordAndUndoPutsItBack() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        try store.setPassword(item("u", "p"), for: .profile(Self.profile))
        try store.setPAC(SecretBytes(utf8: Self.pacText), for: Self.profile)
        let undo = try store.apply([.removePassword(.profile(Self.profile)), .removePAC(.profile(Self.profile))])
        #expect(undo.replacedItems.map(\.key) == [.profile(Self.profile)] && undo.removedPACs == [.profile(Self.profile)])
        #expect(try store.pac(for: Self.profile) == nil && store.password(for: .profile(Self.profile)) == nil)
        try store.revert(undo)
        #expect(try store.pac(for: Self.profile)?.utf8String() == Self.pacText)
    }

    @Test func emptyAndOversizedPACsAreRefusedAndNothingIsWritten() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        let before = try f.storeBytes()
        for pac in [SecretBytes([UInt8]()), SecretBytes([UInt8](repeating: 0x41, count: CredentialStore.maxPACLength + 1))] {
            do {
                try store.setPAC(pac, for: Self.profile)
                Issue.record("a PAC of \(pac.count) bytes was stored")
            } catch let error as StoreError {
                #expect(error.code == .invalidInput && error.details["field"] == "pac")
            }
        }
        #expect(try f.storeBytes() == before)
    }

    @Test func aPACRecordInAFormat2FileIsRefused() throws {
        // The parser's rule, without keys: a PAC record type in a version 2 file is tampering (a build that reads
        // version 2 only refuses version 3 as a newer format before it parses any record).
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        try store.setPAC(SecretBytes(utf8: Self.pacText), for: Self.profile)
        var bytes = try f.storeBytes()
        bytes[9] = 2
        try f.writeStoreBytes(bytes)
        do {
            _ = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
            Issue.record("a version-2 file with a changed version word opened")
        } catch let error as StoreError {
            #expect(error.code == .tampered)
        }
        do {
            _ = try StoreFileInspection.inspect(bytes)
            Issue.record("a PAC record parsed in a version 2 file")
        } catch let error as StoreError {
            #expect(error.code == .tampered && error.message.contains("unknown record type"))
        }
    }
}
