import Foundation
import Testing

/// eapolctl makes itself non-dumpable with a zero core limit before it reads a secret or unlocks the store.
@Suite struct ProcessHardeningTests {
    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    static let dropPtrace = ["--inh-caps=-sys_ptrace", "--bounding-set=-sys_ptrace"]

    /// Runs `command` without CAP_SYS_PTRACE (setpriv drops it from the bounding and inheritable sets; root stays
    /// root), as another root process without that capability would: returns its exit status.
    static func withoutPtraceCapability(_ command: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = dropPtrace + command
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// `Max core file size` of /proc/PID/limits: soft and hard.
    static func coreLimit(pid: Int32) -> [String]? {
        guard let line = read("/proc/\(pid)/limits")?.split(separator: "\n").first(where: { $0.hasPrefix("Max core file size") })
        else { return nil }
        return line.dropFirst("Max core file size".count).split(separator: " ").prefix(2).map(String.init)
    }

    /// `password set --password -` waits on stdin for the secret it will save in the store: the moment a secret
    /// enters memory. The test starts it with core dumps allowed (soft and hard limit unlimited), keeps stdin
    /// open, and attacks it from outside.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root (a root process's /proc files) and setpriv"))
    func secretReadingProcessIsNotDumpableAndHasNoCoreLimit() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let created = try cli.run(["createProfile", "--authType", "PEAP", "--SSID", "dumpssid", "--securityType", "WPA2",
                                   "--userDefinedName", "Dump", "--trustedCertificate", ca.path,
                                   "--trustedServerName", "radius.example.org"])
        #expect(created.status == 0, "\(created.stderr)")

        // eapolctl runs without CAP_SYS_PTRACE, like the reader below: the kernel also refuses access to a process
        // that has capabilities its reader lacks, and that check must not hide whether the dumpable flag is clear.
        // A shell raises the core limit (so a zero limit can only come from eapolctl), then becomes eapolctl.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = Self.dropPtrace + [
            "/bin/sh", "-c", #"ulimit -c unlimited && echo "core-limit-before: $(ulimit -c)" >&2 && exec "$0" "$@""#,
            CLIRunner.binary.path, "password", "set", "--profile", "Dump", "--username", "u", "--password", "-"]
        process.environment = cli.environment
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let pid = process.processIdentifier
        defer {
            if process.isRunning { kill(pid, SIGKILL) }
            process.waitUntilExit()
        }

        var becameEapolctl = false
        for _ in 0..<200 where !becameEapolctl {
            becameEapolctl = Self.read("/proc/\(pid)/comm")?.hasPrefix("eapolctl") == true
            if !becameEapolctl { Thread.sleep(forTimeInterval: 0.025) }
        }
        try #require(becameEapolctl, "eapolctl did not start")

        // Hardening runs first in main; allow start-up a moment, then the process must be waiting on stdin.
        var limits: [String]?
        for _ in 0..<200 {
            limits = Self.coreLimit(pid: pid)
            if limits == ["0", "0"] { break }
            Thread.sleep(forTimeInterval: 0.025)
        }
        #expect(limits == ["0", "0"], "Max core file size of eapolctl: \(limits ?? [])")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(process.isRunning, "eapolctl must still be waiting for the secret on stdin")

        // Not dumpable: another root process without CAP_SYS_PTRACE cannot read its memory or follow its exe link.
        // (/proc/PID/status has no Dumpable line; these are the accesses the flag governs.) Control: the same reads
        // of a dumpable process started the same way (same uid, same capabilities) succeed.
        // (Opening /proc/PID/mem is where the kernel checks; reading address 0 would fail anyway.)
        #expect(try Self.withoutPtraceCapability(["sh", "-c", "exec 3</proc/\(pid)/mem"]) != 0,
                "/proc/PID/mem of eapolctl was readable")
        #expect(try Self.withoutPtraceCapability(["readlink", "/proc/\(pid)/exe"]) != 0,
                "/proc/PID/exe of eapolctl was readable")
        let control = try Self.withoutPtraceCapability(
            ["sh", "-c", #"sleep 5 & p=$!; readlink /proc/$p/exe && (exec 3</proc/$p/mem); r=$?; kill $p; exit $r"#])
        #expect(control == 0, "a dumpable process with the same uid and capabilities must be readable (control)")

        // Now give it the secret and let it finish normally.
        input.fileHandleForWriting.write(Data("hunter2\n".utf8))
        try input.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(stderr.contains("core-limit-before: unlimited"), "\(stderr)")
        #expect(process.terminationStatus == 0, "\(stderr)")
    }
}
