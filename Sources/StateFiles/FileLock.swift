#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StructuredErrors

/// An advisory `flock(2)` lock on a lock file, held until ``unlock()`` or until the value is destroyed.
///
/// The lock is between processes (and between separately opened descriptors). `FileLock` is `~Copyable`: exactly
/// one owner releases it. ``acquire(_:kind:timeout:)`` is synchronous and polls with short sleeps while another
/// process holds the lock, so it blocks its thread for up to `timeout`: call it from a thread you own (the CLI's
/// main thread or a dedicated thread), never from Swift's cooperative thread pool.
public struct FileLock: ~Copyable, Sendable {
    /// Shared (many readers) or exclusive (one writer).
    public enum Kind: Sendable, Hashable {
        case shared
        case exclusive
    }

    private let fd: Int32
    /// The lock file's path.
    public let path: String
    /// The kind of lock held.
    public let kind: Kind

    private init(fd: Int32, path: String, kind: Kind) {
        self.fd = fd
        self.path = path
        self.kind = kind
    }

    /// Takes a lock on `path` (creating the file with mode 0600 if needed), waiting up to `timeout`.
    /// - Returns: the held lock, or nil when another process kept it for the whole timeout.
    /// - Throws: `SystemError` when the lock file cannot be opened or locked.
    public static func acquire(_ path: String, kind: Kind, timeout: Duration) throws -> FileLock? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw SystemError.fromErrno(errno, operation: "open lock file", path: path) }
        let op = (kind == .exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var pause: UInt32 = 500  // microseconds, doubled up to 20 ms
        while true {
            if flock(fd, op) == 0 { return FileLock(fd: fd, path: path, kind: kind) }
            let err = errno
            if err != EWOULDBLOCK && err != EINTR {
                close(fd)
                throw SystemError.fromErrno(err, operation: "lock", path: path)
            }
            if clock.now >= deadline {
                close(fd)
                return nil
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Releases the lock now.
    public consuming func unlock() {
        // deinit runs when `self` is consumed here.
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
