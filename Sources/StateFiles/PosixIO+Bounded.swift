#if canImport(Glibc)
import Glibc
#endif
import StructuredErrors

extension PosixIO {
    /// Reads at most `limit` bytes of the file at `path`, for a small record that may have been tampered with: a huge
    /// file or a character device is never read to its end, and a FIFO does not block the open (`O_NONBLOCK`; with no
    /// writer it reads as empty).
    /// - Returns: nil when there is no file; otherwise the bytes read and whether they are the whole file (false when
    ///   it holds more than `limit` bytes; the bytes are then the first `limit`).
    /// - Throws: `SystemError` naming the path for any other failure (a directory, a FIFO with a writer but no data).
    public static func readFileIfPresent(_ path: String, atMost limit: Int) throws -> (bytes: [UInt8], isWhole: Bool)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let err = errno
            if err == ENOENT { return nil }
            throw SystemError.fromErrno(err, operation: "open", path: path)
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: max(limit, 0) + 1)
        let (filled, _) = try fill(fd, &buffer, from: 0, path: path)
        let isWhole = filled <= limit
        buffer.removeLast(buffer.count - min(filled, limit))
        return (buffer, isWhole)
    }
}
