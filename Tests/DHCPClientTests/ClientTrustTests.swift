import Foundation
#if canImport(Glibc)
import Glibc
#endif
import StructuredErrors
import Testing
@testable import DHCPClient
import HostOS

/// The attack: a local user starts processes named like DHCP clients (`exec -a udhcpc …`) or plants a pid file,
/// hoping eapolctl (root) detects them as the interface's client and signals them. These tests run such fakes as
/// real processes and drive the product code against them.
@Suite("Which processes eapolctl trusts and signals", .serialized,
       .enabled(if: geteuid() == 0, "needs root: fakes run as nobody and as root, pid files are owned by root"))
struct ClientTrustTests {
    static func interfaceName() -> String { "dtf\(Int.random(in: 1000 ... 9999))" }

    static func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dhcp-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The three kinds of fake: nobody's `udhcpc`, root's `dhclient` and `dhcpcd` whose executable is bash.
    static func fakes(for interface: String, networkNamespace: String? = nil) throws -> [FakeClientProcess] {
        [try FakeClientProcess(name: "udhcpc", arguments: ["-i", interface], asNobody: true, networkNamespace: networkNamespace),
         try FakeClientProcess(name: "dhclient", arguments: ["-v", interface], networkNamespace: networkNamespace),
         try FakeClientProcess(name: "dhcpcd", arguments: [interface], networkNamespace: networkNamespace)]
    }

    @Test("auto detection ignores fake clients that name the interface (nobody's udhcpc, root's dhclient/dhcpcd running bash)")
    func detectionIgnoresFakes() throws {
        let interface = Self.interfaceName()
        let fakes = try Self.fakes(for: interface)
        defer { fakes.forEach { $0.stop() } }
        for fake in fakes {
            // Their command lines alone would pass for the interface's client (what detection used to go by).
            let argv = try #require(ProcFS.argv(pid: fake.pid))
            #expect(DHCPBackend.backend(managing: interface, argv: argv)?.rawValue == fake.name)
            #expect(ClientProcess.inspect(pid: fake.pid, interface: interface,
                                          namespace: ProcFS.ownNetworkNamespace(configured: nil), binaries: .installed()) == nil)
        }
        #expect(ProcFS.uids(pid: fakes[0].pid)?.real == FakeClientProcess.nobody.uid)
        #expect(DHCPBackend.detect(interface: interface) == .builtin)
        #expect(DHCPBackend.runningClients(interface: interface).isEmpty)
    }

    @Test("udhcpc release sends SIGUSR2 to no fake udhcpc",
          .enabled(if: CommandRunner.locate("udhcpc") != nil, "udhcpc not installed (apt-get install udhcpc)"))
    func releaseSignalsNoFake() async throws {
        let interface = Self.interfaceName()
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nobodys = try FakeClientProcess(name: "udhcpc", arguments: ["-i", interface], asNobody: true)
        let roots = try FakeClientProcess(name: "udhcpc", arguments: ["-i", interface])
        defer { nobodys.stop(); roots.stop() }
        let client = ExternalDHCPClient(backend: .udhcpc, configuration: .init(
            stateDirectory: dir, runtimeDirectory: dir.appendingPathComponent("run"), scriptPath: "/bin/true"))
        try await client.release(interface: interface)
        for fake in [nobodys, roots] {
            #expect(fake.signalsAfterSettling() == "", "fake udhcpc \(fake.pid) was signalled")
            #expect(fake.isRunning)
        }
    }

    @Test("a recorded identity whose start time or executable no longer matches is refused with client-changed")
    func identityRecheck() throws {
        let interface = Self.interfaceName()
        let fake = try FakeClientProcess(name: "dhclient", arguments: [interface])
        defer { fake.stop() }
        let real = try #require(ProcessIdentity.read(pid: fake.pid))
        #expect(real.executable == ClientBinaries.realPath("/bin/bash"))
        #expect(real.startTime == ProcessIdentity.startTime(pid: fake.pid))
        let argv = try #require(ProcFS.argv(pid: fake.pid))
        func recorded(_ identity: ProcessIdentity) -> ClientProcess {
            ClientProcess(identity: identity, backend: .dhclient, interface: interface, argv: argv)
        }
        // Same pid and executable, another start time: the pid was reused by another process.
        let laterStart = recorded(ProcessIdentity(pid: fake.pid, executable: real.executable, startTime: real.startTime + 1))
        let error = #expect(throws: DHCPError.self) { try laterStart.signal(SIGUSR1) }
        #expect(error?.code == .clientChanged)
        #expect(error?.details["currentStartTime"] == .string(String(real.startTime)))
        #expect(error?.details["recordedStartTime"] == .string(String(real.startTime + 1)))
        #expect(error?.hint.contains("eapolctl dhcp renew --interface \(interface)") == true)
        #expect(error?.message.contains("SIGUSR1 was not sent") == true)
        // Same pid and start time, another executable.
        let otherExe = recorded(ProcessIdentity(pid: fake.pid, executable: "/usr/sbin/dhclient", startTime: real.startTime))
        #expect(throws: DHCPError(.clientChanged, "")) { try otherExe.signal(SIGTERM) }
        #expect(fake.signalsAfterSettling() == "")
        #expect(fake.isRunning)

        // Control: the unchanged identity is signalled (so the refusals above are the re-check, nothing else).
        try recorded(real).signal(SIGUSR1)
        let deadline = Date() + 5
        while fake.receivedSignals.isEmpty && Date() < deadline { usleep(20_000) }
        #expect(fake.receivedSignals == "USR1\n")

        // Gone: the process exited; nothing is sent to whatever may get its pid.
        fake.stop()
        let gone = #expect(throws: DHCPError.self) { try recorded(real).signal(SIGUSR1) }
        #expect(gone?.code == .clientChanged)
        #expect(gone?.message.contains("no longer running") == true)
    }

    @Test("a dhclient pid file naming a fake dhclient, a symlink or another user's file is not honoured and is removed")
    func pidFileChecks() throws {
        let interface = Self.interfaceName()
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let client = ExternalDHCPClient(backend: .dhclient, configuration: .init(
            stateDirectory: dir, runtimeDirectory: dir.appendingPathComponent("run")))
        try client.runtime.ensure()
        let pidFile = client.dhclientPIDFile(interface)
        #expect(pidFile == dir.appendingPathComponent("run/dhcp/\(interface).dhclient.pid").path)
        let fake = try FakeClientProcess(name: "dhclient", arguments: ["-1", "-v", "-pf", pidFile, interface])
        defer { fake.stop() }
        let namespace = ProcFS.ownNetworkNamespace(configured: nil)

        // A root-owned regular file naming the fake (root-owned, argv names the interface, exe bash).
        try "\(fake.pid)\n".write(toFile: pidFile, atomically: false, encoding: .utf8)
        guard case .stale(let reason) = DhclientPIDFile(path: pidFile).check(interface: interface, namespace: namespace) else {
            Issue.record("pid file naming a fake dhclient was honoured"); return
        }
        #expect(reason.contains("not a root-owned dhclient"))
        #expect(client.dhclientDaemonPID(interface: interface) == nil)
        #expect(try client.verifiedDhclientDaemon(interface: interface) == nil)
        #expect(!FileManager.default.fileExists(atPath: pidFile))

        // A symbolic link (to a file naming the fake): refused, and removing it leaves the target alone.
        let target = dir.appendingPathComponent("elsewhere.pid").path
        try "\(fake.pid)\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: pidFile, withDestinationPath: target)
        #expect(DhclientPIDFile(path: pidFile).check(interface: interface, namespace: namespace) == .stale("it is a symbolic link"))
        #expect(try client.verifiedDhclientDaemon(interface: interface) == nil)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: pidFile)) == nil)
        #expect(FileManager.default.fileExists(atPath: target))

        // Owned by another user.
        try "\(fake.pid)\n".write(toFile: pidFile, atomically: false, encoding: .utf8)
        chown(pidFile, FakeClientProcess.nobody.uid, FakeClientProcess.nobody.gid)
        #expect(DhclientPIDFile(path: pidFile).check(interface: interface, namespace: namespace)
                == .stale("it is owned by uid \(FakeClientProcess.nobody.uid)"))

        // Garbage.
        try "not a pid\n".write(toFile: pidFile, atomically: false, encoding: .utf8)
        chown(pidFile, 0, 0)
        #expect(DhclientPIDFile(path: pidFile).check(interface: interface, namespace: namespace) == .stale("it holds no pid"))

        #expect(fake.signalsAfterSettling() == "")
        #expect(fake.isRunning)
    }

    @Test("the runtime directory is created 0700; a symlink, another owner or open permissions are refused")
    func runtimeDirectory() throws {
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = DHCPRuntimeDirectory(root: dir.appendingPathComponent("a/b/run"))
        let dhcp = try fresh.ensure()
        for path in [fresh.root.path, dhcp.path] {
            let attrs = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o700, "\(path)")
        }
        try fresh.ensure()  // idempotent

        // A symbolic link to a directory someone else prepared.
        let elsewhere = dir.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("dhcp"), withIntermediateDirectories: true)
        let linked = dir.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: elsewhere)
        #expect(throws: DHCPError(.unsafeRuntimePath, "")) { try DHCPRuntimeDirectory(root: linked).ensure() }
        let inner = DHCPRuntimeDirectory(root: dir.appendingPathComponent("inner"))
        try FileManager.default.createDirectory(at: inner.root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createSymbolicLink(at: inner.dhcp, withDestinationURL: elsewhere.appendingPathComponent("dhcp"))
        let linkError = #expect(throws: DHCPError.self) { try inner.ensure() }
        #expect(linkError?.code == .unsafeRuntimePath)
        #expect(linkError?.message.contains("symbolic link") == true)

        // Owned by another user.
        let foreign = DHCPRuntimeDirectory(root: dir.appendingPathComponent("foreign"))
        try FileManager.default.createDirectory(at: foreign.dhcp, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chown(foreign.dhcp.path, FakeClientProcess.nobody.uid, FakeClientProcess.nobody.gid)
        let ownerError = #expect(throws: DHCPError.self) { try foreign.ensure() }
        #expect(ownerError?.message.contains("owned by uid \(FakeClientProcess.nobody.uid)") == true)
        chown(foreign.root.path, FakeClientProcess.nobody.uid, FakeClientProcess.nobody.gid)
        #expect(throws: DHCPError(.unsafeRuntimePath, "")) { try foreign.ensure() }

        // Open to others.
        let open = DHCPRuntimeDirectory(root: dir.appendingPathComponent("open"))
        try open.ensure()
        chmod(open.dhcp.path, 0o755)
        #expect(throws: DHCPError(.unsafeRuntimePath, "")) { try open.ensure() }
        chmod(open.dhcp.path, 0o700)
        chmod(open.root.path, 0o777)
        #expect(throws: DHCPError(.unsafeRuntimePath, "")) { try open.ensure() }
        chmod(open.root.path, 0o755)   // readable by others is fine for the parent; its dhcp/ stays private
        try open.ensure()

        // A regular file where the directory should be.
        let file = DHCPRuntimeDirectory(root: dir.appendingPathComponent("file"))
        #expect(FileManager.default.createFile(atPath: file.root.path, contents: Data()))
        #expect(throws: DHCPError(.unsafeRuntimePath, "")) { try file.ensure() }
    }
}

/// Real clients against dnsmasq, with fakes and a planted pid file in the same network namespace.
@Suite("Trusted clients against dnsmasq", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct ClientTrustIntegrationTests {
    func hookScript() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/lib/dhcp-hook.sh").path
    }

    func client(_ backend: DHCPBackend, _ net: TestNetwork) -> ExternalDHCPClient {
        ExternalDHCPClient(backend: backend, configuration: .init(
            stateDirectory: net.stateDirectory, runtimeDirectory: net.workDirectory.appendingPathComponent("run"),
            networkNamespace: net.clientNamespacePath, scriptPath: hookScript()))
    }

    @Test("dhclient renew removes a planted pid file naming a fake dhclient instead of letting `dhclient -x` kill it",
          .enabled(if: CommandRunner.locate("dhclient") != nil, "dhclient not installed (apt-get install isc-dhcp-client)"))
    func dhclientIgnoresPlantedPIDFile() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer()
        let client = client(.dhclient, net)
        defer { ExternalBackendIntegrationTests.killLeftovers(client, net) }
        try client.runtime.ensure()
        let pidFile = client.dhclientPIDFile(TestNetwork.clientInterface)
        // Root-owned, in the client's namespace, argv naming the interface and the pid file: only its executable
        // (bash) gives it away. Before this check, `dhclient -x -pf FILE` sent it SIGTERM.
        let fake = try FakeClientProcess(name: "dhclient", arguments: ["-1", "-v", "-pf", pidFile, TestNetwork.clientInterface],
                                         networkNamespace: net.clientNamespace)
        defer { fake.stop() }
        try "\(fake.pid)\n".write(toFile: pidFile, atomically: false, encoding: .utf8)
        #expect(client.dhclientDaemonPID(interface: TestNetwork.clientInterface) == nil)

        let r = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(30))
        #expect(try net.clientAddresses().contains { $0.address == r.address })
        #expect(fake.signalsAfterSettling() == "", "the fake dhclient was signalled")
        #expect(fake.isRunning)
        // The pid file now names the real daemon, which passes the check (root, /usr/sbin/dhclient, namespace).
        let daemon = try #require(client.dhclientDaemonPID(interface: TestNetwork.clientInterface))
        #expect(daemon != fake.pid)
        #expect(ProcessIdentity.read(pid: daemon)?.executable == ClientBinaries.realPath(CommandRunner.locate("dhclient")!))
        try await client.release(interface: TestNetwork.clientInterface)
        #expect(fake.signalsAfterSettling() == "")
    }

    @Test("udhcpc renew signals a real running udhcpc, never the fakes beside it",
          .enabled(if: CommandRunner.locate("udhcpc") != nil, "udhcpc not installed (apt-get install udhcpc)"))
    func udhcpcSignalsOnlyTheRealDaemon() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer()
        let client = client(.udhcpc, net)
        defer { ExternalBackendIntegrationTests.killLeftovers(client, net) }
        let fakes = try ClientTrustTests.fakes(for: TestNetwork.clientInterface, networkNamespace: net.clientNamespace)
        defer { fakes.forEach { $0.stop() } }
        #expect(DHCPBackend.runningClients(interface: TestNetwork.clientInterface, networkNamespace: net.clientNamespacePath).isEmpty)

        // No trusted udhcpc yet: a one-shot udhcpc gets the lease; the fakes get nothing.
        let first = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(30))
        #expect(!first.renewedAutomatically)
        for fake in fakes { #expect(fake.signalsAfterSettling() == "", "fake \(fake.name) was signalled") }

        // A real udhcpc daemon (root, exe busybox, argv[0] udhcpc) in the namespace is found and sent SIGUSR1.
        let daemonLog = net.workDirectory.appendingPathComponent("udhcpc-daemon.log").path
        let daemon = try CommandRunner.spawn(CommandRunner.locate("ip")!, [
            "netns", "exec", net.clientNamespace, CommandRunner.locate("udhcpc")!, "-f", "-i", TestNetwork.clientInterface,
            "-s", hookScript(), "-t", "5", "-T", "1"], outputPath: daemonLog)
        defer { kill(daemon, SIGKILL); _ = CommandRunner.wait(daemon, deadline: .now + .seconds(5)) }
        let deadline = Date() + 10
        while Date() < deadline,
              !((try? String(contentsOfFile: daemonLog, encoding: .utf8)) ?? "").contains("obtained") { usleep(50_000) }
        let found = DHCPBackend.runningClients(interface: TestNetwork.clientInterface, networkNamespace: net.clientNamespacePath)
        #expect(found.map(\.pid) == [daemon])
        #expect(found.first?.backend == .udhcpc)
        sleep(1)  // lifetimes are whole seconds: let the address's valid lifetime drop before the signalled renew
        let second = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(15))
        #expect(second.renewedAutomatically)
        #expect(second.address == first.address)
        try await client.release(interface: TestNetwork.clientInterface)
        for fake in fakes {
            #expect(fake.signalsAfterSettling() == "", "fake \(fake.name) was signalled")
            #expect(fake.isRunning)
        }
    }
}
