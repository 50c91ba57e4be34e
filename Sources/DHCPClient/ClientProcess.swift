import Foundation
import HostOS
import StructuredErrors
#if canImport(Glibc)
import Glibc
#endif

/// A running DHCP client that eapolctl trusts enough to signal, with the identity recorded when it was found.
///
/// Trusted means all of: owned by root (real and effective uid 0 in `/proc/PID/status`), its `/proc/PID/exe` is
/// the installed client program (`ClientBinaries`), it runs in eapolctl's network namespace, and its arguments
/// name the interface. Any user can give a process any name and arguments; none of them can make a root process
/// run `/usr/sbin/dhclient`.
///
/// `signal(_:)` re-reads the identity right before signalling and refuses (`client-changed`) when the process is
/// gone or the pid now belongs to another process.
struct ClientProcess: Sendable, Equatable {
    let identity: ProcessIdentity
    let backend: DHCPBackend
    let interface: String
    let argv: [String]

    var pid: Int32 { identity.pid }

    /// Examines `pid` and returns it when it is a trusted client managing `interface`, else nil.
    /// - Parameters:
    ///   - namespace: eapolctl's network namespace as named in `/proc/PID/ns/net`; nil (unknown) trusts nothing.
    ///   - binaries: the executables that count as clients.
    static func inspect(pid: Int32, interface: String, namespace: String?, binaries: ClientBinaries,
                        procRoot: String = "/proc") -> ClientProcess? {
        guard pid > 0, let namespace,
              ProcFS.networkNamespace(pid: pid, procRoot: procRoot) == namespace,
              ProcFS.isRootOwned(pid: pid, procRoot: procRoot),
              let identity = ProcessIdentity.read(pid: pid, procRoot: procRoot),
              let argv = ProcFS.argv(pid: pid, procRoot: procRoot), let argv0 = argv.first,
              let backend = binaries.backend(executable: identity.executable, argv0: argv0),
              DHCPBackend.backend(managing: interface, argv: argv, program: backend) == backend
        else { return nil }
        return ClientProcess(identity: identity, backend: backend, interface: interface, argv: argv)
    }

    /// Sends `sig` if this is still the process that was identified; otherwise sends nothing and throws.
    ///
    /// Order: check the identity, open a pidfd (a handle on exactly the process now holding the pid), check again,
    /// signal through the pidfd. If the process exits after the second check, the pidfd still names the dead
    /// process and the signal goes nowhere, never to a newcomer with the same pid. Without pidfd support
    /// (kernel < 5.3, glibc < 2.36) `kill(2)` follows the check directly.
    /// - Throws: `DHCPError.clientChanged` when the process is gone, no longer root-owned, or another process;
    ///   `backend-failed` for another signalling failure.
    func signal(_ sig: Int32, procRoot: String = "/proc") throws {
        try verifyUnchanged(sig, procRoot: procRoot)
        let fd = PIDFD.open(pid)
        if fd < 0 && errno == ESRCH { throw changedError(sig, current: nil) }
        defer { if fd >= 0 { close(fd) } }
        try verifyUnchanged(sig, procRoot: procRoot)
        let rc = fd >= 0 ? PIDFD.sendSignal(fd, sig) : kill(pid, sig)
        guard rc == 0 else {
            let e = errno
            if e == ESRCH { throw changedError(sig, current: nil) }
            throw SystemCall.error(e, "signal \(Self.signalName(sig)) to \(backend) pid \(pid)")
        }
    }

    /// Throws `client-changed` unless the pid still holds the recorded, root-owned process.
    func verifyUnchanged(_ sig: Int32, procRoot: String = "/proc") throws {
        let current = ProcessIdentity.read(pid: pid, procRoot: procRoot)
        guard current == identity, ProcFS.isRootOwned(pid: pid, procRoot: procRoot) else {
            throw changedError(sig, current: current)
        }
    }

    func changedError(_ sig: Int32, current: ProcessIdentity?) -> DHCPError {
        let now: String
        if let current, current != identity {
            now = "pid \(pid) is now another process (\(current.executable), started at tick \(current.startTime))"
        } else if current != nil {
            now = "it no longer runs as root"
        } else {
            now = "it is no longer running"
        }
        var details: [String: ErrorDetail] = [
            "interface": .string(interface), "backend": .string(backend.rawValue), "pid": .int(Int(pid)),
            "signal": .string(Self.signalName(sig)), "recordedExecutable": .string(identity.executable),
            "recordedStartTime": .string(String(identity.startTime)),
        ]
        if let current {
            details["currentExecutable"] = .string(current.executable)
            details["currentStartTime"] = .string(String(current.startTime))
        }
        return DHCPError(
            .clientChanged,
            "The \(backend) for \(interface) that eapolctl found (\(identity)) changed before it could be signalled: \(now). "
                + "\(Self.signalName(sig)) was not sent.",
            hint: "Run `eapolctl dhcp renew --interface \(interface)` again: it identifies the running client afresh.",
            details: details)
    }

    static func signalName(_ sig: Int32) -> String {
        switch sig {
        case SIGUSR1: "SIGUSR1"
        case SIGUSR2: "SIGUSR2"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        case SIGKILL: "SIGKILL"
        default: "signal \(sig)"
        }
    }
}

/// glibc's pidfd wrappers (2.36+), looked up at run time: Swift's Glibc module does not export `<sys/pidfd.h>`.
enum PIDFD {
    private typealias OpenFunction = @convention(c) (Int32, UInt32) -> Int32
    private typealias SendFunction = @convention(c) (Int32, Int32, UnsafeMutableRawPointer?, UInt32) -> Int32

    private static let openFunction: OpenFunction? = {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pidfd_open") else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(sym, to: OpenFunction.self)
    }()

    private static let sendFunction: SendFunction? = {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pidfd_send_signal") else { return nil }
        return unsafeBitCast(sym, to: SendFunction.self)
    }()

    /// A pidfd for `pid`, or -1 (errno ESRCH: no such process; ENOSYS: unsupported, use `kill`).
    static func open(_ pid: Int32) -> Int32 {
        guard let openFunction, sendFunction != nil else { errno = ENOSYS; return -1 }
        return openFunction(pid, 0)  // the kernel sets O_CLOEXEC on pidfds
    }

    /// `pidfd_send_signal(fd, sig, NULL, 0)`.
    static func sendSignal(_ fd: Int32, _ sig: Int32) -> Int32 {
        guard let sendFunction else { errno = ENOSYS; return -1 }
        return sendFunction(fd, sig, nil, 0)
    }
}
