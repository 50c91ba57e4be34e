#if canImport(Glibc)
import Glibc
#endif
import StructuredErrors

/// What identifies one version of a file on disk: device, inode, size, modification and change times.
///
/// eapolctl replaces its files atomically (a new inode each time), and the kernel updates the change time on any
/// write, so an unchanged identity means unchanged contents for a reader that trusts the kernel.
public struct FileIdentity: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let changed: Int64

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    }

    /// The identity of the file at `path` now, or nil when it does not exist.
    public static func of(_ path: String) throws -> FileIdentity? {
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT { return nil }
            throw SystemError.fromErrno(errno, operation: "stat", path: path)
        }
        return FileIdentity(st)
    }
}

extension PosixIO {
    /// Reads a whole file with the identity of the version read, or returns nil when it does not exist.
    public static func readFileWithIdentity(_ path: String) throws -> (bytes: [UInt8], identity: FileIdentity)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let err = errno
            if err == ENOENT { return nil }
            throw SystemError.fromErrno(err, operation: "open", path: path)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SystemError.fromErrno(errno, operation: "stat", path: path) }
        let bytes = try readAll(fd, sizeHint: Int(st.st_size), path: path)
        return (bytes, FileIdentity(st))
    }
}
