#if canImport(Glibc)
import Glibc
#endif
import Foundation
import StateFiles
import Testing

// PosixIO.readFileIfPresent(_:atMost:): a small record's reader that a planted file cannot make read forever or hang.

@Suite struct BoundedReadTests {
    @Test func readsUpToTheLimitAndSaysWhetherThatWasAll() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/r"
        #expect(try PosixIO.readFileIfPresent(path, atMost: 8) == nil)
        try Data("12345678".utf8).write(to: URL(fileURLWithPath: path))
        let exact = try #require(try PosixIO.readFileIfPresent(path, atMost: 8))
        #expect(exact.bytes == Array("12345678".utf8) && exact.isWhole)
        try Data("123456789".utf8).write(to: URL(fileURLWithPath: path))
        let over = try #require(try PosixIO.readFileIfPresent(path, atMost: 8))
        #expect(over.bytes == Array("12345678".utf8) && !over.isWhole)
    }

    @Test func anEndlessDeviceIsNotReadToItsEnd() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/r"
        try #require(symlink("/dev/zero", path) == 0)
        let r = try #require(try PosixIO.readFileIfPresent(path, atMost: 4096))
        #expect(r.bytes.count == 4096 && !r.isWhole)
    }

    @Test func aFIFOWithoutAWriterDoesNotBlock() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/r"
        try #require(mkfifo(path, 0o600) == 0)
        let r = try #require(try PosixIO.readFileIfPresent(path, atMost: 4096))
        #expect(r.bytes.isEmpty && r.isWhole)
    }
}
