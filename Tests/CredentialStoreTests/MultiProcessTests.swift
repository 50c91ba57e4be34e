import CredentialStore
import Foundation
import Secrets
import StateFiles
import Testing
import TestSupport

@Suite(.serialized) struct MultiProcessTests {
    func stress(_ f: StoreFixture, _ mode: String, prefix: String, count: Int, start: Int = 0) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try storeStressBinary())
        p.arguments = [mode, "--state-dir", f.paths.stateDirectory, "--key-file", f.paths.keyFile,
                       "--prefix", prefix, "--count", String(count), "--start", String(start)]
        return p
    }

    @Test func eightWritersOfFiftyItemsLoseNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        let writers = try (0..<8).map { try stress(f, "write-many", prefix: "w\($0)", count: 50) }
        for w in writers { try w.run() }
        for w in writers {
            w.waitUntilExit()
            #expect(w.terminationStatus == 0)
        }
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try store.listPasswordKeys().count == 400)
        for w in 0..<8 {
            for i in 0..<50 {
                let name = "w\(w)-\(i)"
                #expect(try store.password(for: ssid(name)) == item("user-\(name)", "pw-\(name)"), "\(name) missing")
            }
        }
    }

    @Test func writerKilledAtRandomMomentsNeverLosesAnAcknowledgedWrite() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try CredentialStore.initialize(paths: f.paths, unlock: f.keyUnlock)
        var rng = SplitMix64(seed: 0x5eed_1234)
        let total = 200
        var acknowledged = Set<Int>()
        var next = 0
        var kills = 0
        var runs = 0
        while next < total && runs < 300 {
            runs += 1
            let outPath = f.root + "/ack-\(runs).txt"
            FileManager.default.createFile(atPath: outPath, contents: nil)
            let out = try #require(FileHandle(forWritingAtPath: outPath))
            let p = try stress(f, "write-acked", prefix: "c", count: total, start: next)
            p.standardOutput = out
            try p.run()
            // Later runs wait a little longer so the writer always gets past its start-up.
            usleep(UInt32.random(in: 5_000...(40_000 + UInt32(runs) * 2_000), using: &rng))
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                kills += 1
            }
            p.waitUntilExit()
            try out.close()
            let text = String(decoding: try PosixIO.readFileIfPresent(outPath) ?? [], as: UTF8.self)
            // Only complete lines are acknowledgements.
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) where text.contains(line + "\n") {
                if let i = Int(line.dropFirst(2)) { acknowledged.insert(i) }
            }
            if p.terminationReason == .exit { #expect(p.terminationStatus == 0) }
            // After every run, killed or not, the store opens and holds every acknowledged write.
            let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
            for i in acknowledged {
                #expect(try store.password(for: ssid("c-\(i)")) == item("user-c-\(i)", "pw-c-\(i)"), "acknowledged c-\(i) lost")
            }
            next = (acknowledged.max() ?? -1) + 1
        }
        #expect(next == total)
        #expect(kills >= 3, "the writer was killed only \(kills) times; the test did not exercise crashes")
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        #expect(try store.listPasswordKeys().count == total)
    }
}
