import Foundation
import Testing
@testable import DHCPClient

/// RFC 2131 §4.4 against a scripted server in throwaway namespaces: in REQUESTING and RENEWING only the server the
/// client is talking to may NAK; a rogue's NAK (another server identifier, or none) is ignored and reported, and
/// the lease is obtained or kept. The real server's NAK still resets, and REBINDING obeys any server (the residual).
@Suite("Builtin client against rogue DHCPNAKs", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct RogueNakIntegrationTests {
    typealias Lease = FakeDHCPServer.Lease
    static let good = IPv4Address(198, 18, 0, 150)
    static let rogue = IPv4Address(198, 18, 0, 66)

    static func nak(_ m: DHCPMessage, from server: IPv4Address?) -> DHCPMessage {
        var r = FakeDHCPServer.reply(to: m, .nak, Lease(address: .any, server: server ?? .any), message: "rogue NAK")
        if server == nil { r.options.removeAll { $0.code == DHCPOptionCode.serverIdentifier } }
        return r
    }

    /// Binds `good` from the real server (198.18.0.1); RENEWs (REQUEST with ciaddr) get `renewReplies`.
    static func script(renewReplies: @escaping @Sendable (DHCPMessage) -> [DHCPMessage]) -> @Sendable (DHCPMessage) -> [DHCPMessage] {
        { m in
            switch m.messageType {
            case .discover?: return [FakeDHCPServer.reply(to: m, .offer, Lease(address: good))]
            case .request? where m.ciaddr != .any: return renewReplies(m)
            case .request?: return [FakeDHCPServer.reply(to: m, .ack, Lease(address: good))]
            default: return []
            }
        }
    }

    @Test("REQUESTING: NAKs from another server identifier and without one, before the selected server's ACK, are ignored; the lease is bound in one round")
    func requestingIgnoresRogueNak() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let server = try await FakeDHCPServer.start(networkNamespace: "/run/netns/\(net.serverNamespace)",
                                                    interface: TestNetwork.serverInterface, duration: .seconds(30)) { m in
            switch m.messageType {
            case .discover?: return [FakeDHCPServer.reply(to: m, .offer, Lease(address: Self.good))]
            case .request?: return [Self.nak(m, from: Self.rogue), Self.nak(m, from: nil),
                                    FakeDHCPServer.reply(to: m, .ack, Lease(address: Self.good))]
            default: return []
            }
        }
        let (logger, logs) = CapturingLogHandler.logger()
        let client = BuiltinDHCPClient(configuration: .init(stateDirectory: net.stateDirectory, networkNamespace: net.clientNamespacePath,
                                                            logger: logger))
        let result = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        server.cancel()
        let received = try await server.value
        #expect(result.exchange == .discover)
        #expect(result.address == Self.good)
        #expect(try net.clientAddresses().map(\.address) == [Self.good])
        // No restart: one DISCOVER transaction (the old code restarted on the NAK without option 54, every round).
        #expect(Set(received.filter { $0.messageType == .discover }.map(\.xid)).count == 1)
        let reasons = logs.all.filter { $0.message == "ignoring unusable DHCP reply" }.compactMap { $0.metadata["dhcp.reason"]?.description }
        #expect(reasons.contains("nak-other-server"))
        #expect(reasons.contains("nak-missing-server-identifier"))
    }

    @Test("RENEWING: a rogue NAK and a rogue ACK (another router) before the leasing server's ACK are ignored; the lease is renewed and stays applied")
    func renewingIgnoresRogueNak() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        // The rogue's ACK would move the default route to itself.
        let rogueAck = Lease(address: Self.good, server: Self.rogue, routers: [Self.rogue])
        let server = try await FakeDHCPServer.start(networkNamespace: "/run/netns/\(net.serverNamespace)",
                                                    interface: TestNetwork.serverInterface, duration: .seconds(30),
                                                    respond: Self.script { m in
            [Self.nak(m, from: Self.rogue), Self.nak(m, from: nil), FakeDHCPServer.reply(to: m, .ack, rogueAck),
             FakeDHCPServer.reply(to: m, .ack, Lease(address: Self.good))]
        })
        let (logger, logs) = CapturingLogHandler.logger()
        let client = BuiltinDHCPClient(configuration: .init(stateDirectory: net.stateDirectory, networkNamespace: net.clientNamespacePath,
                                                            logger: logger))
        _ = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        let lease = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        let renewed = try await client.extend(lease, rebinding: false, timeout: .seconds(5))
        server.cancel()
        _ = try await server.value
        #expect(renewed.exchange == .renew)
        #expect(renewed.address == Self.good)
        #expect(try net.clientAddresses().map(\.address) == [Self.good])
        #expect(try net.clientDefaultRouter() == "198.18.0.1")
        #expect(try client.recordedLease(interface: TestNetwork.clientInterface)?.address == Self.good)
        #expect(try client.recordedLease(interface: TestNetwork.clientInterface)?.serverIdentifier == FakeDHCPServer.serverAddress)
        let reasons = logs.all.filter { $0.message == "ignoring unusable DHCP reply" }.compactMap { $0.metadata["dhcp.reason"]?.description }
        #expect(reasons.contains("ack-other-server"))
    }

    @Test("RENEWING: when only a rogue NAKs, the attempt fails with unusable-reply naming it, and the lease is kept")
    func renewingKeepsLeaseAgainstRogueNakOnly() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let server = try await FakeDHCPServer.start(networkNamespace: "/run/netns/\(net.serverNamespace)",
                                                    interface: TestNetwork.serverInterface, duration: .seconds(30),
                                                    respond: Self.script { [Self.nak($0, from: Self.rogue)] })
        let client = net.client()
        _ = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        let lease = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        let error = await #expect(throws: DHCPError.self) {
            _ = try await client.extend(lease, rebinding: false, timeout: .seconds(2))
        }
        server.cancel()
        _ = try await server.value
        #expect(error?.code == .unusableReply)
        #expect(error?.details["reasons"] == .list(["nak-other-server"]))
        #expect(error?.details["servers"] == .list([Self.rogue.description]))
        #expect(try net.clientAddresses().map(\.address) == [Self.good])
        #expect(try net.clientDefaultRouter() == "198.18.0.1")
        #expect(try client.recordedLease(interface: TestNetwork.clientInterface) == lease)
    }

    /// A NAK the client must obey resets it: in RENEWING the leasing server's own; in REBINDING (residual) any
    /// server's, as RFC 2131 allows (the client no longer talks to one server). Nak error, address and record gone.
    @Test("a NAK that may reset does: RENEWING from the leasing server, REBINDING (residual) from any server",
          arguments: [(false, FakeDHCPServer.serverAddress), (true, RogueNakIntegrationTests.rogue)])
    func obeyedNaks(rebinding: Bool, from nakServer: IPv4Address) async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let server = try await FakeDHCPServer.start(networkNamespace: "/run/netns/\(net.serverNamespace)",
                                                    interface: TestNetwork.serverInterface, duration: .seconds(30),
                                                    respond: Self.script { [Self.nak($0, from: nakServer)] })
        let client = net.client()
        _ = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        let lease = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        let error = await #expect(throws: DHCPError.self) {
            _ = try await client.extend(lease, rebinding: rebinding, timeout: .seconds(5))
        }
        server.cancel()
        _ = try await server.value
        #expect(error?.code == .nak)
        #expect(error?.details["server"] == .string(nakServer.description))
        #expect(try net.clientAddresses().isEmpty)
        #expect(try client.recordedLease(interface: TestNetwork.clientInterface) == nil)
    }
}
