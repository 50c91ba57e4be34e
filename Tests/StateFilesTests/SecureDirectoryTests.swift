import Foundation
import Testing
@testable import StateFiles

@Suite struct SecureDirectoryTests {
    @Test func ensureCreatesPrivateDirectories() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let deep = dir.path + "/a/b/c"
        let old = umask(0o022)
        defer { umask(old) }
        try SecureDirectory.ensure(deep)
        #expect(try PosixIO.fileMode(deep)?.mode == 0o700)
        #expect(try PosixIO.fileMode(dir.path + "/a")?.mode == 0o700)
        #expect(try SecureDirectory.permissionProblem(at: deep) == nil)
        try SecureDirectory.ensure(deep)  // idempotent
    }

    @Test func groupOrWorldAccessIsReportedWithTheFix() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.path + "/store"
        try AtomicFile.write([1], to: file, mode: 0o640)
        let problem = try #require(try SecureDirectory.permissionProblem(at: file))
        #expect(problem.path == file)
        #expect(problem.octalMode == "0640")
        #expect(problem.fix == "chmod 600 \(file)")
        chmod(dir.path, 0o755)
        let dirProblem = try #require(try SecureDirectory.permissionProblem(at: dir.path))
        #expect(dirProblem.fix == "chmod 700 \(dir.path)")
        #expect(try SecureDirectory.permissionProblem(at: dir.path + "/missing") == nil)
    }
}
