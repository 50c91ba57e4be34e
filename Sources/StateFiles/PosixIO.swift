#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StructuredErrors

/// Small synchronous POSIX file helpers shared by the state-file types.
///
/// Every function here blocks in system calls; call them from a thread you own (the CLI's main thread), never
/// from Swift's cooperative thread pool.
public enum PosixIO {
    /// Reads a whole file, or returns nil when it does not exist.
    /// - Throws: `SystemError` naming the path for any other failure.
    public static func readFileIfPresent(_ path: String) throws -> [UInt8]? {
        try readFileWithIdentity(path)?.bytes
    }

    /// Reads an open descriptor (a pipe, standard input) to its end into one array the caller owns, so a secret
    /// read this way leaves no copy behind that the caller cannot zero.
    public static func readToEnd(fileDescriptor fd: Int32, name: String) throws -> [UInt8] {
        try readAll(fd, sizeHint: 4096, path: name)
    }

    /// Reads `fd` to its end straight into the result (one copy), growing past `sizeHint` if the file grew.
    static func readAll(_ fd: Int32, sizeHint: Int, path: String) throws -> [UInt8] {
        var result = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var filled = 0
        while true {
            let ended: Bool
            (filled, ended) = try fill(fd, &result, from: filled, path: path)
            if ended { break }
            // Full: grow by copying, then wipe the old buffer: what was read may be secret (a key, a password).
            var bigger = [UInt8](repeating: 0, count: result.count + max(result.count, 65536))
            bigger.withUnsafeMutableBytes { destination in result.withUnsafeBytes { destination.copyMemory(from: $0) } }
            result.withUnsafeMutableBytes { if let base = $0.baseAddress { explicit_bzero(base, $0.count) } }
            result = bigger
        }
        result.removeLast(result.count - filled)
        return result
    }

    /// Reads `fd` into `buffer` from offset `filled` on, until the buffer is full or the file ends (EINTR retried).
    /// - Returns: how much of the buffer is filled, and whether the file ended (a full buffer says nothing of that).
    static func fill(_ fd: Int32, _ buffer: inout [UInt8], from filled: Int, path: String) throws -> (filled: Int, ended: Bool) {
        var filled = filled
        while filled < buffer.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError.fromErrno(errno, operation: "read", path: path)
            }
            if n == 0 { return (filled, true) }
            filled += n
        }
        return (filled, false)
    }

    /// Writes all of `bytes` to `fd`, retrying on short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError.fromErrno(errno, operation: "write", path: path)
            }
            offset += n
        }
    }

    /// The mode bits (permission part) and type of `path`, or nil when it does not exist.
    public static func fileMode(_ path: String) throws -> (mode: UInt32, isDirectory: Bool)? {
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT { return nil }
            throw SystemError.fromErrno(errno, operation: "stat", path: path)
        }
        return (UInt32(st.st_mode) & 0o7777, (st.st_mode & S_IFMT) == S_IFDIR)
    }

    /// Whether a file or directory exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Removes a file; a missing file is not an error.
    public static func removeFile(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            throw SystemError.fromErrno(errno, operation: "remove", path: path)
        }
    }
}
