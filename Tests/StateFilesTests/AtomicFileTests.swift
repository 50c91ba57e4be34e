import Foundation
import StructuredErrors
import Testing
@testable import StateFiles

@Suite struct AtomicFileTests {
    @Test func writesReplacesAndSetsMode() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/f"
        try AtomicFile.write(Array("one".utf8), to: path)
        #expect(try PosixIO.readFileIfPresent(path) == Array("one".utf8))
        #expect(try PosixIO.fileMode(path)?.mode == 0o600)
        try AtomicFile.write(Array("two, longer".utf8), to: path, mode: 0o640)
        #expect(try PosixIO.readFileIfPresent(path) == Array("two, longer".utf8))
        #expect(try PosixIO.fileMode(path)?.mode == 0o640)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["f"])
    }

    @Test func failureNamesThePathAndLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let missing = dir.path + "/no/such/dir/f"
        do {
            try AtomicFile.write([1, 2, 3], to: missing)
            Issue.record("write into a missing directory succeeded")
        } catch let error as SystemError {
            #expect(error.code == .fileNotFound)
            #expect(error.message.contains(dir.path + "/no/such/dir"))
        }
        #expect(try PosixIO.readFileIfPresent(missing) == nil)
    }

    @Test func staleTemporariesAreRemoved() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/store"
        FileManager.default.createFile(atPath: dir.path + "/.store.tmp.123.abc", contents: Data([1]))
        FileManager.default.createFile(atPath: dir.path + "/other", contents: Data([1]))
        #expect(AtomicFile.removeStaleTemporaries(for: path) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["other"])
    }
}
