import CredentialStore
import Foundation
import Secrets
import StateFiles
import Testing
import TestSupport

/// A rekey interrupted at any point loses nothing: the store opens with its key file, every item is there, and
/// every key that was ever in the key file is still somewhere (the key file or a kept `.old`).
@Suite(.serialized) struct RekeyCrashTests {
    static let itemCount = 20

    func fill(_ f: StoreFixture) throws {
        let store = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        try store.setPasswords((0..<Self.itemCount).map { (key: ssid("r-\($0)"), item: item("u\($0)", "p\($0)")) })
    }

    func expectWhole(_ f: StoreFixture, _ context: String) throws {
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try store.listPasswordKeys().count == Self.itemCount, "\(context)")
        for i in 0..<Self.itemCount {
            #expect(try store.password(for: ssid("r-\(i)")) == item("u\(i)", "p\(i)"), "\(context): r-\(i)")
        }
    }

    /// The state a crash leaves after the new store is durable but before `.new` is renamed over the key file.
    @Test func crashAfterTheStoreIsWrittenIsFinishedByTheNextOpen() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try fill(f)
        let oldKey = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))
        var store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        try store.rekey(to: f.keyUnlock)
        let newKey = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))
        // Undo the last step: the new key back in .new, the old one in the key file (and already kept in .old).
        try AtomicFile.write(newKey, to: f.paths.keyFile + ".new")
        try AtomicFile.write(oldKey, to: f.paths.keyFile)
        try expectWhole(f, "after the recovering open")
        #expect(try PosixIO.readFileIfPresent(f.paths.keyFile) == newKey)
        #expect(try PosixIO.readFileIfPresent(f.paths.keyFile + ".old") == oldKey)
        #expect(!PosixIO.exists(f.paths.keyFile + ".new") && !PosixIO.exists(f.paths.keyFile + ".old.2"))
    }

    /// The state a crash leaves after `.new` is written but before the store is: the old store and key are intact.
    @Test func crashBeforeTheStoreIsWrittenLeavesTheOldKeyInCharge() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try fill(f)
        let oldKey = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))
        let g = try StoreFixture()
        defer { g.remove() }
        _ = try CredentialStore.initialize(paths: g.paths, unlock: g.keyUnlock)
        let unused = try #require(try PosixIO.readFileIfPresent(g.paths.keyFile))
        try AtomicFile.write(unused, to: f.paths.keyFile + ".new")
        try AtomicFile.write(oldKey, to: f.paths.keyFile + ".old")
        try expectWhole(f, "old store, unused pending key")
        #expect(try PosixIO.readFileIfPresent(f.paths.keyFile) == oldKey)
        #expect(try PosixIO.readFileIfPresent(f.paths.keyFile + ".new") == unused, "an open must not consume a pending key that is not the store's")
    }

    /// A rekey loop in another process killed with SIGKILL at random moments.
    @Test func rekeyKilledAtRandomMomentsLosesNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try fill(f)
        var everyKey: Set<[UInt8]> = [try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))]
        var rng = SplitMix64(seed: 0x4e4b_e1d5)
        var kills = 0, completed = 0
        for run in 0..<25 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: try storeStressBinary())
            p.arguments = ["rekey-loop", "--state-dir", f.paths.stateDirectory, "--key-file", f.paths.keyFile,
                           "--prefix", "k", "--count", "1000"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            usleep(UInt32.random(in: 20_000...120_000, using: &rng))
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                kills += 1
            }
            p.waitUntilExit()
            let acks = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            completed += acks.split(separator: "\n").count
            try expectWhole(f, "run \(run)")
            // No key that was ever the store's is gone: each is in the key file or one of its kept copies.
            let onDisk = Set(KeyFiles.all(f.paths.keyFile).compactMap { try? PosixIO.readFileIfPresent($0) })
            #expect(everyKey.isSubset(of: onDisk), "run \(run): a key disappeared")
            everyKey.formUnion(onDisk.filter { $0.count == 40 })
        }
        #expect(kills >= 10, "the rekey loop was killed only \(kills) times")
        #expect(completed >= 10, "only \(completed) rekeys completed; the test did not exercise the loop")
    }
}

enum KeyFiles {
    /// The key file and every file next to it that shares its name as a prefix (kept and pending keys).
    static func all(_ keyFile: String) -> [String] {
        let dir = (keyFile as NSString).deletingLastPathComponent, base = (keyFile as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0 == base || $0.hasPrefix(base + ".") }.map { dir + "/" + $0 }
    }
}
