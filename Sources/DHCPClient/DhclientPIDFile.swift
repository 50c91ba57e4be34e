import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The pid file of the dhclient eapolctl starts for an interface (`RUNTIME/dhcp/IF.dhclient.pid`), and the
/// check made before it is used.
///
/// `dhclient -x` and `dhclient -r` send SIGTERM to whatever pid the file holds, so the file is honoured only when
/// it is a regular file (not a symbolic link) owned by root or eapolctl's uid, and its pid is a trusted dhclient for
/// the interface (`ClientProcess`: root-owned, `/proc/PID/exe` the dhclient program, eapolctl's network namespace).
/// Anything else is stale: it is removed before dhclient runs, so dhclient never sees it.
struct DhclientPIDFile: Sendable {
    let path: String

    /// What the file holds.
    enum State: Sendable, Equatable {
        /// No file.
        case absent
        /// The file names this verified dhclient.
        case daemon(ClientProcess)
        /// The file must not be used, for the reason given.
        case stale(String)
    }

    /// Examines the file without changing anything.
    func check(interface: String, namespace: String?, binaries: ClientBinaries = .installed(),
               procRoot: String = "/proc") -> State {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ENOENT { return .absent }
            if e == ELOOP { return .stale("it is a symbolic link") }
            return .stale("it cannot be opened: \(String(cString: strerror(e)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .stale("it cannot be examined: \(String(cString: strerror(errno)))") }
        guard st.st_mode & S_IFMT == S_IFREG else { return .stale("it is not a regular file") }
        guard st.st_uid == 0 || st.st_uid == geteuid() else { return .stale("it is owned by uid \(st.st_uid)") }
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0, let pid = Int32(String(decoding: buffer[0 ..< n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              pid > 0
        else { return .stale("it holds no pid") }
        guard let process = ClientProcess.inspect(pid: pid, interface: interface, namespace: namespace, binaries: binaries,
                                                  procRoot: procRoot),
              process.backend == .dhclient
        else { return .stale("pid \(pid) is not a root-owned dhclient for \(interface) in this network namespace") }
        return .daemon(process)
    }

    /// Removes the file (a symbolic link itself, never its target); a missing file is fine.
    /// - Throws: `DHCPError.unsafeRuntimePath` when it cannot be removed (e.g. it is a directory): dhclient must
    ///   not be pointed at it.
    func remove() throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            let e = errno
            throw DHCPError(.unsafeRuntimePath, "The stale dhclient pid file \(path) cannot be removed: \(String(cString: strerror(e))).",
                            hint: "Remove \(path) by hand and run `eapolctl dhcp renew --interface IF` again.",
                            details: ["path": .string(path), "errno": .int(Int(e))])
        }
    }
}
