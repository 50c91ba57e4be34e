import Foundation
import Testing
@testable import DHCPClient

/// Option 121 end to end against the scripted server in throwaway namespaces (every address in 198.18.0.0/24):
/// the validated routes are installed instead of option 3, hostile ones never reach the kernel, a RENEW removes
/// routes the server dropped, and release removes every route of the lease.
@Suite("Builtin client installs classless static routes", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct ClasslessRouteIntegrationTests {
    typealias Lease = FakeDHCPServer.Lease
    static let good = IPv4Address(198, 18, 0, 150)

    static func r(_ d: String, _ p: Int, _ g: String = "0.0.0.0") -> DHCPClasslessRoute {
        DHCPClasslessRoute(destination: IPv4Address(d)!, prefixLength: p, gateway: IPv4Address(g)!)
    }
    static func encode(_ routes: [DHCPClasslessRoute]) -> [UInt8] {
        routes.flatMap { [UInt8($0.prefixLength)] + Array($0.destination.octets.prefix(($0.prefixLength + 7) / 8)) + $0.gateway.octets }
    }

    /// The lease 198.18.0.150/26 (subnet .128–.191): the server 198.18.0.1 is reached through an on-link /28 of
    /// option 121; option 3 names .130, which must be ignored.
    static let sound = [r("198.18.0.0", 28), r("198.18.0.64", 27, "198.18.0.129"), r("0.0.0.0", 0, "198.18.0.1")]
    static let hostile = [r("127.0.0.0", 8, "198.18.0.129"),            // loopback
                          r("198.18.0.160", 27, "198.18.0.129"),        // inside the leased subnet
                          r("198.18.0.96", 27, "198.18.0.200"),         // gateway off the link
                          r("224.0.0.0", 4),                            // multicast
                          r("198.18.0.33", 27, "198.18.0.129"),         // host bits
                          r("198.18.0.16", 28, "198.18.0.150")]         // via the leased address

    struct Route: Decodable, Equatable { var dst: String; var gateway: String?; var `protocol`: String? }

    /// The client's IPv4 routes through its interface (`ip -j route show dev`).
    func routes(_ net: TestNetwork) throws -> [Route] {
        let out = try net.ip(["-n", net.clientNamespace, "-j", "-4", "route", "show", "dev", TestNetwork.clientInterface])
        return try JSONDecoder().decode([Route].self, from: Data(out.utf8))
    }

    @Test("validated option 121 routes replace the option 3 router; hostile ones are refused; a RENEW drops a withdrawn route; release removes them all")
    func installsValidatedRoutes() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        // A second, static address keeps the kernel from flushing the device's routes when the lease's address
        // goes: what disappears at release is what eapolctl removed itself.
        try net.ip(["-n", net.clientNamespace, "addr", "add", "198.18.0.250/32", "dev", TestNetwork.clientInterface])
        let mask = IPv4Address(255, 255, 255, 192)
        let router = [IPv4Address(198, 18, 0, 130)]
        let server = try await FakeDHCPServer.start(networkNamespace: "/run/netns/\(net.serverNamespace)",
                                                    interface: TestNetwork.serverInterface, duration: .seconds(30)) { m in
            let renewing = m.messageType == .request && m.ciaddr != .any
            let routes = renewing ? Self.sound.filter { $0.prefixLength != 27 } : Self.sound + Self.hostile
            let lease = Lease(address: Self.good, mask: mask, routers: router, classlessRoutes: Self.encode(routes))
            switch m.messageType {
            case .discover?: return [FakeDHCPServer.reply(to: m, .offer, lease)]
            case .request?: return [FakeDHCPServer.reply(to: m, .ack, lease)]
            default: return []
            }
        }
        let (logger, logs) = CapturingLogHandler.logger()
        let client = BuiltinDHCPClient(configuration: .init(stateDirectory: net.stateDirectory, networkNamespace: net.clientNamespacePath,
                                                            logger: logger))
        let result = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        #expect(result.address == Self.good && result.prefixLength == 26)
        #expect(result.router == IPv4Address(198, 18, 0, 1))   // option 121's default route, not option 3's .130
        let dhcpRoutes = try routes(net).filter { $0.protocol == "dhcp" }
        #expect(Set(dhcpRoutes.map { "\($0.dst) \($0.gateway ?? "on-link")" })
                == ["198.18.0.0/28 on-link", "198.18.0.64/27 198.18.0.129", "default 198.18.0.1"])
        let refused = logs.all.filter { $0.message == "refusing classless static route" }.compactMap { $0.metadata["dhcp.reason"]?.description }
        #expect(Set(refused) == ["destination-loopback", "destination-inside-leased-subnet", "gateway-off-link", "destination-multicast",
                                 "destination-host-bits", "gateway-is-leased-address"])
        // The result (what `--json` prints) names the installed routes and every refused one with its reason.
        #expect(result.classlessRoutes?.map { "\($0.destination) \($0.gateway?.description ?? "on-link")" }
                == ["198.18.0.0/28 on-link", "198.18.0.64/27 198.18.0.129", "0.0.0.0/0 198.18.0.1"])
        #expect(Set(result.refusedRoutes.compactMap(\.reason)) == Set(refused) && result.refusedRoutes.count == refused.count)
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains("\"classlessRoutes\"") && json.contains("\"refusedRoutes\"") && json.contains("gateway-off-link"))
        let lease = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        #expect(lease.staticRoutes == [Self.r("198.18.0.0", 28), Self.r("198.18.0.64", 27, "198.18.0.129"), Self.r("0.0.0.0", 0, "198.18.0.1")])

        // RENEW (unicast to 198.18.0.1 through the on-link /28): the ACK no longer carries the /27.
        let renewed = try await client.extend(lease, rebinding: false, timeout: .seconds(5))
        #expect(renewed.exchange == .renew)
        #expect(renewed.classlessRoutes?.count == 2)
        #expect(Set(try routes(net).filter { $0.protocol == "dhcp" }.map(\.dst)) == ["198.18.0.0/28", "default"])

        try await client.release(interface: TestNetwork.clientInterface)
        server.cancel()
        let received = try await server.value
        #expect(try routes(net).filter { $0.protocol == "dhcp" }.isEmpty)
        #expect(try net.clientAddresses().map(\.address) == [IPv4Address(198, 18, 0, 250)])
        // The client asked for option 121, and the RELEASE reached the server.
        #expect(received.first { $0.messageType == .discover }?.option(DHCPOptionCode.parameterRequestList)?.contains(121) == true)
        #expect(received.contains { $0.messageType == .release })
    }
}
