import Foundation
import Testing
@testable import eapolctl_fuzz

/// Replays the committed fuzz inputs (Tests/FuzzCorpus) through the fuzz targets of the normal build, one process
/// per target, so a trap fails the test instead of the test runner: the seeds (which keep every target's
/// harness honest) and every crash the fuzzer ever found (Tests/FuzzCorpus/regressions/TARGET).
@Suite struct FuzzReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus").path

    static func inputs(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("every target has seeds, and they replay cleanly", arguments: FuzzTarget.allCases)
    func seedsReplay(_ target: FuzzTarget) throws {
        let dir = Self.corpus + "/" + target.rawValue
        let files = Self.inputs(dir)
        #expect(!files.isEmpty, "no seeds in \(dir)")
        let run = try replay(target.rawValue, [dir])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("replayed \(files.count) input(s) through \(target.rawValue)"), "\(run.output)")
    }

    @Test("every input that once crashed a target is handled now", arguments: FuzzTarget.allCases)
    func regressionsReplay(_ target: FuzzTarget) throws {
        let dir = Self.corpus + "/regressions/" + target.rawValue
        let files = Self.inputs(dir)
        guard !files.isEmpty else { return }
        let run = try replay(target.rawValue, [dir])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("replayed \(files.count) input(s)"), "\(run.output)")
    }

    @Test("regression directories name real targets")
    func regressionDirectoriesAreTargets() {
        for name in Self.inputs(Self.corpus + "/regressions") {
            #expect(FuzzTarget(rawValue: name) != nil, "Tests/FuzzCorpus/regressions/\(name) is not a fuzz target")
        }
    }

    @Test("the replay refuses an unknown target and an unreadable input")
    func replayRefusesBadArguments() throws {
        let refused = try replay("no-such-target", ["/dev/null"])
        #expect(refused.status == 2, "\(refused.output)")
        #expect(refused.output.contains("targets: dhcp"), "\(refused.output)")
        let missing = try replay("json", ["/nonexistent/input"])
        #expect(missing.status == 1, "\(missing.output)")
    }

    /// Runs the replay binary built next to this test bundle; returns its status and its merged output.
    func replay(_ target: String, _ paths: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.binary())
        process.arguments = [target] + paths
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a trap's report is the message; the backtracer can hang
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func binary() throws -> String {
        var candidates = [String]()
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = (exe as NSString).deletingLastPathComponent
            for _ in 0..<3 {
                candidates.append(dir + "/eapolctl-fuzz")
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return c }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "eapolctl-fuzz (run `swift build --build-tests` first); looked in \(candidates)"])
    }
}
