import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A state directory with two onboarded profiles whose passwords are stored, and the commands that change them
/// (onboard again with other credentials, `profile import --replace`, `profile remove`), for the rollback tests.
struct TransactionScenario {
    let cli: CLIRunner
    let file: URL
    /// The eapolcfg plist of the first profile, exported with its password.
    let exported: URL
    let ids: [String]

    init() throws {
        cli = try CLIRunner()
        file = try OnboardCommandTests.eapConfig(in: cli.baseDirectory)
        let first = try cli.run(["onboard", file.path, "--username", "alice", "--password-stdin", "--json"], stdin: "old-pw")
        #expect(first.status == 0, "\(first.stderr)")
        ids = try #require(try first.json()["profiles"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        exported = cli.baseDirectory.appendingPathComponent("first.plist")
        let export = try cli.run(["profile", "export", ids[0], "--format", "eapolcfg", "--include-secrets", "--output", exported.path])
        #expect(export.status == 0, "\(export.stderr)")
        // With a password in it, and another user name: the import rewrites the profile and its password item.
        let plist = try String(contentsOf: exported, encoding: .utf8).replacingOccurrences(
            of: "<key>AuthenticationProperties</key>\n\t<dict>",
            with: "<key>AuthenticationProperties</key>\n\t<dict>\n\t\t<key>UserPassword</key>\n\t\t<string>imported-pw</string>")
            .replacingOccurrences(of: "<string>alice@example.org</string>", with: "<string>carol@example.org</string>")
        #expect(plist.contains("imported-pw") && plist.contains("carol@"))
        try Data(plist.utf8).write(to: exported)
        // A trust hint, which `profile remove` deletes along with the profile.
        let hints = cli.stateDir.appendingPathComponent("trust-hints")
        try FileManager.default.createDirectory(at: hints, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try Data("AA:BB\n".utf8).write(to: hints.appendingPathComponent(ids[1]))
        chmod(hints.appendingPathComponent(ids[1]).path, 0o600)
    }

    /// The three transactions, each changing profiles and secrets: (arguments, stdin).
    var commands: [(name: String, arguments: [String], stdin: String?)] {
        [("onboard", ["onboard", file.path, "--username", "bob", "--password-stdin", "--json"], "new-pw"),
         ("profile import", ["profile", "import", "--replace", exported.path, "--json"], nil),
         ("profile remove", ["profile", "remove", ids[1], "--json"], nil)]
    }

    func cleanUp() { cli.cleanUp() }

    /// Every file and directory under the state directory: relative path → mode and bytes.
    func state() throws -> StateTree { try StateTree(cli.stateDir.path) }
}

/// The exact content of a directory tree: each entry's path, type, permission bits and bytes.
struct StateTree: Equatable, CustomStringConvertible {
    var entries: [String: String]

    init(_ root: String) throws {
        entries = [:]
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            var st = stat()
            guard lstat(root + "/" + rel, &st) == 0 else { continue }
            let mode = String(st.st_mode & 0o7777, radix: 8)
            if (st.st_mode & S_IFMT) == S_IFDIR {
                entries[rel] = "dir \(mode)"
            } else {
                let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + rel))
                entries[rel] = "file \(mode) \(data.base64EncodedString())"
            }
        }
    }

    /// The paths whose content differs between two trees.
    func differences(from other: StateTree) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }

    var description: String { entries.keys.sorted().joined(separator: ", ") }

    /// The entry lines of `profiles.index` (its header line records the directory's mtime).
    var indexEntries: [Substring] {
        guard let entry = entries["profiles.index"], let b64 = entry.split(separator: " ").last,
              let data = Data(base64Encoded: String(b64)) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().map { $0 }
    }
}

/// `eapolctl` started in the background, to be stopped at a step it announces on stderr.
final class BackgroundCLI {
    let process = Process()
    private let errPipe = Pipe()
    private let outPipe = Pipe()
    private var stderrText = ""

    init(_ cli: CLIRunner, _ arguments: [String], stdin: String?, environment extra: [String: String]) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.environment = cli.environment.merging(extra) { $1 }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
    }

    /// Reads stderr until `marker` appears (or it ends); returns whether it appeared.
    func waitFor(_ marker: String) -> Bool {
        let handle = errPipe.fileHandleForReading
        while !stderrText.contains(marker) {
            let chunk = handle.availableData
            if chunk.isEmpty { return false }
            stderrText += String(decoding: chunk, as: UTF8.self)
        }
        return true
    }

    /// Waits for the end; returns how it ended and everything it wrote on stderr.
    func finish() -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
        stderrText += String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus, stderrText)
    }
}

/// Runs a bash script in a private mount namespace of its own (unshare(1)): whatever it mounts disappears with it.
func runInPrivateMountNamespace(_ script: String, arguments: [String], stdin: String? = nil,
                                environment: [String: String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = ["--mount", "--propagation", "private", "/bin/bash", "-c", script, "bash"] + arguments
    process.environment = environment
    let pipe = Pipe(), input = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
