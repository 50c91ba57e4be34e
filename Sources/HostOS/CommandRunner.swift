import Foundation
#if canImport(Glibc)
package import Glibc
#endif

/// Runs helper programs with `posix_spawn` from the calling thread. Call only from a dedicated thread (it blocks).
///
/// Not Foundation's `Process`: that one spawns children with the parent thread's signal mask, and the worker
/// threads of Swift's runtime block nearly every signal, so a child could not be stopped with SIGTERM. Here the
/// child gets an empty mask and default handlers. Spawning from the calling thread also means the child inherits
/// that thread's network namespace.
public enum CommandRunner {
    public struct Outcome: Sendable {
        public var status: Int32
        /// stdout and stderr together.
        public var output: String
        public var timedOut: Bool
        /// The last `n` non-empty output lines (for error details).
        public func lastLines(_ n: Int = 8) -> [String] {
            Array(output.split(separator: "\n").map(String.init).filter { !$0.isEmpty }.suffix(n))
        }
    }

    /// Directories searched for helper programs, after `PATH`.
    package static let systemDirectories = ["/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin"]

    /// The absolute path of `name`, or nil when it is not installed.
    public static func locate(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        for dir in path + systemDirectories where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module does not export.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Starts `executable` with stdout and stderr appended to `outputPath` and stdin from `stdinFD` (or /dev/null).
    /// - Returns: the child's pid; the caller must reap it with `waitpid`.
    package static func spawn(_ executable: String, _ arguments: [String], outputPath: String, stdinFD: Int32? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let fd = stdinFD {
            posix_spawn_file_actions_adddup2(&actions, fd, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of ours reaches the child: a DHCP client that daemonizes would otherwise keep our D-Bus
        // socket, or the pipe a calling script reads our output from, open long after eapolctl has exited.
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attr, argv, environ)
        guard rc == 0 else {
            throw HostFailure(rc == EACCES || rc == EPERM ? .permissionDenied : .cannotStart,
                              "Cannot start \(executable): \(String(cString: strerror(rc))).",
                              details: ["binary": .string(executable), "errno": .int(Int(rc))])
        }
        return pid
    }

    /// Waits for `pid` until `deadline`; on timeout sends SIGTERM, then SIGKILL after `grace`.
    /// - Returns: the exit status (128 + signal for a signalled child) and whether the deadline passed.
    package static func wait(_ pid: pid_t, deadline: ContinuousClock.Instant, grace: Duration = .seconds(1)) -> (status: Int32, timedOut: Bool) {
        var status: Int32 = 0
        var pause: UInt32 = 200  // µs, grows to 10 ms
        var timedOut = false
        var killAt: ContinuousClock.Instant?
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return (-1, timedOut) }
            let now = ContinuousClock.now
            if killAt == nil && now >= deadline {
                timedOut = true
                kill(pid, SIGTERM)
                killAt = now + grace
            } else if let k = killAt, now >= k {
                kill(pid, SIGKILL)
                killAt = .now + .seconds(3600)
            }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (code, timedOut)
    }

    /// Runs `executable` with `arguments` to completion, feeding `input` on stdin, capturing stdout and stderr.
    /// On timeout the child gets SIGTERM, then SIGKILL after 1 s.
    public static func run(_ executable: String, _ arguments: [String], input: String? = nil, timeout: Duration) throws -> Outcome {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("eapolctl-dhcp-\(UUID().uuidString).out").path
        defer { unlink(out) }
        var pipeFDs: [Int32] = [-1, -1]
        if input != nil {
            guard pipe(&pipeFDs) == 0 else {
                let e = errno
                throw HostFailure(.failed, "pipe failed: \(String(cString: strerror(e))).", details: ["errno": .int(Int(e))])
            }
            _ = fcntl(pipeFDs[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeFDs[1], F_SETFD, FD_CLOEXEC)
        }
        let pid: pid_t
        do {
            pid = try spawn(executable, arguments, outputPath: out, stdinFD: input == nil ? nil : pipeFDs[0])
        } catch {
            if input != nil { close(pipeFDs[0]); close(pipeFDs[1]) }
            throw error
        }
        if let input {
            close(pipeFDs[0])
            let bytes = Array(input.utf8)
            var off = 0
            while off < bytes.count {
                let n = bytes[off...].withUnsafeBytes { write(pipeFDs[1], $0.baseAddress, $0.count) }
                if n <= 0 { if errno == EINTR { continue }; break }
                off += n
            }
            close(pipeFDs[1])
        }
        let r = wait(pid, deadline: .now + timeout)
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return Outcome(status: r.status, output: text, timedOut: r.timedOut)
    }
}
