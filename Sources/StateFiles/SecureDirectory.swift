#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StructuredErrors

/// Private directories and files: creation with mode 0700 and the check that refuses group/world access.
public enum SecureDirectory {
    /// A file or directory that other users may read or write.
    public struct PermissionProblem: Sendable, Hashable, CustomStringConvertible {
        /// The path concerned.
        public let path: String
        /// Its permission bits.
        public let mode: UInt32
        /// Whether it is a directory.
        public let isDirectory: Bool

        /// The command that fixes it.
        public var fix: String { "chmod \(isDirectory ? "700" : "600") \(path)" }

        /// The mode in octal, e.g. "0644".
        public var octalMode: String {
            let s = String(mode, radix: 8)
            return String(repeating: "0", count: max(0, 4 - s.count)) + s
        }

        public var description: String {
            "\(isDirectory ? "directory" : "file") \(path) has mode \(octalMode), which lets other users access it; run `\(fix)`"
        }
    }

    /// Creates `path` and any missing parents; directories this call creates get `mode` (default 0700).
    ///
    /// Existing directories are left as they are (use ``permissionProblem(at:)`` to check them).
    /// - Throws: `SystemError` naming the directory that could not be created.
    public static func ensure(_ path: String, mode: UInt32 = 0o700) throws {
        if let existing = try PosixIO.fileMode(path) {
            if !existing.isDirectory {
                throw SystemError(.ioFailure, "\(path) exists but is not a directory", details: ["path": .string(path)])
            }
            return
        }
        let parent = StatePaths.parent(of: path)
        if parent != path && parent != "." { try ensure(parent, mode: mode) }
        if mkdir(path, mode_t(mode)) != 0 {
            let err = errno
            if err == EEXIST { return }
            throw SystemError.fromErrno(err, operation: "create directory", path: path)
        }
        // mkdir applies the umask; set the exact mode.
        if chmod(path, mode_t(mode)) != 0 { throw SystemError.fromErrno(errno, operation: "chmod", path: path) }
    }

    /// Checks that `path` gives no permission at all to group or others.
    /// - Returns: the problem, or nil when the path is private or does not exist.
    /// - Throws: `SystemError` when the path cannot be examined.
    public static func permissionProblem(at path: String) throws -> PermissionProblem? {
        guard let m = try PosixIO.fileMode(path) else { return nil }
        if m.mode & 0o077 == 0 { return nil }
        return PermissionProblem(path: path, mode: m.mode, isDirectory: m.isDirectory)
    }
}
