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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let err = errno
            if err == ENOENT { return nil }
            throw SystemError.fromErrno(err, operation: "open", path: path)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SystemError.fromErrno(errno, operation: "stat", path: path) }
        var result = [UInt8]()
        result.reserveCapacity(Int(st.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: max(65536, Int(st.st_size) + 1))
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError.fromErrno(errno, operation: "read", path: path)
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
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
