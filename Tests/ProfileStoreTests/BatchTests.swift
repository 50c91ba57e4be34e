import Foundation
import ProfileModel
@testable import ProfileStore
import StateFiles
import Testing

/// `ProfileRepository.apply(saving:removing:replace:)` and `revert(_:)`: one lock, all or nothing, and a restore that
/// gives back every file (profile files, trust hints, the index) byte for byte.
@Suite struct ProfileBatchTests {
    let dir: String
    let repository: ProfileRepository

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("profile-batch-\(UUID().uuidString)").path
        repository = ProfileRepository(stateDirectory: dir)
    }

    func profile(_ name: String, ssid: String?) throws -> Profile {
        let binding: NetworkBinding = try ssid.map { .wifi(ssid: try SSID(parsing: $0), security: .wpa2, hidden: false) }
            ?? .wired(interface: nil)
        return Profile(name: name, binding: binding, eap: EAPSettings(outer: .peap),
                       trust: TrustSettings(insecureNoServerValidation: true))
    }

    /// Every file under the state directory with its bytes and mode, and the profiles directory's mtime.
    func snapshot() throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let e = FileManager.default.enumerator(atPath: dir)
        while let rel = e?.nextObject() as? String {
            let full = dir + "/" + rel
            guard let (mode, isDir) = try PosixIO.fileMode(full) else { continue }
            out[rel] = isDir ? Array("dir \(mode)".utf8) : (try PosixIO.readFileIfPresent(full) ?? []) + Array(" mode \(mode)".utf8)
        }
        out["<profiles mtime>"] = Array(String(ProfileRepository.mtime(of: repository.directory) ?? 0).utf8)
        return out
    }

    /// Three profiles, one with a trust hint.
    func filled() throws -> (a: Profile, b: Profile, c: Profile) {
        let a = try profile("Alpha", ssid: "alpha"), b = try profile("Beta", ssid: "beta"), c = try profile("Wired", ssid: nil)
        for p in [a, b, c] { try repository.save(p, replace: false) }
        try repository.recordTrustHint("AB:CD", for: b.id)
        _ = try repository.list()  // a consistent index
        return (a, b, c)
    }

    @Test func batchSavesAndRemovesAndRevertRestoresEveryByte() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (a, b, c) = try filled()
        let before = try snapshot()
        var a2 = a
        a2.name = "Alpha 2"
        let clash = try profile("Takes beta", ssid: "beta")  // replaces b through its SSID
        let result = try repository.apply(saving: [a2, clash], removing: [c.id], replace: true)
        #expect(result.replaced[a2.id] == [a.id])
        #expect(result.replaced[clash.id] == [b.id])
        #expect(Set(result.previous.map(\.id)) == [a.id, b.id, c.id])
        #expect(try repository.list().map(\.name) == ["Alpha 2", "Takes beta"])
        #expect(repository.trustHint(for: b.id) == nil)
        try repository.revert(result.undo)
        #expect(try snapshot() == before)
        #expect(try repository.list().map(\.name) == ["Alpha", "Beta", "Wired"])
        #expect(repository.trustHint(for: b.id) == "AB:CD")
    }

    /// A write that fails half-way through (here the third profile's path is a directory, so its rename fails)
    /// leaves every file as it was.
    @Test func aFailedWriteRestoresTheFilesWrittenBeforeIt() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (a, b, _) = try filled()
        let blocked = try profile("Blocked", ssid: "blocked")
        try FileManager.default.createDirectory(atPath: repository.file(for: blocked.id) + "/x", withIntermediateDirectories: true)
        let before = try snapshot()
        var a2 = a, b2 = b
        a2.name = "changed a"
        b2.name = "changed b"
        #expect(throws: (any Error).self) { _ = try repository.apply(saving: [a2, b2, blocked], replace: true) }
        #expect(try snapshot() == before)
        #expect(try repository.load(a.id) == a)
    }

    @Test func conflictsAreRefusedBeforeAnythingIsWritten() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (a, _, _) = try filled()
        let before = try snapshot()
        let fresh = try profile("New", ssid: "new")
        #expect(throws: ProfileError(.duplicateSSID, "")) { _ = try repository.apply(saving: [fresh, a], replace: false) }
        #expect(throws: ProfileError.profileNotFound("x")) { _ = try repository.apply(saving: [], removing: [fresh.id], replace: false) }
        #expect(try snapshot() == before)
    }

    /// A file that another process rewrote after the batch keeps that process's version; the index then matches
    /// the files.
    @Test func revertLeavesAFileChangedSinceAndRebuildsTheIndex() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (a, b, _) = try filled()
        var a2 = a, b2 = b
        a2.name = "batch a"
        b2.name = "batch b"
        let result = try repository.apply(saving: [a2, b2], replace: true)
        var b3 = b
        b3.name = "someone else"
        try repository.save(b3, replace: true)
        try repository.revert(result.undo)
        #expect(try repository.load(a.id) == a)
        #expect(try repository.load(b.id).name == "someone else")
        #expect(try repository.list().map(\.name).sorted() == ["Alpha", "Wired", "someone else"])
    }
}
