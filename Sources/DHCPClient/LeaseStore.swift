import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Recorded leases, one JSON file per interface at `STATE/leases/IF.json` (0600, directory 0700), written
/// atomically: temp file, fsync, rename, fsync of the directory.
struct LeaseStore: Sendable {
    /// The `leases` directory inside the state directory.
    let directory: URL

    init(stateDirectory: URL) { directory = stateDirectory.appendingPathComponent("leases", isDirectory: true) }

    func url(for interface: String) -> URL { directory.appendingPathComponent("\(interface).json") }

    /// The recorded lease of `interface`, or nil when none is recorded.
    /// - Throws: `DHCPError.invalidLease` when the file exists but cannot be decoded.
    func load(interface: String) throws -> DHCPLease? {
        let u = url(for: interface)
        guard let data = FileManager.default.contents(atPath: u.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            let lease = try decoder.decode(DHCPLease.self, from: data)
            guard lease.interface == interface else {
                throw DHCPError(.invalidLease, "The lease recorded in \(u.path) is for \(lease.interface), not \(interface).",
                                details: ["path": .string(u.path)])
            }
            return lease
        } catch let e as DHCPError {
            throw e
        } catch {
            throw DHCPError(.invalidLease, "The lease recorded in \(u.path) cannot be read: \(error).",
                            details: ["path": .string(u.path), "interface": .string(interface)])
        }
    }

    /// Records `lease` atomically.
    func save(_ lease: DHCPLease) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(lease)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let final = url(for: lease.interface)
        let temp = directory.appendingPathComponent(".\(lease.interface).json.\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.ioError(errno, "create", temp.path) }
        var ok = data.withUnsafeBytes { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let e = errno
        close(fd)
        guard ok else { unlink(temp.path); throw Self.ioError(e, "write", temp.path) }
        guard rename(temp.path, final.path) == 0 else {
            let e = errno; unlink(temp.path); throw Self.ioError(e, "rename to", final.path)
        }
        let dfd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    /// Forgets the recorded lease of `interface` (no error when none is recorded).
    func remove(interface: String) {
        unlink(url(for: interface).path)
    }

    private static func ioError(_ e: Int32, _ op: String, _ path: String) -> DHCPError {
        DHCPError(e == EACCES || e == EPERM || e == EROFS ? .permissionDenied : .invalidLease,
                  "Cannot record the lease: \(op) \(path) failed: \(String(cString: strerror(e))).",
                  hint: "Check that the state directory is writable by eapolctl.",
                  details: ["path": .string(path), "errno": .int(Int(e))])
    }
}
