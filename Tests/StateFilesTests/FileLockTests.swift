import Foundation
import Testing
@testable import StateFiles

@Suite struct FileLockTests {
    @Test func exclusiveExcludesAndReleaseLetsOthersIn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/lock"
        let held = try held(FileLock.acquire(path, kind: .exclusive, timeout: .seconds(1)))
        // A second descriptor (as another process would have) cannot get either kind while it is held.
        let start = ContinuousClock.now
        #expect(try FileLock.acquire(path, kind: .exclusive, timeout: .milliseconds(100)) == nil)
        #expect(ContinuousClock.now - start >= .milliseconds(100))
        #expect(try FileLock.acquire(path, kind: .shared, timeout: .milliseconds(20)) == nil)
        held.unlock()
        #expect(try acquired(FileLock.acquire(path, kind: .exclusive, timeout: .milliseconds(100))))
        #expect(try PosixIO.fileMode(path)?.mode == 0o600)
    }

    @Test func sharedLocksCoexistButExcludeWriters() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/lock"
        let a = try held(FileLock.acquire(path, kind: .shared, timeout: .seconds(1)))
        let b = try held(FileLock.acquire(path, kind: .shared, timeout: .milliseconds(100)))
        #expect(try FileLock.acquire(path, kind: .exclusive, timeout: .milliseconds(50)) == nil)
        a.unlock()
        b.unlock()
        #expect(try FileLock.acquire(path, kind: .exclusive, timeout: .milliseconds(50)) != nil)
    }
}

/// Whether an acquisition succeeded; the lock (if any) is released on return.
private func acquired(_ lock: consuming FileLock?) -> Bool {
    switch consume lock {
    case .some(let held):
        held.unlock()
        return true
    case .none:
        return false
    }
}

private struct NotAcquired: Error {}

/// The lock, or a thrown error when the acquisition timed out.
private func held(_ lock: consuming FileLock?) throws -> FileLock {
    switch consume lock {
    case .some(let l): return l
    case .none: throw NotAcquired()
    }
}
