import Foundation
import Testing
@testable import DHCPClient

/// Option 121 (RFC 3442): the codec, the validation of every route before it reaches the kernel (with attacks),
/// option 121 replacing option 3, and the `ip` lines that install and remove the routes.
@Suite("Classless static routes (option 121)")
struct DHCPClasslessRouteTests {
    static func a(_ s: String) -> IPv4Address { IPv4Address(s)! }
    static func r(_ d: String, _ p: Int, _ g: String = "0.0.0.0") -> DHCPClasslessRoute {
        DHCPClasslessRoute(destination: a(d), prefixLength: p, gateway: a(g))
    }
    /// Encodes routes as option 121 data (width, significant octets, gateway).
    static func encode(_ routes: [DHCPClasslessRoute]) -> [UInt8] {
        routes.flatMap { [UInt8($0.prefixLength)] + Array($0.destination.octets.prefix(($0.prefixLength + 7) / 8)) + $0.gateway.octets }
    }
    static let address = a("198.18.0.150")

    func validate(_ routes: [DHCPClasslessRoute], prefix: Int = 24) -> (accepted: [DHCPClasslessRoute], reasons: [String]) {
        let v = DHCPClasslessRoute.validate(routes, address: Self.address, prefixLength: prefix)
        return (v.accepted, v.refused.map(\.reason.code))
    }

    @Test("the codec round-trips widths 0…32 and refuses widths over 32 and truncated data")
    func codec() throws {
        let routes = [Self.r("0.0.0.0", 0, "198.18.0.1"), Self.r("10.0.0.0", 8, "198.18.0.1"), Self.r("172.16.0.0", 12, "198.18.0.1"),
                      Self.r("192.168.1.0", 24, "198.18.0.1"), Self.r("192.168.1.128", 25, "0.0.0.0"), Self.r("10.9.9.9", 32)]
        #expect(DHCPClasslessRoute.parse(Self.encode(routes)) == routes)
        #expect(DHCPClasslessRoute.parse([]) == [])
        #expect(DHCPClasslessRoute.parse([33, 1, 2, 3, 4, 5, 6, 7, 8]) == nil)
        #expect(DHCPClasslessRoute.parse([24, 10, 9, 9, 0, 0]) == nil)
        #expect(DHCPClasslessRoute.parse([24, 10, 9, 9, 0, 0, 0, 0, 8]) == nil)   // a trailing partial route
        #expect(Self.r("10.0.0.0", 8, "198.18.0.1").description == "10.0.0.0/8 via 198.18.0.1")
        #expect(Self.r("10.9.9.9", 32).description == "10.9.9.9/32 on-link")
    }

    @Test("ordinary routes pass: default via an on-subnet gateway, networks via on-subnet gateways, on-link routes")
    func ordinary() {
        let routes = [Self.r("0.0.0.0", 0, "198.18.0.1"), Self.r("10.0.0.0", 8, "198.18.0.254"), Self.r("192.0.2.0", 24)]
        let v = validate(routes)
        #expect(v.reasons.isEmpty)
        #expect(v.accepted == [Self.r("192.0.2.0", 24), Self.r("0.0.0.0", 0, "198.18.0.1"), Self.r("10.0.0.0", 8, "198.18.0.254")])
    }

    @Test("a /32 lease reaches its gateway through an on-link route of the same option, wherever it stands in the option")
    func cloudShape() {
        let v = validate([Self.r("0.0.0.0", 0, "10.9.9.9"), Self.r("10.9.9.9", 32)], prefix: 32)
        #expect(v.reasons.isEmpty)
        #expect(v.accepted == [Self.r("10.9.9.9", 32), Self.r("0.0.0.0", 0, "10.9.9.9")])   // on-link first
        // A gateway route does not make another gateway reachable, and a refused on-link route does not either.
        #expect(validate([Self.r("10.9.0.0", 16, "198.18.0.1"), Self.r("0.0.0.0", 0, "10.9.9.9")]).reasons == ["gateway-off-link"])
        #expect(validate([Self.r("127.0.0.0", 8), Self.r("0.0.0.0", 0, "127.0.0.5")], prefix: 32).reasons
                == ["destination-loopback", "gateway-loopback"])
    }

    @Test("attacks on the destination: host bits, loopback, 0/8, multicast, class E, inside the leased subnet, duplicates")
    func destinationAttacks() {
        let cases: [(DHCPClasslessRoute, String)] = [
            (Self.r("10.1.2.3", 8, "198.18.0.1"), "destination-host-bits"),
            (Self.r("0.0.0.1", 0, "198.18.0.1"), "destination-host-bits"),
            (Self.r("127.0.0.0", 8, "198.18.0.1"), "destination-loopback"),
            (Self.r("127.0.0.1", 32), "destination-loopback"),
            (Self.r("0.0.0.0", 8, "198.18.0.1"), "destination-this-network"),
            (Self.r("224.0.0.0", 4), "destination-multicast"),
            (Self.r("239.255.255.250", 32, "198.18.0.1"), "destination-multicast"),
            (Self.r("224.0.0.0", 3, "198.18.0.1"), "destination-multicast"),
            (Self.r("240.0.0.0", 4, "198.18.0.1"), "destination-reserved"),
            (Self.r("255.255.255.255", 32), "destination-reserved"),
            // Would replace the kernel's on-link route of the subnet (and the way to an on-subnet server).
            (Self.r("198.18.0.0", 24, "198.18.0.254"), "destination-inside-leased-subnet"),
            (Self.r("198.18.0.1", 32, "198.18.0.254"), "destination-inside-leased-subnet"),
            (Self.r("198.18.0.0", 25), "destination-inside-leased-subnet"),
        ]
        for (route, code) in cases {
            #expect(validate([route]).reasons == [code], "\(route)")
            #expect(validate([route]).accepted.isEmpty, "\(route)")
        }
        // Wide prefixes that merely overlap those blocks are ordinary routes (split default routes 0/1 + 128/1).
        #expect(validate([Self.r("0.0.0.0", 1, "198.18.0.1"), Self.r("128.0.0.0", 1, "198.18.0.1")]).reasons.isEmpty)
        // A route wider than the leased subnet is fine (the kernel's on-link /24 stays more specific).
        #expect(validate([Self.r("198.18.0.0", 16, "198.18.0.1")]).reasons.isEmpty)
        let dup = validate([Self.r("10.0.0.0", 8, "198.18.0.1"), Self.r("10.0.0.0", 8, "198.18.0.2")])
        #expect(dup.reasons == ["duplicate-destination"])
        #expect(dup.accepted == [Self.r("10.0.0.0", 8, "198.18.0.1")])
    }

    @Test("attacks on the gateway: not unicast, the leased address, the subnet edges, off-link")
    func gatewayAttacks() {
        let cases: [(String, String)] = [
            ("127.0.0.1", "gateway-loopback"), ("224.0.0.1", "gateway-multicast"), ("255.255.255.255", "gateway-limited-broadcast"),
            ("240.0.0.1", "gateway-reserved"), ("0.1.2.3", "gateway-this-network"), ("198.18.0.150", "gateway-is-leased-address"),
            ("198.18.0.0", "gateway-subnet-network-or-broadcast"), ("198.18.0.255", "gateway-subnet-network-or-broadcast"),
            ("10.0.0.1", "gateway-off-link"),
        ]
        for (gateway, code) in cases {
            #expect(validate([Self.r("10.0.0.0", 8, gateway)]).reasons == [code], "\(gateway)")
        }
    }

    @Test("at most 16 routes are installed; the rest are refused with too-many-routes")
    func cap() {
        let routes = (0 ..< 40).map { Self.r("10.\($0).0.0", 16, "198.18.0.1") }
        let v = validate(routes)
        #expect(v.accepted == Array(routes.prefix(16)))
        #expect(v.reasons == Array(repeating: "too-many-routes", count: 24))
        // The most a single option can carry (255 bytes of /32 routes, 28 of them) also stays capped.
        let wire = Self.encode((0 ..< 28).map { Self.r("10.0.0.\($0 + 1)", 32, "198.18.0.1") })
        #expect(wire.count <= 255)
        #expect(validate(DHCPClasslessRoute.parse(wire) ?? []).accepted.count == 16)
    }

    static func ack(routes: [UInt8]?, router: String? = "198.18.0.254", mask: String = "255.255.255.0") -> DHCPMessage {
        var m = DHCPMessage()
        m.op = 2
        m.yiaddr = address
        m.setOption(DHCPOptionCode.messageType, [DHCPMessageType.ack.rawValue])
        m.setOption(DHCPOptionCode.subnetMask, a(mask).octets)
        if let router { m.setOption(DHCPOptionCode.router, a(router).octets) }
        m.setOption(DHCPOptionCode.serverIdentifier, a("198.18.0.1").octets)
        m.setOption(DHCPOptionCode.leaseTime, [0, 0, 0, 120])
        if let routes { m.setOption(DHCPOptionCode.classlessStaticRoute, routes) }
        return m
    }

    @Test("a well-formed option 121 replaces option 3 (RFC 3442); a malformed one is ignored and option 3 used")
    func replacesRouterOption() throws {
        let routes = [Self.r("0.0.0.0", 0, "198.18.0.1"), Self.r("10.0.0.0", 8, "198.18.0.2"), Self.r("127.0.0.0", 8, "198.18.0.1")]
        let ok = try DHCPReplyFilter.check(Self.ack(routes: Self.encode(routes)), isAck: true, fallbackServer: nil).get()
        #expect(ok.staticRoutes == Array(routes.prefix(2)))
        #expect(ok.router == Self.a("198.18.0.1"))   // the default route of option 121, not option 3's .254
        #expect(ok.refusedRoutes.map(\.reason.code) == ["destination-loopback"])
        // Option 121 without a default route: no default route at all, option 3 ignored even when it is sound.
        let noDefault = try DHCPReplyFilter.check(Self.ack(routes: Self.encode([Self.r("10.0.0.0", 8, "198.18.0.2")])),
                                                  isAck: true, fallbackServer: nil).get()
        #expect(noDefault.router == nil)
        // Option 3 is not even checked when option 121 is present (it is ignored): an off-subnet router is no reason to refuse.
        #expect((try? DHCPReplyFilter.check(Self.ack(routes: Self.encode(routes), router: "10.1.1.1"), isAck: true, fallbackServer: nil).get()) != nil)
        let malformed = try DHCPReplyFilter.check(Self.ack(routes: [33, 1, 2, 3, 4, 5, 6, 7, 8]), isAck: true, fallbackServer: nil).get()
        #expect(malformed.staticRoutes == nil && malformed.malformedStaticRoutes)
        #expect(malformed.router == Self.a("198.18.0.254"))
        let lease = DHCPLease(ack: Self.ack(routes: Self.encode(routes)), accepted: ok, interface: "eth0",
                              hardwareAddress: "02:00:00:00:00:01", obtainedAt: Date())
        #expect(lease.staticRoutes == Array(routes.prefix(2)))
        // Recorded and read back (older records without the field read as nil).
        let back = try JSONDecoder().decode(DHCPLease.self, from: JSONEncoder().encode(lease))
        #expect(back == lease)
        #expect(DHCPOptionCode.requested.contains(DHCPOptionCode.classlessStaticRoute))
    }

    @Test("the ip batch installs on-link routes first, removes the previous lease's routes it no longer has, and release removes them all")
    func ipLines() {
        let t0 = Date()
        var old = DHCPLease(interface: "eth0", hardwareAddress: "02:00:00:00:00:01", address: Self.address, prefixLength: 24,
                            router: Self.a("198.18.0.1"), serverIdentifier: Self.a("198.18.0.1"), leaseSeconds: 120, obtainedAt: t0)
        var new = old
        new.staticRoutes = [Self.r("192.0.2.0", 24), Self.r("10.0.0.0", 8, "198.18.0.2")]
        new.router = nil
        #expect(InterfaceConfigurator.applyCommands(new, replacing: old, now: t0) == [
            "route del 0.0.0.0/0 via 198.18.0.1 dev eth0 proto dhcp",
            "address replace 198.18.0.150/24 dev eth0 valid_lft 120 preferred_lft 120",
            "route replace 192.0.2.0/24 dev eth0 proto dhcp scope link",
            "route replace 10.0.0.0/8 via 198.18.0.2 dev eth0 proto dhcp",
        ])
        let plan = InterfaceConfigurator.applyPlan(new, replacing: old, now: t0)
        #expect(plan.routeRemovals == [0] && plan.address == 1 && plan.routeAdditions.keys.sorted() == [2, 3])
        old = new
        new.staticRoutes = [Self.r("10.0.0.0", 8, "198.18.0.2")]
        #expect(InterfaceConfigurator.applyCommands(new, replacing: old, now: t0) == [
            "route del 192.0.2.0/24 dev eth0 proto dhcp",
            "address replace 198.18.0.150/24 dev eth0 valid_lft 120 preferred_lft 120",
            "route replace 10.0.0.0/8 via 198.18.0.2 dev eth0 proto dhcp",
        ])
        #expect(InterfaceConfigurator.routes(of: old).map { InterfaceConfigurator.deleteLine($0, interface: "eth0") } == [
            "route del 192.0.2.0/24 dev eth0 proto dhcp", "route del 10.0.0.0/8 via 198.18.0.2 dev eth0 proto dhcp"])
    }
}
