import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (sockets, `poll`, child processes) on a fresh thread that eapolctl owns, never on Swift's
/// cooperative pool, and bridges the result back with a continuation.
package enum DedicatedThread {
    /// Runs `body` on a new thread, optionally after entering a network namespace with `setns(CLONE_NEWNET)`.
    ///
    /// `setns` changes only the calling thread, so the socket, the interface `ioctl`s and every child process
    /// started from `body` (`ip`, dhclient…) live in that namespace while the rest of the process does not.
    /// - Parameters:
    ///   - name: the thread name, for debuggers.
    ///   - networkNamespace: a path such as `/run/netns/NAME`, or nil to stay in the current namespace.
    ///   - body: the blocking work; it should poll the flag and return early when it is set (task cancelled).
    package static func run<T: Sendable>(
        name: String, networkNamespace: String?, _ body: @escaping @Sendable (CancellationFlag) throws -> T
    ) async throws -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (cont: CheckedContinuation<T, any Error>) in
                let thread = Thread {
                    do {
                        if let ns = networkNamespace { try enterNetworkNamespace(ns) }
                        cont.resume(returning: try body(flag))
                    } catch {
                        cont.resume(throwing: error)
                    }
                }
                thread.name = name
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }

    /// Moves the calling thread into the network namespace at `path`.
    package static func enterNetworkNamespace(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            throw HostFailure(e == EACCES || e == EPERM ? .permissionDenied : .notFound,
                              "Cannot open network namespace \(path): \(String(cString: strerror(e)))",
                              details: ["namespace": .string(path), "errno": .int(Int(e))])
        }
        defer { close(fd) }
        guard let setns = setnsFunction, setns(fd, cloneNewNet) == 0 else {
            let e = errno
            throw HostFailure(.permissionDenied, "Cannot enter network namespace \(path): \(String(cString: strerror(e)))",
                              details: ["namespace": .string(path), "errno": .int(Int(e))])
        }
    }

    /// `CLONE_NEWNET` from <linux/sched.h>; Glibc's Swift module hides it (it needs _GNU_SOURCE).
    private static let cloneNewNet: Int32 = 0x4000_0000

    /// glibc's `setns(2)` wrapper, looked up at run time because the Glibc module does not export it
    /// (declared only under _GNU_SOURCE) and this package has no C target of its own for it.
    private static let setnsFunction: (@convention(c) (Int32, Int32) -> Int32)? = {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setns") else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(sym, to: (@convention(c) (Int32, Int32) -> Int32).self)
    }()
}
