import Foundation
import HostOS
#if canImport(Glibc)
import Glibc
#endif

/// The executables that count as dhclient, dhcpcd and udhcpc: the resolved paths (`realpath`) of the programs
/// found on `PATH` and at their Debian locations.
///
/// A process is a DHCP client only if its `/proc/PID/exe` is one of these. Its name and arguments prove nothing:
/// any user can start `exec -a dhclient sleep 1000`. On Debian `/usr/sbin/udhcpc` is a symlink to
/// `/bin/busybox`, a multi-call binary that runs many other programs too, so for an executable whose own name is not
/// the client's (busybox), argv[0]'s basename must also be the client's name.
struct ClientBinaries: Sendable, Equatable {
    /// Resolved executable paths per backend.
    var paths: [DHCPBackend: Set<String>]

    /// Where Debian installs each client.
    static let debianPaths: [DHCPBackend: String] = [
        .dhclient: "/usr/sbin/dhclient", .dhcpcd: "/usr/sbin/dhcpcd", .udhcpc: "/usr/sbin/udhcpc",
    ]

    /// The clients installed on this system (looked up afresh on each call: cheap, and a package may have been
    /// installed since).
    static func installed() -> ClientBinaries {
        var paths: [DHCPBackend: Set<String>] = [:]
        for backend in [DHCPBackend.dhclient, .dhcpcd, .udhcpc] {
            let candidates = [CommandRunner.locate(backend.rawValue), debianPaths[backend]].compactMap { $0 }
            paths[backend] = Set(candidates.compactMap(realPath))
        }
        return ClientBinaries(paths: paths)
    }

    /// The backend whose program `executable` is, given the process's argv[0]; nil when it is none of them.
    func backend(executable: String, argv0: String) -> DHCPBackend? {
        let exeName = (executable as NSString).lastPathComponent
        let invokedAs = (argv0 as NSString).lastPathComponent
        for backend in [DHCPBackend.dhclient, .dhcpcd, .udhcpc] where paths[backend, default: []].contains(executable) {
            if exeName == backend.rawValue || invokedAs == backend.rawValue { return backend }
        }
        return nil
    }

    /// `realpath(3)` of `path`, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
