#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StructuredErrors

/// Replaces files atomically: readers see either the whole old content or the whole new content, even after a
/// crash or power loss.
///
/// Synchronous and blocking (write, fsync): call from a thread you own, never from the cooperative pool.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    ///
    /// Creates a temporary file in the same directory (`O_CREAT|O_EXCL`, mode 0600), writes everything, fsyncs
    /// it, sets `mode`, renames it over `path` and fsyncs the directory. On failure the temporary file is removed
    /// and `path` is untouched.
    /// - Parameters:
    ///   - bytes: the new content.
    ///   - path: the file to replace or create.
    ///   - mode: the permission bits of the new file.
    /// - Throws: `SystemError` naming the path concerned.
    public static func write(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o600) throws {
        let dir = StatePaths.parent(of: path)
        var fd: Int32 = -1
        var temp = ""
        for _ in 0..<16 {
            temp = temporaryPath(for: path)
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 { throw SystemError.fromErrno(errno, operation: "create", path: temp) }
        var renamed = false
        defer {
            if fd >= 0 { close(fd) }
            if !renamed { unlink(temp) }
        }
        try bytes.withUnsafeBytes { try PosixIO.writeAll(fd, $0, path: temp) }
        if fchmod(fd, mode_t(mode)) != 0 { throw SystemError.fromErrno(errno, operation: "chmod", path: temp) }
        if fsync(fd) != 0 { throw SystemError.fromErrno(errno, operation: "fsync", path: temp) }
        if close(fd) != 0 {
            fd = -1
            throw SystemError.fromErrno(errno, operation: "close", path: temp)
        }
        fd = -1
        if rename(temp, path) != 0 { throw SystemError.fromErrno(errno, operation: "rename", path: path) }
        renamed = true
        try syncDirectory(dir)
    }

    /// Fsyncs a directory so a rename or creation inside it survives a crash.
    public static func syncDirectory(_ dir: String) throws {
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd < 0 { throw SystemError.fromErrno(errno, operation: "open directory", path: dir) }
        defer { close(dfd) }
        if fsync(dfd) != 0 && errno != EINVAL {
            throw SystemError.fromErrno(errno, operation: "fsync directory", path: dir)
        }
    }

    /// Removes temporary files a killed writer left behind for `path`.
    ///
    /// Call only while holding the exclusive lock that serialises writers of `path`, so no live writer's
    /// temporary file is removed. Returns the number of files removed.
    @discardableResult
    public static func removeStaleTemporaries(for path: String) -> Int {
        let dir = StatePaths.parent(of: path)
        let prefix = temporaryPrefix(for: path)
        guard let d = opendir(dir) else { return 0 }
        defer { closedir(d) }
        var removed = 0
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(prefix) && unlink(dir + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }

    private static func temporaryPrefix(for path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return "." + base + ".tmp."
    }

    private static func temporaryPath(for path: String) -> String {
        let dir = StatePaths.parent(of: path)
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return dir + "/" + temporaryPrefix(for: path) + "\(getpid())." + suffix
    }
}
