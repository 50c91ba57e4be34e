import Foundation

/// What a finished (or killed) child process left behind.
struct ProcessResult: Sendable, CustomStringConvertible {
    let argv: [String]
    let status: Int32
    let stdout: String
    let stderr: String
    /// Wall time from launch to exit.
    let elapsed: Duration
    /// True when the runner killed the process at its deadline.
    let timedOut: Bool

    /// The lines of stdout.
    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }

    var description: String {
        "`\(argv.joined(separator: " "))` exited \(status)\(timedOut ? " (KILLED at its deadline)" : "") after "
            + "\(elapsed)\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)"
    }
}

/// Runs child processes with a deadline, off Swift's cooperative pool: the launch, the pipe readers and the wait
/// each run on a thread of their own, bridged to `async` with one continuation.
enum ProcessRunner {
    /// Runs `argv` (argv[0] is an absolute path) with exactly `environment`.
    /// - Parameters:
    ///   - stdin: bytes written to the child's stdin, which is then closed.
    ///   - timeout: the child is killed with SIGKILL (by its pid) when it runs longer.
    ///   - onStdoutLine: called, on a reader thread, for each complete stdout line as it arrives.
    static func run(_ argv: [String], environment: [String: String], stdin: Data? = nil, timeout: Duration,
                    onStdoutLine: (@Sendable (String) -> Void)? = nil) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try runBlocking(argv, environment: environment, stdin: stdin,
                                                                   timeout: timeout, onStdoutLine: onStdoutLine))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    private static func runBlocking(_ argv: [String], environment: [String: String], stdin: Data?, timeout: Duration,
                                    onStdoutLine: (@Sendable (String) -> Void)?) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let start = ContinuousClock.now
        try process.run()
        let pid = process.processIdentifier
        let killed = Flag()
        let deadline = DispatchWorkItem {
            killed.set()
            kill(pid, SIGKILL)  // our own child, by pid
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds, execute: deadline)

        let stdoutData = PipeCollector(out.fileHandleForReading, onLine: onStdoutLine)
        let stderrData = PipeCollector(err.fileHandleForReading, onLine: nil)
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        deadline.cancel()
        let elapsed = ContinuousClock.now - start
        return ProcessResult(argv: argv, status: process.terminationStatus,
                             stdout: String(decoding: stdoutData.finish(), as: UTF8.self),
                             stderr: String(decoding: stderrData.finish(), as: UTF8.self),
                             elapsed: elapsed, timedOut: killed.isSet)
    }
}

/// Reads one pipe to its end on a thread of its own.
///
/// `@unchecked Sendable`: `data` and `done` are written by the reader thread and read by `finish()` only after
/// `done` is signalled; every access goes through `lock`.
private final class PipeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle, onLine: (@Sendable (String) -> Void)?) {
        let thread = Thread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
                guard let onLine else { continue }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    onLine(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending = Data(pending[pending.index(after: newline)...])
                }
            }
            done.signal()
        }
        thread.start()
    }

    /// Waits for end of file and returns everything read. (The children run here exec their program in place
    /// — `ip netns exec`, `env` — so killing the pid closes the pipe.)
    func finish() -> Data {
        done.wait()
        return lock.withLock { data }
    }
}

/// A flag set once from any thread.
///
/// `@unchecked Sendable`: the only state, `value`, is read and written under `lock`.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }

    /// The duration in (fractional) milliseconds.
    var milliseconds: Double { seconds * 1000 }
}
