import Foundation
import Testing
@testable import DHCPClient

/// External clients against dnsmasq in throwaway namespaces. Each runs only when its program is installed
/// (`apt-get install isc-dhcp-client dhcpcd-base udhcpc`). The hook scripts used here only set the address and
/// default route with `ip`, so the host's resolv.conf and hostname are never touched.
@Suite("External backends against dnsmasq", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct ExternalBackendIntegrationTests {
    /// A hook script understood by dhclient (`$reason`, `$new_*`) and udhcpc (`$1`, `$ip`, `$subnet`, `$router`).
    static let script = """
        #!/bin/sh
        case "$reason" in
          BOUND|RENEW|REBIND|REBOOT)
            ip addr replace "$new_ip_address/$new_subnet_mask" dev "$interface" valid_lft "$new_dhcp_lease_time" preferred_lft "$new_dhcp_lease_time"
            [ -n "$new_routers" ] && ip route replace default via ${new_routers%% *} dev "$interface" onlink
            exit 0 ;;
          EXPIRE|FAIL|RELEASE|STOP)
            [ -n "$old_ip_address" ] && ip addr del "$old_ip_address/$old_subnet_mask" dev "$interface"
            exit 0 ;;
        esac
        case "$1" in
          bound|renew)
            ip addr replace "$ip/$subnet" dev "$interface" valid_lft "$lease" preferred_lft "$lease"
            [ -n "$router" ] && ip route replace default via ${router%% *} dev "$interface" onlink ;;
        esac
        exit 0

        """

    func writeScript(_ net: TestNetwork) throws -> String {
        let path = net.workDirectory.appendingPathComponent("hook.sh").path
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    /// Kills (by pid) any client process left for the test interface; the suite is serialized and `dtc0` is ours.
    func killLeftovers(_ client: ExternalDHCPClient) {
        var pids = DHCPBackend.runningClients(interface: TestNetwork.clientInterface).map(\.pid)
        if let p = client.dhclientDaemonPID(interface: TestNetwork.clientInterface) { pids.append(p) }
        for pid in Set(pids) { kill(pid, SIGKILL) }
    }

    func run(_ backend: DHCPBackend, extra: [String] = [], useScript: Bool = true) async throws -> DHCPResult {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer()
        let client = ExternalDHCPClient(backend: backend, configuration: .init(
            stateDirectory: net.stateDirectory, networkNamespace: net.clientNamespacePath,
            scriptPath: useScript ? try writeScript(net) : "/bin/true", extraArguments: extra))
        defer { killLeftovers(client) }
        let r = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(30))
        print("DHCP timing: \(backend) first lease \(String(format: "%.0f", r.elapsed.seconds * 1000)) ms")
        #expect(r.backend == backend)
        #expect(r.exchange == .external)
        #expect(r.address >= IPv4Address(198, 18, 0, 100) && r.address <= IPv4Address(198, 18, 0, 199))
        #expect(r.prefixLength == 24)
        #expect(try net.clientAddresses().contains { $0.address == r.address })
        #expect(try net.clientDefaultRouter() == "198.18.0.1")
        if backend == .dhclient {
            #expect(r.renewedAutomatically)
            #expect(client.dhclientDaemonPID(interface: TestNetwork.clientInterface) != nil)
            // Second run: dhclient replaces its own daemon and reuses the lease (its own start-up delays apply).
            let again = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(30))
            #expect(again.address == r.address)
            print("DHCP timing: dhclient renew with its recorded lease \(String(format: "%.0f", again.elapsed.seconds * 1000)) ms")
            try await client.release(interface: TestNetwork.clientInterface)
        }
        return r
    }

    @Test("dhclient gets a lease, leaves a renewing daemon, renews and releases",
          .enabled(if: CommandRunner.locate("dhclient") != nil, "dhclient not installed (apt-get install isc-dhcp-client)"))
    func dhclient() async throws { _ = try await run(.dhclient) }

    @Test("dhcpcd oneshot gets a lease",
          .enabled(if: CommandRunner.locate("dhcpcd") != nil, "dhcpcd not installed (apt-get install dhcpcd-base)"))
    func dhcpcd() async throws { _ = try await run(.dhcpcd, extra: ["--noarp", "-B"], useScript: false) }

    @Test("udhcpc one-shot gets a lease through its script",
          .enabled(if: CommandRunner.locate("udhcpc") != nil, "udhcpc not installed (apt-get install udhcpc)"))
    func udhcpc() async throws { _ = try await run(.udhcpc) }

    @Test("a missing program is backend-missing naming the Debian package")
    func missingBinary() async throws {
        let client = ExternalDHCPClient(backend: .dhclient, configuration: .init(stateDirectory: FileManager.default.temporaryDirectory))
        if CommandRunner.locate("dhclient") != nil { return }  // installed here: covered by the test above
        do {
            _ = try await client.renew(interface: "lo", timeout: .seconds(1))
        } catch let e as DHCPError {
            #expect(e.code == .backendMissing)
            #expect(e.details["package"] == .string("isc-dhcp-client"))
        }
    }
}
