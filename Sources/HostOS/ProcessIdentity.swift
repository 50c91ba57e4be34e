import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What identifies one process over its lifetime: its pid, the resolved path of its executable
/// (`/proc/PID/exe`) and its start time (field 22 of `/proc/PID/stat`, clock ticks since boot).
///
/// A pid alone is not an identity: once the process exits the kernel hands the number to the next process, which
/// may belong to anyone. The start time of a pid never repeats while the machine runs, so an unchanged triple
/// means the same process.
package struct ProcessIdentity: Sendable, Hashable, CustomStringConvertible {
    package let pid: Int32
    package let executable: String
    package let startTime: UInt64

    /// Creates an identity from its three parts (tests build changed ones to check that a difference is noticed).
    package init(pid: Int32, executable: String, startTime: UInt64) {
        self.pid = pid
        self.executable = executable
        self.startTime = startTime
    }

    package var description: String { "pid \(pid) (\(executable), started at tick \(startTime))" }

    /// Reads the identity of `pid` under `procRoot`, or nil when the process is gone or cannot be examined
    /// (reading another user's `exe` link needs root).
    ///
    /// The start time is read before and after the executable, so a pid reused in between yields nil rather than
    /// a mixture of two processes.
    package static func read(pid: Int32, procRoot: String = "/proc") -> ProcessIdentity? {
        guard pid > 0,
              let before = startTime(pid: pid, procRoot: procRoot),
              let exe = ProcFS.readLink("\(procRoot)/\(pid)/exe"),
              let after = startTime(pid: pid, procRoot: procRoot), after == before
        else { return nil }
        return ProcessIdentity(pid: pid, executable: exe, startTime: before)
    }

    /// Field 22 (`starttime`) of `/proc/PID/stat`.
    ///
    /// Field 2 (the command name) is in parentheses and may itself contain spaces and parentheses (any user can
    /// name a process `a) 1 2 3`), so the fields are counted from the last `)`.
    package static func startTime(pid: Int32, procRoot: String = "/proc") -> UInt64? {
        guard let data = FileManager.default.contents(atPath: "\(procRoot)/\(pid)/stat") else { return nil }
        return parseStartTime(stat: String(decoding: data, as: UTF8.self))
    }

    /// Field 22 of a `/proc/PID/stat` line.
    package static func parseStartTime(stat: String) -> UInt64? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        // After ")": field 3 (state) is at index 0, so field 22 is at index 19.
        let fields = stat[stat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}

/// Small readers of `/proc` files shared by process identification.
package enum ProcFS {
    /// The target of a symbolic link, or nil.
    package static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0 ..< n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The real and effective uid from the `Uid:` line of `/proc/PID/status`.
    package static func uids(pid: Int32, procRoot: String = "/proc") -> (real: UInt32, effective: UInt32)? {
        guard let data = FileManager.default.contents(atPath: "\(procRoot)/\(pid)/status") else { return nil }
        return parseUIDs(status: String(decoding: data, as: UTF8.self))
    }

    /// Parses `Uid:\treal\teffective\tsaved\tfs`.
    package static func parseUIDs(status: String) -> (real: UInt32, effective: UInt32)? {
        for line in status.split(separator: "\n") where line.hasPrefix("Uid:") {
            let f = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard f.count >= 3, let real = UInt32(f[1]), let effective = UInt32(f[2]) else { return nil }
            return (real, effective)
        }
        return nil
    }

    /// Whether the process runs as root: real and effective uid 0 (a set-uid program started by a user has
    /// effective uid 0 but keeps the user's real uid, and does not count).
    package static func isRootOwned(pid: Int32, procRoot: String = "/proc") -> Bool {
        guard let u = uids(pid: pid, procRoot: procRoot) else { return false }
        return u.real == 0 && u.effective == 0
    }

    /// The command line of `pid`, split at NUL bytes.
    package static func argv(pid: Int32, procRoot: String = "/proc") -> [String]? {
        guard let data = FileManager.default.contents(atPath: "\(procRoot)/\(pid)/cmdline"), !data.isEmpty else { return nil }
        return data.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The network namespace of `pid` as the kernel names it (`net:[4026531840]`).
    package static func networkNamespace(pid: Int32, procRoot: String = "/proc") -> String? {
        readLink("\(procRoot)/\(pid)/ns/net")
    }

    /// The network namespace eapolctl works in, named like `/proc/PID/ns/net` (`net:[INODE]`).
    ///
    /// With `configured` (`/run/netns/NAME`, the namespace an I/O thread enters), that namespace's inode. Otherwise
    /// the calling thread's (`thread-self`: a thread that entered a namespace with `setns` differs from the
    /// process's main thread), else the process's.
    package static func ownNetworkNamespace(configured: String?, procRoot: String = "/proc") -> String? {
        if let configured {
            var st = stat()
            guard stat(configured, &st) == 0 else { return nil }
            return "net:[\(st.st_ino)]"
        }
        return readLink("\(procRoot)/thread-self/ns/net") ?? readLink("\(procRoot)/self/ns/net")
    }
}
