import Foundation
import Testing
@testable import DHCPClient

/// The pure reply filter, the option 121 parser, the lease-time clamps and the keeper's renewal floor.
@Suite("Reply filter and lease clamps")
struct DHCPReplyFilterTests {
    static func a(_ s: String) -> IPv4Address { IPv4Address(s)! }

    func check(_ address: String, _ prefix: Int = 24, router: String? = nil,
               routes: [DHCPClasslessRoute] = []) -> DHCPReplyRejection? {
        DHCPReplyFilter.check(address: Self.a(address), prefixLength: prefix, router: router.map(Self.a), classlessRoutes: routes)
    }

    @Test("ordinary leases pass: /24 with on-subnet router, no router, /31 and /32 edge addresses, /8")
    func acceptsOrdinaryLeases() {
        #expect(check("198.18.0.150", router: "198.18.0.1") == nil)
        #expect(check("198.18.0.150") == nil)
        #expect(check("198.18.0.0", 31, router: "198.18.0.1") == nil)    // RFC 3021: both /31 addresses are hosts
        #expect(check("198.18.0.255", 32) == nil)
        #expect(check("10.0.0.5", 8, router: "10.255.255.254") == nil)
        #expect(check("223.255.255.1") == nil)
    }

    @Test("offered addresses that are not unicast host addresses are refused, each with its kind",
          arguments: [("0.1.2.3", IPv4AddressKind.thisNetwork), ("127.0.0.1", .loopback), ("224.0.0.5", .multicast),
                      ("239.255.255.250", .multicast), ("240.0.0.1", .reserved), ("255.255.255.254", .reserved),
                      ("255.255.255.255", .limitedBroadcast)])
    func refusesNonUnicastAddresses(address: String, kind: IPv4AddressKind) {
        #expect(check(address) == .addressNotUnicast(Self.a(address), kind))
    }

    @Test("the subnet's network and broadcast addresses are refused up to /30")
    func refusesNetworkAndBroadcast() {
        #expect(check("198.18.0.0") == .addressIsSubnetNetwork(Self.a("198.18.0.0"), prefixLength: 24))
        #expect(check("198.18.0.255") == .addressIsSubnetBroadcast(Self.a("198.18.0.255"), prefixLength: 24))
        #expect(check("198.18.0.4", 30) == .addressIsSubnetNetwork(Self.a("198.18.0.4"), prefixLength: 30))
        #expect(check("198.18.0.7", 30) == .addressIsSubnetBroadcast(Self.a("198.18.0.7"), prefixLength: 30))
        #expect(check("198.18.0.5", 30) == nil)
    }

    @Test("prefixes shorter than /8 are refused", arguments: [1, 4, 7])
    func refusesShortPrefix(prefix: Int) {
        #expect(check("198.18.0.150", prefix) == .prefixTooShort(prefix))
    }

    @Test("routers that are not unicast, the leased address, the subnet edges, or off-subnet are refused")
    func refusesBadRouters() {
        #expect(check("198.18.0.150", router: "224.0.0.1") == .routerNotUnicast(Self.a("224.0.0.1"), .multicast))
        #expect(check("198.18.0.150", router: "0.0.0.0") == .routerNotUnicast(.any, .thisNetwork))
        #expect(check("198.18.0.150", router: "127.0.0.1") == .routerNotUnicast(Self.a("127.0.0.1"), .loopback))
        #expect(check("198.18.0.150", router: "198.18.0.150") == .routerIsLeasedAddress(Self.a("198.18.0.150")))
        #expect(check("198.18.0.150", router: "198.18.0.255") == .routerIsSubnetNetworkOrBroadcast(Self.a("198.18.0.255")))
        #expect(check("198.18.0.150", router: "198.18.0.0") == .routerIsSubnetNetworkOrBroadcast(Self.a("198.18.0.0")))
        #expect(check("198.18.0.150", router: "10.0.0.1")
                == .routerOffSubnet(router: Self.a("10.0.0.1"), address: Self.a("198.18.0.150"), prefixLength: 24))
        // /32 (also what a reply without subnet mask means): every router is off-subnet.
        #expect(check("198.18.0.150", 32, router: "198.18.0.1")
                == .routerOffSubnet(router: Self.a("198.18.0.1"), address: Self.a("198.18.0.150"), prefixLength: 32))
    }

    @Test("an off-subnet router is accepted when an on-link route of option 121 covers it, not via a gateway route")
    func classlessRouteMakesRouterReachable() throws {
        // 10.9.9.9/32 via 0.0.0.0 (on-link), then 0.0.0.0/0 via 10.9.9.9 — the shape cloud /32 setups send.
        let data: [UInt8] = [32, 10, 9, 9, 9, 0, 0, 0, 0, 0, 10, 9, 9, 9]
        let routes = try #require(DHCPClasslessRoute.parse(data))
        #expect(routes == [DHCPClasslessRoute(destination: Self.a("10.9.9.9"), prefixLength: 32, gateway: .any),
                           DHCPClasslessRoute(destination: .any, prefixLength: 0, gateway: Self.a("10.9.9.9"))])
        #expect(check("198.18.0.150", 32, router: "10.9.9.9", routes: routes) == nil)
        // A route to the router's network via another gateway does not put it on the link.
        let viaGateway = try #require(DHCPClasslessRoute.parse([8, 10, 198, 18, 0, 1]))
        #expect(check("198.18.0.150", router: "10.9.9.9", routes: viaGateway) != nil)
        // Malformed option 121 (width > 32, truncated) is ignored as a whole.
        #expect(DHCPClasslessRoute.parse([33, 1, 2, 3, 4, 5, 6, 7, 8]) == nil)
        #expect(DHCPClasslessRoute.parse([24, 10, 9, 9, 0, 0]) == nil)
    }

    @Test("whole replies: bad masks, missing server identifier or lease time are refused; fields come out typed")
    func wholeReplies() {
        var m = DHCPMessage()
        m.op = 2
        m.yiaddr = Self.a("198.18.0.150")
        m.setOption(DHCPOptionCode.messageType, [DHCPMessageType.ack.rawValue])
        m.setOption(DHCPOptionCode.subnetMask, [255, 255, 255, 0])
        m.setOption(DHCPOptionCode.router, [198, 18, 0, 1])
        #expect(DHCPReplyFilter.check(m, isAck: true, fallbackServer: nil) == .failure(.missingServerIdentifier))
        m.setOption(DHCPOptionCode.serverIdentifier, [198, 18, 0, 1])
        #expect(DHCPReplyFilter.check(m, isAck: true, fallbackServer: nil) == .failure(.missingLeaseTime))
        #expect(DHCPReplyFilter.check(m, isAck: false, fallbackServer: nil)
                == .success(.init(address: Self.a("198.18.0.150"), prefixLength: 24, router: Self.a("198.18.0.1"),
                                  server: Self.a("198.18.0.1"), leaseSeconds: nil)))
        m.setOption(DHCPOptionCode.leaseTime, [0, 0, 0, 0])
        #expect(DHCPReplyFilter.check(m, isAck: true, fallbackServer: nil) == .failure(.missingLeaseTime))
        m.setOption(DHCPOptionCode.leaseTime, [0, 0, 0, 1])
        #expect((try? DHCPReplyFilter.check(m, isAck: true, fallbackServer: nil).get())?.leaseSeconds == 1)
        m.setOption(DHCPOptionCode.subnetMask, [255, 0, 255, 0])
        #expect(DHCPReplyFilter.check(m, isAck: true, fallbackServer: nil) == .failure(.invalidSubnetMask(Self.a("255.0.255.0"))))
        m.setOption(DHCPOptionCode.subnetMask, [254, 0, 0, 0])
        #expect(DHCPReplyFilter.check(m, isAck: true, fallbackServer: nil) == .failure(.prefixTooShort(7)))
        m.setOption(DHCPOptionCode.subnetMask, [255, 255, 255, 0])
        m.setOption(DHCPOptionCode.serverIdentifier, [224, 0, 0, 1])
        #expect(DHCPReplyFilter.check(m, isAck: true, fallbackServer: nil) == .failure(.serverNotUnicast(Self.a("224.0.0.1"))))
        // The first router counts: a bogus first entry is not skipped in favour of a later good one.
        m.setOption(DHCPOptionCode.serverIdentifier, [198, 18, 0, 1])
        m.setOption(DHCPOptionCode.router, [0, 0, 0, 0, 198, 18, 0, 1])
        #expect(DHCPReplyFilter.check(m, isAck: true, fallbackServer: nil) == .failure(.routerNotUnicast(.any, .thisNetwork)))
    }

    @Test("every rejection has a distinct stable code and a description naming the address")
    func codesAndDescriptions() {
        let r = DHCPReplyRejection.routerOffSubnet(router: Self.a("10.0.0.1"), address: Self.a("198.18.0.150"), prefixLength: 24)
        #expect(r.code == "router-off-subnet")
        #expect(r.description.contains("10.0.0.1") && r.description.contains("198.18.0.150/24"))
        #expect(DHCPReplyRejection.addressNotUnicast(Self.a("224.0.0.5"), .multicast).code == "address-multicast")
    }

    @Test("lease time is at least 20 s, T1 at least 10 s, T2 between T1 and the lease")
    func clamps() {
        func lease(_ l: UInt32, _ t1: UInt32?, _ t2: UInt32?) -> DHCPLease {
            DHCPLease(interface: "eth0", hardwareAddress: "02:00:00:00:00:01", address: Self.a("198.18.0.150"), prefixLength: 24,
                      router: nil, serverIdentifier: Self.a("198.18.0.1"), leaseSeconds: l, renewalSeconds: t1,
                      rebindingSeconds: t2, obtainedAt: Date())
        }
        func times(_ l: DHCPLease) -> [UInt32] { [l.leaseSeconds, l.renewalSeconds, l.rebindingSeconds] }
        #expect(times(lease(1, 0, 0)) == [20, 10, 17])         // the renew-storm ACK
        #expect(times(lease(1, nil, nil)) == [20, 10, 17])
        #expect(times(lease(120, 0, nil)) == [120, 60, 105])    // T1 = 0 means "not given"
        #expect(times(lease(120, 1, 2)) == [120, 10, 105])      // T1 raised; T2 below it → 0.875 × lease
        #expect(times(lease(30, 1, 12)) == [30, 10, 12])        // T2 already ≥ raised T1 stays
        #expect(times(lease(3600, 600, 1200)) == [3600, 600, 1200])
        #expect(times(lease(DHCPLease.infinite, 0, 0)) == [DHCPLease.infinite, DHCPLease.infinite, DHCPLease.infinite])
        for l: UInt32 in [0, 1, 5, 19, 20, 21, 25, 100] {
            for t1: UInt32? in [nil, 0, 1, 9, 10, 15, 50, 200] {
                for t2: UInt32? in [nil, 0, 1, 9, 11, 18, 50, 200] {
                    let x = lease(l, t1, t2)
                    #expect(x.leaseSeconds >= 20 && x.renewalSeconds >= 10)
                    #expect(x.renewalSeconds <= x.rebindingSeconds && x.rebindingSeconds <= x.leaseSeconds)
                }
            }
        }
    }

    @Test("LeaseKeeper starts a RENEW at T1 but never sooner than 10 s after the last successful one")
    func renewalFloor() {
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(LeaseKeeper.renewalStart(renewAt: t0, lastRenewal: nil) == t0)
        #expect(LeaseKeeper.renewalStart(renewAt: t0, lastRenewal: t0 - 3) == t0 + 7)
        #expect(LeaseKeeper.renewalStart(renewAt: t0 + 60, lastRenewal: t0) == t0 + 60)
    }

    @Test("ip batch failures are attributed to their lines; an address already gone is tolerated")
    func batchFailures() {
        let out = "Error: ipv4: Address not found.\nCommand failed -:1\nError: Nexthop has invalid gateway.\nCommand failed -:3\n"
        #expect(InterfaceConfigurator.failedLines(out) == [0: "Error: ipv4: Address not found.", 2: "Error: Nexthop has invalid gateway."])
        #expect(InterfaceConfigurator.failedLines("").isEmpty)
        let t0 = Date()
        let old = DHCPLease(interface: "eth0", hardwareAddress: "02:00:00:00:00:01", address: Self.a("198.18.0.50"), prefixLength: 24,
                            router: nil, serverIdentifier: Self.a("198.18.0.1"), leaseSeconds: 120, obtainedAt: t0)
        var new = old
        new.address = Self.a("198.18.0.101")
        new.router = Self.a("198.18.0.1")
        let plan = InterfaceConfigurator.applyPlan(new, replacing: old, now: t0)
        #expect(plan.previousRemoval == 0 && plan.address == 1 && plan.lines.count == 3)
    }
}
