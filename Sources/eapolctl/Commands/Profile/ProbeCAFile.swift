import Foundation
import ProfileModel
import StateFiles
import StructuredErrors

/// The files and the terminal question of `profile probe`: `--save-ca FILE` and the `--adopt` confirmation.
enum ProbeCAFile {
    /// Fails before the probe when `path` exists and `--force` was not given.
    static func checkWritable(_ path: String, force: Bool) throws {
        guard !force else { return }
        var st = stat()
        if lstat(path, &st) == 0 {
            throw UsageError(.invalidArgument, "--save-ca \(path): the file already exists; nothing was written",
                             hint: "Choose another file, or pass --force to replace it.")
        }
    }

    /// Writes `ca` as PEM to `path`, mode 0644. Without `force` the file is created exclusively (an existing file,
    /// or a symbolic link planted there, is never followed or replaced); with `force` it is replaced atomically.
    static func write(_ ca: TrustedCertificate, to path: String, force: Bool) throws {
        let bytes = Array(ca.pem.utf8)
        if force {
            try AtomicFile.write(bytes, to: path, mode: 0o644)
            return
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { try checkWritable(path, force: false) }
            throw SystemError(.ioFailure, "--save-ca \(path): cannot create the file: \(String(cString: strerror(code)))",
                              hint: "Check the path and the directory's permissions.", details: ["path": .string(path)])
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o644)   // the umask may have narrowed it; a CA certificate is public
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else {
                let code = errno
                unlink(path)
                throw SystemError(.ioFailure, "--save-ca \(path): write failed: \(String(cString: strerror(code)))",
                                  details: ["path": .string(path)])
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            throw SystemError(.ioFailure, "--save-ca \(path): fsync failed: \(String(cString: strerror(errno)))",
                              details: ["path": .string(path)])
        }
    }

    /// Asks `question` on /dev/tty; true only for an answer starting with y or Y.
    static func confirm(_ question: String) throws -> Bool {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            throw UsageError(.inputUnavailable, "no terminal to ask on; nothing was adopted",
                             hint: "In a script, pass the CA's SHA-256: `eapolctl profile probe --interface IF --profile PROFILE --adopt --expect-fingerprint SHA256`.")
        }
        defer { close(fd) }
        let text = TerminalText.escaped(question)
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
        var answer: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(fd, &byte, 1) == 1, byte != 0x0A, answer.count < 64 { answer.append(byte) }
        return answer.first == UInt8(ascii: "y") || answer.first == UInt8(ascii: "Y")
    }
}
