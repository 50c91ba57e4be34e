import Foundation
import Provisioning
import StateFiles
import StructuredErrors
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The command line's ``TransactionControl``: from the transaction's first step on, SIGINT and SIGTERM are caught
/// and stop the transaction at its next step, which then rolls back. Before that step nothing is written, so the
/// signals keep their default action (a passphrase prompt stays interruptible).
///
/// The handler, installed synchronously with signal(2), only stores the signal number in a lock-free atomic
/// (async-signal-safe). A DispatchSource was tried first: it is armed asynchronously after `resume()`, and a
/// signal arriving in between met SIG_IGN and was lost (the transaction then committed).
///
/// Test hooks, read from the environment in debug builds only (the tests run the debug binary; a release build, what
/// the package ships, compiles them out and ignores the variables — `scripts/lib/deb-install-test` checks that the
/// installed binary does not contain their names). They can only make the command fail or wait, never change what it
/// writes: `EAPOLCTL_TEST_FAIL_AT=STEP` fails the transaction at that ``TransactionStep``;
/// `EAPOLCTL_TEST_PAUSE_AT=STEP` prints `eapolctl-test: paused at STEP` on stderr there and waits until the file
/// named by `EAPOLCTL_TEST_PAUSE_FILE` is gone (without it: until a signal, at most 60 s), so a test can kill the
/// process at exactly that step or change the world under it.
final class CommandTransactionControl: TransactionControl {
    /// The first signal caught (0: none); static, so the C handler reaches it without a context.
    private static let caught = Atomic<Int32>(0)
    private var previous: [(Int32, sighandler_t?)] = []
    #if DEBUG
    private let failAt: TransactionStep?
    private let pauseAt: TransactionStep?
    private let pauseFile: String?
    #endif

    init(environment: [String: String]) {
        #if DEBUG
        failAt = environment["EAPOLCTL_TEST_FAIL_AT"].flatMap(TransactionStep.init(rawValue:))
        pauseAt = environment["EAPOLCTL_TEST_PAUSE_AT"].flatMap(TransactionStep.init(rawValue:))
        pauseFile = environment["EAPOLCTL_TEST_PAUSE_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        #endif
    }

    func checkpoint(_ step: TransactionStep) throws {
        if step == .start { catchSignals() }
        try throwIfSignalled(at: step)
        #if DEBUG
        try testHooks(at: step)
        #endif
    }

    #if DEBUG
    /// `EAPOLCTL_TEST_FAIL_AT` and `EAPOLCTL_TEST_PAUSE_AT` (debug builds only).
    private func testHooks(at step: TransactionStep) throws {
        if failAt == step {
            throw SystemError(.ioFailure, "failure injected at step \(step.rawValue) (EAPOLCTL_TEST_FAIL_AT)")
        }
        if pauseAt == step {
            Output.writeStderr("eapolctl-test: paused at \(step.rawValue)\n")
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline, pauseFile.map(PosixIO.exists) ?? true {
                try throwIfSignalled(at: step)
                usleep(5_000)
            }
        }
        try throwIfSignalled(at: step)
    }
    #endif

    /// Stops catching the signals and returns the one that arrived meanwhile, if any.
    func finish() -> Int32? {
        for (sig, handler) in previous { signal(sig, handler) }
        previous = []
        let sig = Self.caught.load(ordering: .sequentiallyConsistent)
        return sig == 0 ? nil : sig
    }

    /// Ends the process by `sig` with its default action, as if it had not been caught.
    static func die(by sig: Int32) -> Never {
        signal(sig, SIG_DFL)
        // Make sure it is not blocked in this thread, so that it is delivered now.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        exit(128 + sig)
    }

    static func name(of sig: Int32) -> String { sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "signal \(sig)" }

    private func catchSignals() {
        guard previous.isEmpty else { return }
        Self.caught.store(0, ordering: .sequentiallyConsistent)  // initialised here, never first in the handler
        for sig in [SIGINT, SIGTERM] {
            previous.append((sig, signal(sig) { sig in
                _ = CommandTransactionControl.caught.compareExchange(expected: 0, desired: sig, ordering: .sequentiallyConsistent)
            }))
        }
    }

    private func throwIfSignalled(at step: TransactionStep) throws {
        let sig = Self.caught.load(ordering: .sequentiallyConsistent)
        guard sig != 0 else { return }
        throw SystemError(.interrupted, "interrupted by \(Self.name(of: sig)) at step \(step.rawValue) of the transaction",
                          details: ["signal": .string(Self.name(of: sig)), "step": .string(step.rawValue)])
    }
}
