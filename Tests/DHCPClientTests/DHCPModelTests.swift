import Foundation
import Testing
import StructuredErrors
@testable import DHCPClient
import HostOS

@Suite("Backends, results, errors, lease store")
struct DHCPModelTests {
    @Test("command lines are attributed to the client managing the interface")
    func detectArgv() {
        #expect(DHCPBackend.backend(managing: "eth0", argv: ["/sbin/dhclient", "-4", "-v", "-pf", "/run/dhclient.eth0.pid", "eth0"]) == .dhclient)
        #expect(DHCPBackend.backend(managing: "eth0", argv: ["dhclient", "wlan0"]) == nil)
        #expect(DHCPBackend.backend(managing: "eth0", argv: ["udhcpc", "-i", "eth0", "-f"]) == .udhcpc)
        #expect(DHCPBackend.backend(managing: "eth0", argv: ["/bin/busybox", "udhcpc", "-ieth0"]) == .udhcpc)
        #expect(DHCPBackend.backend(managing: "eth0", argv: ["dhcpcd", "-q", "-b"]) == .dhcpcd)  // manager mode: all interfaces
        #expect(DHCPBackend.backend(managing: "eth0", argv: ["dhcpcd", "wlan0"]) == nil)
        #expect(DHCPBackend.backend(managing: "eth0", argv: ["vim", "eth0"]) == nil)
        #expect(DHCPBackend.backend(managing: "eth0", argv: ["/usr/sbin/dhclient.bak", "eth0"]) == nil)
    }

    @Test("detect reads a proc tree: only root-owned clients running the client executable in our namespace count")
    func detectProc() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dhcp-proc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        let binaries = ClientBinaries(paths: [.dhclient: ["/usr/sbin/dhclient"], .dhcpcd: ["/usr/sbin/dhcpcd"],
                                              .udhcpc: ["/usr/bin/busybox"]])
        func proc(_ pid: Int, _ argv: [String], exe: String, uid: (real: Int, effective: Int) = (0, 0),
                  namespace: String = "net:[4026531840]", start: Int = 1000) throws {
            let dir = root.appendingPathComponent(String(pid))
            try fm.createDirectory(at: dir.appendingPathComponent("ns"), withIntermediateDirectories: true)
            try Data(argv.joined(separator: "\0").utf8 + [0]).write(to: dir.appendingPathComponent("cmdline"))
            try fm.createSymbolicLink(atPath: dir.appendingPathComponent("exe").path, withDestinationPath: exe)
            try fm.createSymbolicLink(atPath: dir.appendingPathComponent("ns/net").path, withDestinationPath: namespace)
            try "Name:\tx\nUid:\t\(uid.real)\t\(uid.effective)\t\(uid.effective)\t\(uid.effective)\n"
                .write(to: dir.appendingPathComponent("status"), atomically: false, encoding: .utf8)
            try "\(pid) (x) S 1 \(pid) \(pid) 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 \(start) 2260992 200\n"
                .write(to: dir.appendingPathComponent("stat"), atomically: false, encoding: .utf8)
        }
        try fm.createDirectory(at: root.appendingPathComponent("self/ns"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("self/ns/net").path, withDestinationPath: "net:[4026531840]")
        try proc(10, ["/usr/sbin/sshd", "-D"], exe: "/usr/sbin/sshd")
        try proc(20, ["/sbin/dhclient", "-v", "eth1"], exe: "/usr/sbin/dhclient", start: 4242)
        try proc(30, ["udhcpc", "-i", "eth2"], exe: "/usr/bin/busybox")
        try proc(40, ["dhclient", "eth4"], exe: "/usr/sbin/dhclient", uid: (65534, 65534))      // another user's
        try proc(41, ["dhclient", "eth5"], exe: "/usr/sbin/dhclient", uid: (1000, 0))           // set-uid: real uid not 0
        try proc(50, ["dhclient", "eth6"], exe: "/usr/bin/sleep")                               // exec -a dhclient sleep
        try proc(51, ["busybox", "udhcpc", "-i", "eth7"], exe: "/usr/bin/busybox")              // busybox as anything else
        try proc(52, ["sh", "-c", "udhcpc -i eth7"], exe: "/usr/bin/busybox")
        try proc(60, ["dhclient", "eth8"], exe: "/usr/sbin/dhclient", namespace: "net:[4026532999]")
        try proc(70, ["dhcpcd", "eth9"], exe: "/usr/sbin/dhcpcd")
        #expect(DHCPBackend.detect(interface: "eth1", procRoot: root.path, binaries: binaries) == .dhclient)
        #expect(DHCPBackend.detect(interface: "eth2", procRoot: root.path, binaries: binaries) == .udhcpc)
        #expect(DHCPBackend.detect(interface: "eth9", procRoot: root.path, binaries: binaries) == .dhcpcd)
        for ignored in ["eth3", "eth4", "eth5", "eth6", "eth7", "eth8"] {
            #expect(DHCPBackend.detect(interface: ignored, procRoot: root.path, binaries: binaries) == .builtin, "\(ignored)")
        }
        #expect(DHCPBackend.detect(interface: "eth3", procRoot: "/nonexistent") == .builtin)
        let found = DHCPBackend.runningClients(interface: "eth1", procRoot: root.path, binaries: binaries)
        #expect(found.map(\.identity) == [ProcessIdentity(pid: 20, executable: "/usr/sbin/dhclient", startTime: 4242)])
        // Without a readable namespace of our own, nothing is trusted.
        try fm.removeItem(at: root.appendingPathComponent("self"))
        #expect(DHCPBackend.detect(interface: "eth1", procRoot: root.path, binaries: binaries) == .builtin)
    }

    @Test("proc parsing: start time counts fields from the last parenthesis; uids from the Uid line")
    func procParsing() {
        #expect(ProcessIdentity.parseStartTime(stat: "7 (a) 1 2 (x) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 98765 0 0") == 98765)
        #expect(ProcessIdentity.parseStartTime(stat: "7 (x) S 1") == nil)
        #expect(ProcFS.parseUIDs(status: "Name:\tsleep\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\n")! == (1000, 0))
        #expect(ProcFS.parseUIDs(status: "Name:\tsleep\n") == nil)
        let binaries = ClientBinaries(paths: [.udhcpc: ["/usr/bin/busybox"], .dhclient: ["/usr/sbin/dhclient"]])
        #expect(binaries.backend(executable: "/usr/bin/busybox", argv0: "/usr/sbin/udhcpc") == .udhcpc)
        #expect(binaries.backend(executable: "/usr/bin/busybox", argv0: "sh") == nil)
        #expect(binaries.backend(executable: "/usr/sbin/dhclient", argv0: "dhclient") == .dhclient)
        #expect(binaries.backend(executable: "/usr/bin/bash", argv0: "dhclient") == nil)
    }

    @Test("the runtime directory is /run/eapolctl for root, else XDG_RUNTIME_DIR/eapolctl, else STATE/run")
    func runtimeDefaults() {
        let state = URL(fileURLWithPath: "/home/u/.local/state/eapolctl")
        #expect(DHCPRuntimeDirectory.defaultRoot(stateDirectory: state, isRoot: true, environment: ["XDG_RUNTIME_DIR": "/run/user/0"]).path
                == "/run/eapolctl")
        #expect(DHCPRuntimeDirectory.defaultRoot(stateDirectory: state, isRoot: false, environment: ["XDG_RUNTIME_DIR": "/run/user/1000"]).path
                == "/run/user/1000/eapolctl")
        #expect(DHCPRuntimeDirectory.defaultRoot(stateDirectory: state, isRoot: false, environment: ["XDG_RUNTIME_DIR": "rel"]).path
                == "/home/u/.local/state/eapolctl/run")
        let client = ExternalDHCPClient(backend: .dhclient, configuration: .init(stateDirectory: state))
        if geteuid() == 0 { #expect(client.dhclientPIDFile("eth0") == "/run/eapolctl/dhcp/eth0.dhclient.pid") }
    }

    @Test("every DHCP code lies in 901…, has a unique name, a summary and a hint")
    func errorCodes() {
        let codes = DHCPErrorCode.allCodes
        #expect(codes.map(\.number) == Array(901 ... 911))
        #expect(Set(codes.map(\.name)).count == codes.count)
        #expect(codes.map(\.name) == ["no-server", "nak", "interface-down", "interface-gone", "backend-missing",
                                      "backend-failed", "permission-denied", "invalid-lease",
                                      "client-changed", "unsafe-runtime-path", "unusable-reply"])
        for c in codes {
            #expect(!c.info.summary.isEmpty && !c.info.hint.isEmpty)
            #expect(c.info.domain == .dhcp)
        }
        let e = DHCPError(.noServer, "No DHCP server answered on eth0.")
        #expect(e.description == "dhcp error 901 (no-server): No DHCP server answered on eth0.")
        #expect(e.hint == DHCPErrorCode.noServer.info.hint)
    }

    @Test("socket errno values map to actionable codes naming the interface")
    func errnoMapping() {
        #expect(DHCPSocket.error(EPERM, "bind", "eth0").code == .permissionDenied)
        #expect(DHCPSocket.error(ENODEV, "SO_BINDTODEVICE", "eth9").code == .interfaceGone)
        #expect(DHCPSocket.error(ENETDOWN, "sendto", "eth0").code == .interfaceDown)
        #expect(DHCPSocket.error(ENODEV, "SO_BINDTODEVICE", "eth9").message.contains("eth9"))
    }

    @Test("DHCPResult encodes durations as seconds and decodes back")
    func resultJSON() throws {
        let r = DHCPResult(backend: .builtin, interface: "eth0", exchange: .initReboot, address: IPv4Address(198, 18, 0, 100),
                           prefixLength: 24, router: IPv4Address(198, 18, 0, 1), serverIdentifier: IPv4Address(198, 18, 0, 1),
                           leaseTime: .seconds(120), renewalTime: .seconds(60), rebindingTime: .seconds(105),
                           leaseEndsAt: Date(timeIntervalSince1970: 1_700_000_000), elapsed: .milliseconds(3),
                           renewedAutomatically: false)
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .iso8601
        let data = try enc.encode(r)
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(obj["exchange"] as? String == "init-reboot")
        #expect(obj["address"] as? String == "198.18.0.100")
        #expect(obj["leaseSeconds"] as? Double == 120)
        #expect(obj["elapsedSeconds"] as? Double == 0.003)
        #expect((obj["notice"] as? String)?.contains("nothing will renew it") == true)
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .iso8601
        #expect(try dec.decode(DHCPResult.self, from: data) == r)
    }

    @Test("the lease store writes 0600 files atomically and rejects garbage as invalid-lease")
    func leaseStore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dhcp-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = LeaseStore(stateDirectory: dir)
        #expect(try store.load(interface: "eth0") == nil)
        let lease = DHCPLease(interface: "eth0", hardwareAddress: "02:00:00:00:00:01", address: IPv4Address(198, 18, 0, 100),
                              prefixLength: 24, router: IPv4Address(198, 18, 0, 1), serverIdentifier: IPv4Address(198, 18, 0, 1),
                              leaseSeconds: 120, obtainedAt: Date(timeIntervalSince1970: 1_700_000_000))
        try store.save(lease)
        #expect(try store.load(interface: "eth0") == lease)
        let attrs = try FileManager.default.attributesOfItem(atPath: store.url(for: "eth0").path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let dattrs = try FileManager.default.attributesOfItem(atPath: store.directory.path)
        #expect((dattrs[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path) == ["eth0.json"])  // no temp left
        try Data("{not json".utf8).write(to: store.url(for: "eth1"))
        #expect(throws: DHCPError(.invalidLease, "")) { try store.load(interface: "eth1") }
        store.remove(interface: "eth0")
        #expect(try store.load(interface: "eth0") == nil)
    }

    @Test("a missing interface is reported as interface-gone, not a crash")
    func missingInterface() async throws {
        guard getuid() == 0 else { return }  // as non-root the bind fails first with permission-denied, tested elsewhere
        let client = BuiltinDHCPClient(configuration: .init(stateDirectory: FileManager.default.temporaryDirectory))
        await #expect(throws: DHCPError(.interfaceGone, "")) {
            _ = try await client.renew(interface: "dhcpt-nosuch0", timeout: .milliseconds(200))
        }
    }

    @Test("the factory maps backends to triggers and none to nil")
    func factory() {
        let dir = FileManager.default.temporaryDirectory
        #expect(DHCPTriggerFactory.make(backend: .none, stateDirectory: dir) == nil)
        #expect(DHCPTriggerFactory.make(backend: .builtin, stateDirectory: dir)?.backend == .builtin)
        #expect(DHCPTriggerFactory.make(backend: .udhcpc, stateDirectory: dir)?.backend == .udhcpc)
    }
}
