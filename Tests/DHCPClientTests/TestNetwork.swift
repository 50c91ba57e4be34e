import Foundation
import Testing
@testable import DHCPClient
import HostOS

/// A throwaway pair of network namespaces (`dhcpt-s-XXXX` server, `dhcpt-c-XXXX` client) joined by a veth pair,
/// with dnsmasq serving 198.18.0.100–199 on the server side.
///
/// The veth pair is created inside the server namespace and its peer moved straight into the client namespace,
/// so nothing ever appears in the host's namespace. The client under test enters the client namespace with
/// `setns(CLONE_NEWNET)` on its own I/O thread (`Configuration.networkNamespace`); the test process stays put.
final class TestNetwork {
    static let serverInterface = "dts0"
    static let clientInterface = "dtc0"

    let suffix: String
    let serverNamespace: String
    let clientNamespace: String
    let workDirectory: URL
    private(set) var dnsmasqPID: Int32?

    var clientNamespacePath: String { "/run/netns/\(clientNamespace)" }
    var stateDirectory: URL { workDirectory.appendingPathComponent("state") }
    var dnsmasqLog: String { (try? String(contentsOf: workDirectory.appendingPathComponent("dnsmasq.log"), encoding: .utf8)) ?? "" }

    /// Why integration tests cannot run here, or nil when they can.
    static let missingPrerequisite: String? = {
        if getuid() != 0 { return "integration tests need root (network namespaces, veth, port 68)" }
        for tool in ["ip", "dnsmasq"] where CommandRunner.locate(tool) == nil {
            return "integration tests need `\(tool)` (apt-get install \(tool == "ip" ? "iproute2" : "dnsmasq"))"
        }
        let probe = "dhcpt-probe-\(UInt32.random(in: 0 ... .max))"
        guard let o = try? CommandRunner.run(CommandRunner.locate("ip")!, ["netns", "add", probe], timeout: .seconds(5)),
              o.status == 0 else { return "cannot create network namespaces (ip netns add failed)" }
        _ = try? CommandRunner.run(CommandRunner.locate("ip")!, ["netns", "del", probe], timeout: .seconds(5))
        return nil
    }()

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Trait condition: run when prerequisites hold, and also under CI=true so that a missing one fails loudly.
    static var shouldRun: Bool { missingPrerequisite == nil || isCI }

    /// Fails the test with a clear message when a prerequisite is missing (only reachable under CI=true).
    static func requirePrerequisites() throws {
        if let missing = missingPrerequisite {
            Issue.record("DHCP integration prerequisites missing under CI=true: \(missing)")
            throw TestNetworkError(message: missing)
        }
    }

    struct TestNetworkError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    init() throws {
        try Self.requirePrerequisites()
        suffix = String(format: "%08x", UInt32.random(in: 0 ... .max))
        serverNamespace = "dhcpt-s-\(suffix)"
        clientNamespace = "dhcpt-c-\(suffix)"
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("dhcpt-\(suffix)")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        do {
            try ip(["netns", "add", serverNamespace])
            try ip(["netns", "add", clientNamespace])
            try ip(["-n", serverNamespace, "link", "add", Self.serverInterface, "type", "veth",
                    "peer", "name", Self.clientInterface, "netns", clientNamespace])
            try ip(["-n", serverNamespace, "addr", "add", "198.18.0.1/24", "dev", Self.serverInterface])
            for (ns, ifname) in [(serverNamespace, Self.serverInterface), (clientNamespace, Self.clientInterface)] {
                try ip(["-n", ns, "link", "set", "lo", "up"])
                try ip(["-n", ns, "link", "set", ifname, "up"])
            }
        } catch {
            tearDown()
            throw error
        }
    }

    deinit { tearDown() }

    @discardableResult
    func ip(_ args: [String]) throws -> String {
        let o = try CommandRunner.run(CommandRunner.locate("ip")!, args, timeout: .seconds(10))
        guard o.status == 0 else { throw TestNetworkError(message: "ip \(args.joined(separator: " ")) failed: \(o.output)") }
        return o.output
    }

    /// Starts dnsmasq in the server namespace (`ip netns exec` execs it, so the pid is dnsmasq's) and waits
    /// until it serves DHCP.
    /// - Parameter ping: keep dnsmasq's ICMP conflict check before an OFFER (adds up to 3 s); off by default.
    func startServer(extra: [String] = [], range: String = "198.18.0.100,198.18.0.199,2m", ping: Bool = false) throws {
        stopServer()
        let log = workDirectory.appendingPathComponent("dnsmasq.log").path
        let earlierLog = dnsmasqLog.utf8.count   // a restarted server appends: look only at what it writes
        let pid = try CommandRunner.spawn(CommandRunner.locate("ip")!, [
            "netns", "exec", serverNamespace, CommandRunner.locate("dnsmasq")!,
            "--no-daemon", "--conf-file=/dev/null", "--port=0", "--interface=\(Self.serverInterface)",
            "--bind-interfaces", "--dhcp-range=\(range)",
            "--dhcp-leasefile=\(workDirectory.appendingPathComponent("dnsmasq.leases").path)",
            "--pid-file=", "--user=root", "--log-dhcp", "--log-facility=-"] + (ping ? [] : ["--no-ping"]) + extra,
            outputPath: log)
        dnsmasqPID = pid
        let deadline = Date() + 5
        while Date() < deadline {
            if String(decoding: dnsmasqLog.utf8.dropFirst(earlierLog), as: UTF8.self).contains("DHCP, sockets bound") { return }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                dnsmasqPID = nil
                throw TestNetworkError(message: "dnsmasq exited: \(dnsmasqLog)")
            }
            usleep(10_000)
        }
        throw TestNetworkError(message: "dnsmasq did not start: \(dnsmasqLog)")
    }

    /// Stops dnsmasq by its pid and reaps it.
    func stopServer() {
        guard let pid = dnsmasqPID else { return }
        kill(pid, SIGTERM)
        _ = CommandRunner.wait(pid, deadline: .now + .seconds(3))
        dnsmasqPID = nil
    }

    /// IPv4 addresses on the client interface.
    func clientAddresses() throws -> [InterfaceConfigurator.AddressInfo] {
        InterfaceConfigurator.parseAddresses(try ip(["-n", clientNamespace, "-j", "-4", "addr", "show", "dev", Self.clientInterface]))
    }

    /// The default route's gateway in the client namespace.
    func clientDefaultRouter() throws -> String? {
        let out = try ip(["-n", clientNamespace, "-j", "-4", "route", "show", "default"])
        struct Route: Decodable { var gateway: String? }
        return (try? JSONDecoder().decode([Route].self, from: Data(out.utf8)))?.first?.gateway
    }

    func client() -> BuiltinDHCPClient {
        BuiltinDHCPClient(configuration: .init(stateDirectory: stateDirectory, networkNamespace: clientNamespacePath))
    }

    /// Kills dnsmasq (by pid) and deletes both namespaces; safe to call twice.
    func tearDown() {
        stopServer()
        for ns in [serverNamespace, clientNamespace] {
            _ = try? CommandRunner.run(CommandRunner.locate("ip")!, ["netns", "del", ns], timeout: .seconds(10))
        }
        try? FileManager.default.removeItem(at: workDirectory)
    }
}
