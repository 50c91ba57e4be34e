import Foundation

/// Runs a helper program synchronously with a timeout. Call only from a dedicated thread (it blocks).
///
/// The child is spawned from the calling thread, so it inherits that thread's network namespace.
enum CommandRunner {
    struct Outcome: Sendable {
        var status: Int32
        var output: String
        var timedOut: Bool
        /// The last `n` non-empty output lines (for error details).
        func lastLines(_ n: Int = 8) -> [String] {
            Array(output.split(separator: "\n").map(String.init).filter { !$0.isEmpty }.suffix(n))
        }
    }

    /// Directories searched for helper programs, after `PATH`.
    static let systemDirectories = ["/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin"]

    /// The absolute path of `name`, or nil when it is not installed.
    static func locate(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        for dir in path + systemDirectories where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }

    /// Runs `executable` with `arguments`, feeding `input` on stdin, capturing stdout and stderr together.
    /// On timeout the child gets SIGTERM, then SIGKILL after 1 s.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, timeout: Duration) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("eapolctl-dhcp-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil, attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(at: outURL) }
        let out = try FileHandle(forWritingTo: outURL)
        defer { try? out.close() }
        process.standardOutput = out
        process.standardError = out
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle(forReadingAtPath: "/dev/null") : stdin
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
        }
        try? stdin.fileHandleForWriting.close()
        var timedOut = false
        let ms = Int(max(0, timeout.seconds * 1000))
        if done.wait(timeout: .now() + .milliseconds(ms)) == .timedOut {
            timedOut = true
            process.terminate()
            if done.wait(timeout: .now() + .seconds(1)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                done.wait()
            }
        }
        let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, output: text, timedOut: timedOut)
    }
}
