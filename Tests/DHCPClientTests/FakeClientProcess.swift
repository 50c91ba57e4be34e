import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import DHCPClient
import HostOS

/// A process that merely looks like a DHCP client, as any local user can make one: `bash -c 'exec -a udhcpc …'`
/// runs a bash script whose argv[0] is the client's name and whose arguments name the interface. Its executable
/// stays /usr/bin/bash. The script records every USR1, USR2, TERM, HUP and INT it receives in a log file (one line
/// per signal) instead of dying, so a test can tell that nothing was sent.
///
/// Optionally run as another user (`setpriv --reuid=nobody --regid=nogroup --clear-groups`) and/or inside a
/// network namespace (`ip netns exec`, which execs, so the pid stays the fake's). Stopped by its pid with SIGKILL
/// and reaped in `stop()`/`deinit`.
final class FakeClientProcess {
    let pid: Int32
    let name: String
    let directory: URL
    let logPath: String

    static let script = """
        log="$1"
        for s in USR1 USR2 TERM HUP INT; do trap "echo $s >> '$log'" "$s"; done
        echo ready > "$log.ready"
        while :; do sleep 1 & wait $!; done

        """

    /// The uid and gid of `nobody` / `nogroup`.
    static let nobody: (uid: uid_t, gid: gid_t) = {
        let pw = getpwnam("nobody")
        return (pw?.pointee.pw_uid ?? 65534, pw?.pointee.pw_gid ?? 65534)
    }()

    /// Starts the fake and waits until its traps are set.
    /// - Parameters:
    ///   - name: argv[0], e.g. `udhcpc`.
    ///   - arguments: what follows the script and log path in argv (e.g. `["-i", "eth0"]`).
    ///   - asNobody: run as nobody:nogroup instead of root.
    ///   - networkNamespace: the name of a namespace under /run/netns to run in.
    init(name: String, arguments: [String], asNobody: Bool = false, networkNamespace: String? = nil) throws {
        self.name = name
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-\(name)-\(UUID().uuidString)")
        let logPath = directory.appendingPathComponent("signals.log").path
        self.directory = directory
        self.logPath = logPath
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let scriptPath = directory.appendingPathComponent("fake.sh").path
        try Self.script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        chmod(scriptPath, 0o644)
        for file in [logPath, logPath + ".ready"] {
            guard FileManager.default.createFile(atPath: file, contents: nil) else {
                throw TestNetwork.TestNetworkError(message: "cannot create \(file)")
            }
            if asNobody { chown(file, Self.nobody.uid, Self.nobody.gid) }
        }
        var command: [String] = []
        if let ns = networkNamespace { command += [CommandRunner.locate("ip")!, "netns", "exec", ns] }
        if asNobody { command += [CommandRunner.locate("setpriv")!, "--reuid=nobody", "--regid=nogroup", "--clear-groups"] }
        command += ["/bin/bash", "-c", "exec -a \"$0\" /bin/bash \"$@\"", name, scriptPath, logPath] + arguments
        pid = try CommandRunner.spawn(command[0], Array(command.dropFirst()),
                                      outputPath: directory.appendingPathComponent("output").path)
        let deadline = Date() + 5
        while Date() < deadline {
            if (try? String(contentsOfFile: logPath + ".ready", encoding: .utf8))?.contains("ready") == true,
               ProcFS.argv(pid: pid)?.first == name { return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        _ = CommandRunner.wait(pid, deadline: .now + .seconds(5))
        stopped = true
        throw TestNetwork.TestNetworkError(message: "fake \(name) did not start")
    }

    deinit { stop() }

    /// The signals the fake received, one name per line ("" when none).
    var receivedSignals: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "<unreadable>" }

    /// Whether the fake still runs and is not stopped (state neither T/t nor Z in /proc/PID/status).
    var isRunning: Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("State:") }) else { return false }
        let state = line.dropFirst("State:".count).trimmingCharacters(in: .whitespaces).prefix(1)
        return !["T", "t", "Z", "X"].contains(String(state))
    }

    /// Waits a moment for signals in flight to be handled, then returns what was received.
    func signalsAfterSettling() -> String {
        usleep(300_000)
        return receivedSignals
    }

    private var stopped = false

    /// Kills the fake by its pid and reaps it; removes its files.
    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGKILL)
        _ = CommandRunner.wait(pid, deadline: .now + .seconds(5))
        try? FileManager.default.removeItem(at: directory)
    }
}
