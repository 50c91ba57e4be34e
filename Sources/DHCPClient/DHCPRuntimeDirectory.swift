import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where eapolctl keeps the pid and lease files of the dhclient it starts: `RUNTIME/dhcp/`, with RUNTIME
/// `/run/eapolctl` for root.
///
/// A runtime directory (tmpfs, emptied at boot) rather than the state directory: a pid file that survives a reboot
/// names a pid that now belongs to some other process, and `dhclient -x`/`-r` kill whatever pid the file names.
///
/// Both directories are created mode 0700 and, when they already exist, must be real directories (not symbolic
/// links) owned by eapolctl's effective uid; `RUNTIME/dhcp` must give no access to group or others and RUNTIME
/// must not be writable by them. Anything else is refused with `unsafe-runtime-path`: whoever controls the
/// directory controls which pid dhclient is told to kill.
struct DHCPRuntimeDirectory: Sendable, Equatable {
    /// The runtime directory (e.g. `/run/eapolctl`).
    let root: URL

    /// The directory holding dhclient's files.
    var dhcp: URL { root.appendingPathComponent("dhcp", isDirectory: true) }

    /// The system runtime directory for root.
    static let systemPath = "/run/eapolctl"

    /// The default runtime directory: `/run/eapolctl` for root; otherwise `$XDG_RUNTIME_DIR/eapolctl` when that is
    /// set and absolute, else `STATE/run` (a non-root user cannot create `/run/eapolctl`).
    static func defaultRoot(stateDirectory: URL, isRoot: Bool = geteuid() == 0,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if isRoot { return URL(fileURLWithPath: systemPath, isDirectory: true) }
        if let xdg = environment["XDG_RUNTIME_DIR"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("eapolctl", isDirectory: true)
        }
        return stateDirectory.appendingPathComponent("run", isDirectory: true)
    }

    /// Creates the runtime directory and `dhcp/` under it (0700) or checks the existing ones.
    /// Missing parents of the runtime directory are created 0700 too; existing parents are not examined.
    /// - Returns: the `dhcp/` directory.
    /// - Throws: `DHCPError.unsafeRuntimePath` for a symbolic link, a non-directory, another owner or open
    ///   permissions; `permission-denied` / `backend-failed` when a directory cannot be created.
    @discardableResult
    func ensure() throws -> URL {
        try Self.createParents(of: root.path)
        try Self.ensurePrivate(root.path, forbiddenBits: 0o022)
        try Self.ensurePrivate(dhcp.path, forbiddenBits: 0o077)
        return dhcp
    }

    /// Creates `path` (0700) if missing, then requires a real directory owned by our euid without `forbiddenBits`.
    static func ensurePrivate(_ path: String, forbiddenBits: UInt32) throws {
        if mkdir(path, 0o700) == 0 {
            // mkdir applies the umask, which can only remove bits; make the mode exact anyway.
            _ = chmod(path, 0o700)
        } else if errno != EEXIST {
            throw createError(errno, path)
        }
        var st = stat()
        guard lstat(path, &st) == 0 else { throw createError(errno, path) }
        let mode = UInt32(st.st_mode) & 0o7777
        let problem: String?
        switch st.st_mode & S_IFMT {
        case S_IFLNK: problem = "is a symbolic link"
        case S_IFDIR:
            if st.st_uid != geteuid() {
                problem = "is owned by uid \(st.st_uid), not \(geteuid())"
            } else if mode & forbiddenBits != 0 {
                problem = "has mode \(String(mode, radix: 8)), which lets other users "
                    + (forbiddenBits == 0o022 ? "change its entries" : "reach its files")
            } else {
                problem = nil
            }
        default: problem = "is not a directory"
        }
        if let problem {
            throw DHCPError(.unsafeRuntimePath, "The DHCP runtime directory \(path) \(problem); eapolctl will not use it.",
                            hint: "Remove \(path) (eapolctl recreates it, mode 0700) and run `eapolctl dhcp renew --interface IF` again.",
                            details: ["path": .string(path), "uid": .int(Int(st.st_uid)), "mode": .string(String(mode, radix: 8))])
        }
    }

    /// `mkdir -p` of the parents of `path`, each new one mode 0700.
    private static func createParents(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != "/", parent != path else { return }
        var st = stat()
        if stat(parent, &st) == 0 { return }
        try createParents(of: parent)
        if mkdir(parent, 0o700) != 0 && errno != EEXIST { throw createError(errno, parent) }
    }

    private static func createError(_ e: Int32, _ path: String) -> DHCPError {
        DHCPError(e == EACCES || e == EPERM ? .permissionDenied : .backendFailed,
                  "Cannot create the DHCP runtime directory \(path): \(String(cString: strerror(e))).",
                  details: ["path": .string(path), "errno": .int(Int(e))])
    }
}
