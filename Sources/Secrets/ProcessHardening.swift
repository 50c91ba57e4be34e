#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps secrets in this process's memory out of core files and away from other processes of the same user.
///
/// ``apply()`` sets the core file size limit to 0 (soft and hard, so nothing started later can raise it) and, on
/// Linux, clears the process's "dumpable" flag (`prctl(PR_SET_DUMPABLE, 0)`): no core file is written on a crash
/// (not even through a `core_pattern` pipe to systemd-coredump or apport, which ignores RLIMIT_CORE), same-uid
/// processes without CAP_SYS_PTRACE can no longer ptrace it or read `/proc/PID/mem` and `/proc/PID/environ`, and
/// its `/proc/PID` files belong to root. Call it before any secret is in memory: eapolctl calls it first thing in
/// `main`.
///
/// It lives in `Secrets`, the lowest module and the one about secret bytes in memory, so every executable that
/// unlocks the store can use it without new dependencies. Swift does not import variadic C functions such as
/// `prctl`, and C code lives only in the CDBus shim, so `prctl` is looked up with `dlsym` and called through a
/// C function pointer with five integer arguments, which is how the x86_64 and aarch64 Linux calling conventions
/// pass the variadic arguments too.
public enum ProcessHardening {
    /// A step of ``apply()`` failed; the process is not hardened.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What failed: `setrlimit(RLIMIT_CORE)`, `dlsym(prctl)`, `prctl(PR_SET_DUMPABLE)`.
        public let step: String
        /// `errno` when the step set it, else 0.
        public let errno: Int32
        public let detail: String

        public var description: String {
            "could not harden the process against core dumps: \(step) failed: \(detail)"
        }
    }

    /// Sets RLIMIT_CORE to 0 and, on Linux, PR_SET_DUMPABLE to 0, then reads both back.
    /// - Throws: ``Failure`` naming the step that failed.
    public static func apply() throws(Failure) {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_CORE.rawValue)
        #else
        let resource = RLIMIT_CORE
        #endif
        guard setrlimit(resource, &none) == 0 else {
            let code = errno
            throw Failure(step: "setrlimit(RLIMIT_CORE, 0)", errno: code, detail: String(cString: strerror(code)))
        }
        var check = rlimit()
        guard getrlimit(resource, &check) == 0, check.rlim_cur == 0, check.rlim_max == 0 else {
            throw Failure(step: "setrlimit(RLIMIT_CORE, 0)", errno: 0,
                          detail: "the core file size limit is still \(check.rlim_cur)/\(check.rlim_max)")
        }
        #if os(Linux)
        let prctl = try resolvePrctl()
        guard prctl(prSetDumpable, 0, 0, 0, 0) == 0 else {
            let code = errno
            throw Failure(step: "prctl(PR_SET_DUMPABLE, 0)", errno: code, detail: String(cString: strerror(code)))
        }
        let dumpable = prctl(prGetDumpable, 0, 0, 0, 0)
        guard dumpable == 0 else {
            throw Failure(step: "prctl(PR_SET_DUMPABLE, 0)", errno: 0,
                          detail: "PR_GET_DUMPABLE still returns \(dumpable)")
        }
        #endif
    }

    #if os(Linux)
    /// `int prctl(int option, ...)` with the five integer arguments the kernel reads.
    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

    /// From <linux/prctl.h>.
    private static let prGetDumpable: Int32 = 3
    private static let prSetDumpable: Int32 = 4

    private static func resolvePrctl() throws(Failure) -> Prctl {
        // RTLD_DEFAULT is ((void *) 0) in <dlfcn.h>, a macro Swift does not import.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else {
            let reason = dlerror().map { String(cString: $0) } ?? "symbol not found"
            throw Failure(step: "dlsym(prctl)", errno: 0, detail: reason)
        }
        return unsafeBitCast(symbol, to: Prctl.self)
    }
    #endif
}
