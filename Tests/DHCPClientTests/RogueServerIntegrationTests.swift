import Foundation
import Testing
@testable import DHCPClient

/// A rogue or broken DHCP server (the scripted `FakeDHCPServer`) against the builtin client in throwaway
/// namespaces: unusable replies are ignored without aborting the exchange, nothing unusable is applied, short
/// lease times do not make the client renew in a loop, and a lease whose route fails leaves nothing behind.
@Suite("Builtin client against a rogue DHCP server", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct RogueServerIntegrationTests {
    typealias Lease = FakeDHCPServer.Lease
    static let good = IPv4Address(198, 18, 0, 150)

    /// A server that answers every DISCOVER with `offers` and every REQUEST with ACKs of the same leases for the
    /// requested address (as a rogue server would: it confirms whatever it offered).
    static func rogue(_ offers: [Lease]) -> @Sendable (DHCPMessage) -> [DHCPMessage] {
        { m in
            switch m.messageType {
            case .discover?: return offers.map { FakeDHCPServer.reply(to: m, .offer, $0) }
            case .request?:
                let wanted = m.address(DHCPOptionCode.requestedAddress) ?? m.ciaddr
                return offers.filter { $0.address == wanted }.map { FakeDHCPServer.reply(to: m, .ack, $0) }
            default: return []
            }
        }
    }

    /// Runs the client against `respond` for `timeout`; expects `unusable-reply` with exactly `reasons`, no
    /// REQUEST sent (every OFFER was refused) and nothing on the interface or recorded.
    func expectRefused(_ respond: @escaping @Sendable (DHCPMessage) -> [DHCPMessage], reasons: Set<String>) async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let serverNamespace = "/run/netns/\(net.serverNamespace)"
        let server = try await FakeDHCPServer.start(networkNamespace: serverNamespace,
                                                    interface: TestNetwork.serverInterface, duration: .seconds(30), respond: respond)
        let error = await #expect(throws: DHCPError.self) {
            _ = try await net.client().renew(interface: TestNetwork.clientInterface, timeout: .seconds(3))
        }
        server.cancel()
        let received = try await server.value
        #expect(error?.code == .unusableReply)
        guard case .list(let seen)? = error?.details["reasons"] else { Issue.record("no reasons in \(String(describing: error))"); return }
        #expect(Set(seen) == reasons)
        #expect(error?.message.contains(TestNetwork.clientInterface) == true)
        #expect(received.contains { $0.messageType == .discover })
        #expect(!received.contains { $0.messageType == .request })
        #expect(try net.clientAddresses().isEmpty)
        #expect(try net.clientDefaultRouter() == nil)
        #expect(try net.client().recordedLease(interface: TestNetwork.clientInterface) == nil)
    }

    @Test("offered addresses that are not unicast hosts (0/8, 127/8, 224/4, 240/4, 255.255.255.255, subnet network and broadcast) are ignored; nothing is applied")
    func badAddresses() async throws {
        let bad = ["0.1.2.3", "127.0.0.1", "224.0.0.5", "240.0.0.1", "255.255.255.255", "198.18.0.0", "198.18.0.255"]
        try await expectRefused(Self.rogue(bad.map { Lease(address: IPv4Address($0)!) }), reasons: [
            "address-this-network", "address-loopback", "address-multicast", "address-reserved", "address-limited-broadcast",
            "address-subnet-network", "address-subnet-broadcast"])
    }

    @Test("prefixes shorter than /8 and non-contiguous masks are ignored; nothing is applied")
    func shortPrefix() async throws {
        let masks = ["128.0.0.0", "254.0.0.0", "255.0.255.0"]
        try await expectRefused(Self.rogue(masks.map { Lease(address: Self.good, mask: IPv4Address($0)!) }),
                                reasons: ["prefix-too-short", "invalid-subnet-mask"])
    }

    @Test("routers that are multicast, 0.0.0.0, the offered address, the subnet broadcast or off-subnet are ignored; nothing is applied")
    func badRouters() async throws {
        let routers = ["224.0.0.1", "0.0.0.0", "198.18.0.150", "198.18.0.255", "10.0.0.1"]
        try await expectRefused(Self.rogue(routers.map { Lease(address: Self.good, routers: [IPv4Address($0)!]) }), reasons: [
            "router-multicast", "router-this-network", "router-is-leased-address", "router-subnet-network-or-broadcast",
            "router-off-subnet"])
    }

    @Test("a bogus OFFER and a bogus ACK before the good ones do not abort the exchange: the good lease wins")
    func goodAfterBad() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let bogusServer = IPv4Address(198, 18, 0, 2)
        let serverNamespace = "/run/netns/\(net.serverNamespace)"
        let server = try await FakeDHCPServer.start(networkNamespace: serverNamespace,
                                                    interface: TestNetwork.serverInterface, duration: .seconds(30), stopAfterAck: false) { m in
            switch m.messageType {
            case .discover?:   // a second "server" offers a multicast address first
                return [FakeDHCPServer.reply(to: m, .offer, Lease(address: IPv4Address(224, 0, 0, 5), server: bogusServer)),
                        FakeDHCPServer.reply(to: m, .offer, Lease(address: Self.good))]
            case .request?:    // the chosen server itself first sends an ACK with a loopback router
                return [FakeDHCPServer.reply(to: m, .ack, Lease(address: Self.good, routers: [IPv4Address(127, 0, 0, 1)])),
                        FakeDHCPServer.reply(to: m, .ack, Lease(address: Self.good))]
            default: return []
            }
        }
        let result = try await net.client().renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        server.cancel()
        let received = try await server.value
        #expect(result.address == Self.good)
        #expect(result.router == FakeDHCPServer.serverAddress)
        #expect(result.serverIdentifier == FakeDHCPServer.serverAddress)
        #expect(try net.clientAddresses().map(\.address) == [Self.good])
        #expect(try net.clientDefaultRouter() == "198.18.0.1")
        // The REQUEST went to the good server, for the good address.
        let request = try #require(received.first { $0.messageType == .request })
        #expect(request.address(DHCPOptionCode.serverIdentifier) == FakeDHCPServer.serverAddress)
        #expect(request.address(DHCPOptionCode.requestedAddress) == Self.good)
    }

    @Test("an ACK with a 1 s lease and T1 = T2 = 0 gives a 20 s lease with T1 10 s: one RENEW in 11.5 s, not a storm",
          .timeLimit(.minutes(1)))
    func noRenewStorm() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let short = Lease(address: Self.good, leaseSeconds: 1, renewalSeconds: 0, rebindingSeconds: 0)
        let serverNamespace = "/run/netns/\(net.serverNamespace)"
        let server = try await FakeDHCPServer.start(networkNamespace: serverNamespace,
                                                    interface: TestNetwork.serverInterface, duration: .seconds(40), respond: Self.rogue([short]))
        let client = net.client()
        let first = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        #expect(first.leaseTime == .seconds(20))
        #expect(first.renewalTime == .seconds(10))
        #expect(first.rebindingTime == .seconds(17))
        #expect((try net.clientAddresses().first?.validLifetime ?? 0) <= 20)
        let lease = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        let keeper = LeaseKeeper(client: client, interface: TestNetwork.clientInterface, lease: lease, attemptTimeout: .seconds(2))
        await keeper.start()
        try await Task.sleep(for: .milliseconds(11_500))
        await keeper.stop()
        server.cancel()
        let received = try await server.value
        let renewals = received.filter { $0.messageType == .request && $0.ciaddr != .any }
        print("DHCP rogue: renewals seen by the server in 11.5 s after a 1 s / T1 0 lease: \(renewals.count)")
        #expect(renewals.count == 1)
        #expect(try net.clientAddresses().map(\.address) == [Self.good])
    }

    @Test("a lease whose default route cannot be added is undone: the address is removed again, nothing is recorded")
    func routeFailureRollsBack() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        // The kernel refuses a gateway that is a local address of the interface ("Nexthop has invalid gateway").
        let gateway = IPv4Address(198, 18, 0, 254)
        try net.ip(["-n", net.clientNamespace, "route", "add", "local", "\(gateway)/32", "dev", TestNetwork.clientInterface, "table", "local"])
        let serverNamespace = "/run/netns/\(net.serverNamespace)"
        let server = try await FakeDHCPServer.start(networkNamespace: serverNamespace, interface: TestNetwork.serverInterface,
                                            duration: .seconds(30), respond: Self.rogue([Lease(address: Self.good, routers: [gateway])]))
        let error = await #expect(throws: DHCPError.self) {
            _ = try await net.client().renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        }
        server.cancel()
        _ = try await server.value
        #expect(error?.code == .backendFailed)
        #expect(error?.details["rolledBack"] == .bool(true))
        guard case .string(let command)? = error?.details["failedCommand"] else { Issue.record("no failedCommand: \(String(describing: error))"); return }
        #expect(command.hasPrefix("route replace default via \(gateway)"))
        #expect(error?.message.contains("removed again") == true)
        #expect(try net.clientAddresses().isEmpty)
        #expect(try net.clientDefaultRouter() == nil)
        #expect(try net.client().recordedLease(interface: TestNetwork.clientInterface) == nil)
    }

    @Test("a RENEW whose new route cannot be added removes the address and forgets the lease instead of keeping half of it")
    func renewRouteFailureForgetsLease() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let gateway = IPv4Address(198, 18, 0, 254)
        let serverNamespace = "/run/netns/\(net.serverNamespace)"
        // Bound normally (router .1); the RENEW's ACK names router .254, which the kernel refuses (a local address).
        let server = try await FakeDHCPServer.start(networkNamespace: serverNamespace, interface: TestNetwork.serverInterface,
                                                    duration: .seconds(30)) { m in
            guard m.messageType == .request, m.ciaddr != .any else { return Self.rogue([Lease(address: Self.good)])(m) }
            return [FakeDHCPServer.reply(to: m, .ack, Lease(address: Self.good, routers: [gateway]))]
        }
        let client = net.client()
        _ = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        let lease = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        #expect(try net.clientAddresses().map(\.address) == [Self.good])
        try net.ip(["-n", net.clientNamespace, "route", "add", "local", "\(gateway)/32", "dev", TestNetwork.clientInterface, "table", "local"])
        let error = await #expect(throws: DHCPError.self) {
            _ = try await client.extend(lease, rebinding: false, timeout: .seconds(5))
        }
        server.cancel()
        _ = try await server.value
        #expect(error?.code == .backendFailed)
        #expect(error?.details["rolledBack"] == .bool(true))
        #expect(try net.clientAddresses().isEmpty)
        #expect(try net.clientDefaultRouter() == nil)
        #expect(try client.recordedLease(interface: TestNetwork.clientInterface) == nil)
    }
}
