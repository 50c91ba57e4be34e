import Foundation
import Testing

/// Runs the built `eapolctl` binary as a separate process, the way users and scripts do.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        /// stdout parsed as one JSON object.
        func json() throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        }

        /// stderr's `{"error": {...}}` object.
        func jsonError() throws -> [String: Any] {
            let line = try #require(stderr.split(separator: "\n").last(where: { $0.contains(#""error""#) }))
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["error"] as? [String: Any])
        }
    }

    /// A fresh state directory and key file, removed when the runner is discarded by the test.
    let stateDir: URL
    let keyFile: URL
    var environment: [String: String]

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("eapolctl-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        stateDir = base.appendingPathComponent("state")
        keyFile = base.appendingPathComponent("keys/store.key")
        environment = ProcessInfo.processInfo.environment
        environment["EAPOLCTL_STATE_DIR"] = stateDir.path
        environment["EAPOLCTL_KEY_FILE"] = keyFile.path
        environment.removeValue(forKey: "EAPOLCTL_PASSPHRASE_FILE")
    }

    var baseDirectory: URL { stateDir.deletingLastPathComponent() }

    static var binary: URL {
        // The test bundle lives next to the products in the build directory.
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDir, bundleDir.deletingLastPathComponent(),
                          bundleDir.deletingLastPathComponent().deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("eapolctl")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/eapolctl")
    }

    /// Runs `eapolctl ARGS`, feeding `stdin` when given.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes are drained at once: reading one to its end first could deadlock once the other fills up.
        let errorReader = err.fileHandleForReading
        nonisolated(unsafe) var errData = Data()
        let errDone = DispatchSemaphore(value: 0)
        Thread {
            errData = errorReader.readDataToEndOfFile()
            errDone.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: baseDirectory)
    }

    /// The repository root, for Docs/ and Profiles/.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
