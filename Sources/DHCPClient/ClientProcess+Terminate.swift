import Foundation
import HostOS
import StructuredErrors
#if canImport(Glibc)
import Glibc
#endif

extension ClientProcess {
    /// How `terminate(timeout:)` ended.
    enum Termination: Sendable, Equatable {
        /// SIGTERM was sent and the process has exited.
        case exited
        /// The recorded process was already gone (or its pid now holds another process): nothing was sent.
        case alreadyGone
    }

    /// Stops this client with SIGTERM and returns once it has exited.
    ///
    /// This is what `dhclient -x` does (SIGTERM to the pid in its pid file, which dhclient does not handle, so the
    /// process dies at once without releasing the lease or running its hook) minus the fixed one-second `sleep(1)`
    /// dhclient then makes "to let the old process terminate": the exit is observed instead. The signal goes
    /// through the same identity checks as `signal(_:)` (identity, pidfd, identity again); the exit is awaited on
    /// that pidfd, which becomes readable when the process terminates (also when it is not eapolctl's child and
    /// before it is reaped). Without pidfd support, `/proc/PID/stat` is polled until the pid is gone, a zombie,
    /// or another process.
    /// - Returns: `.exited`, or `.alreadyGone` when the recorded process no longer holds the pid (nothing sent).
    /// - Throws: `backend-failed` when the process is still running after `timeout` (the caller must not start a
    ///   second client beside it); `SystemCall` errors when signalling fails otherwise.
    func terminate(timeout: Duration, procRoot: String = "/proc") throws -> Termination {
        guard (try? verifyUnchanged(SIGTERM, procRoot: procRoot)) != nil else { return .alreadyGone }
        let fd = PIDFD.open(pid)
        if fd < 0 && errno == ESRCH { return .alreadyGone }
        defer { if fd >= 0 { close(fd) } }
        guard (try? verifyUnchanged(SIGTERM, procRoot: procRoot)) != nil else { return .alreadyGone }
        let rc = fd >= 0 ? PIDFD.sendSignal(fd, SIGTERM) : kill(pid, SIGTERM)
        guard rc == 0 else {
            let e = errno
            if e == ESRCH { return .alreadyGone }
            throw SystemCall.error(e, "signal SIGTERM to \(backend) pid \(pid)")
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            if fd >= 0 {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let left = max(0, ContinuousClock.now.duration(to: deadline).wholeMilliseconds)
                let n = poll(&p, 1, Int32(min(left, 50)))
                if n > 0 { return .exited }
                if n < 0 && errno != EINTR { throw SystemCall.error(errno, "poll pidfd of \(backend) pid \(pid)") }
            } else {
                if !isRunning(procRoot: procRoot) { return .exited }
                usleep(2_000)
            }
            if ContinuousClock.now >= deadline {
                if fd < 0 ? !isRunning(procRoot: procRoot) : Self.pidfdReadable(fd) { return .exited }
                throw DHCPError(
                    .backendFailed,
                    "The \(backend) for \(interface) (\(identity)) was sent SIGTERM but is still running after "
                        + "\(DHCPSession.format(timeout)); a second \(backend) is not started beside it.",
                    hint: "Stop it (`kill \(pid)`), then run `eapolctl dhcp renew --interface \(interface)` again.",
                    details: ["interface": .string(interface), "backend": .string(backend.rawValue), "pid": .int(Int(pid)),
                              "signal": "SIGTERM"])
            }
        }
    }

    /// Whether the recorded process still holds its pid and has not exited (a zombie has exited).
    func isRunning(procRoot: String = "/proc") -> Bool {
        guard ProcessIdentity.read(pid: pid, procRoot: procRoot) == identity,
              let data = FileManager.default.contents(atPath: "\(procRoot)/\(pid)/stat")
        else { return false }
        let stat = String(decoding: data, as: UTF8.self)
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true).first
        return state != "Z" && state != "X"
    }

    private static func pidfdReadable(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0
    }
}

extension Duration {
    /// Whole milliseconds (rounded down).
    fileprivate var wholeMilliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
