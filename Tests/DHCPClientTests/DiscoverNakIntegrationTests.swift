import Foundation
import Testing
@testable import DHCPClient

/// DISCOVER → OFFER → REQUEST → NAK against a scripted server (dnsmasq cannot be made to NAK the REQUEST that
/// follows its own OFFER), in the same throwaway namespaces as the dnsmasq tests.
@Suite("DISCOVER path NAK handling against a scripted server", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct DiscoverNakIntegrationTests {
    @Test("a NAK to the REQUEST after an OFFER restarts discovery, and the second offer is bound")
    func nakRestartsDiscovery() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let serverNamespace = "/run/netns/\(net.serverNamespace)"
        async let served = FakeDHCPServer.serve(networkNamespace: serverNamespace,
                                                interface: TestNetwork.serverInterface, nakRequests: 1, duration: .seconds(30))
        let result = try await net.client().renew(interface: TestNetwork.clientInterface, timeout: .seconds(20))
        let messages = try await served
        #expect(result.exchange == .discover)
        #expect(result.address == IPv4Address(198, 18, 0, 151))   // the second OFFER, after the NAKed first
        #expect(result.serverIdentifier == FakeDHCPServer.serverAddress)
        #expect(try net.clientAddresses().map(\.address) == [IPv4Address(198, 18, 0, 151)])
        // What the server saw: DISCOVER, REQUEST(.150) → NAK, a new DISCOVER with a new xid, REQUEST(.151) → ACK.
        // (Retransmissions may repeat a message on a loaded machine, so compare the distinct transactions.)
        let discovers = messages.filter { $0.messageType == .discover }
        let requests = messages.filter { $0.messageType == .request }
        #expect(Set(discovers.map(\.xid)).count == 2)
        let requested = requests.compactMap { $0.address(DHCPOptionCode.requestedAddress) }
        #expect(requested.first == IPv4Address(198, 18, 0, 150))
        #expect(requested.last == IPv4Address(198, 18, 0, 151))
        #expect(requests.allSatisfy { $0.address(DHCPOptionCode.serverIdentifier) == FakeDHCPServer.serverAddress })
        let firstNakedXID = try #require(requests.first?.xid)
        #expect(requests.last?.xid != firstNakedXID)
        #expect(try net.client().recordedLease(interface: TestNetwork.clientInterface)?.address == IPv4Address(198, 18, 0, 151))
    }

    @Test("a server that NAKs every REQUEST ends in a nak error after four rounds, with no address applied")
    func nakEveryRound() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let serverNamespace = "/run/netns/\(net.serverNamespace)"
        let server = Task {
            try await FakeDHCPServer.serve(networkNamespace: serverNamespace,
                                           interface: TestNetwork.serverInterface, nakRequests: .max, duration: .seconds(60))
        }
        let error = await #expect(throws: DHCPError.self) {
            _ = try await net.client().renew(interface: TestNetwork.clientInterface, timeout: .seconds(20))
        }
        server.cancel()   // the client has given up; everything it sent has been received
        let messages = try await server.value
        #expect(error?.code == .nak)
        #expect(error?.details["server"] == .string("198.18.0.1"))
        guard case .string(let text)? = error?.details["serverMessage"] else {
            Issue.record("no serverMessage in \(String(describing: error?.details))"); return
        }
        #expect(text.contains("scripted NAK"))
        #expect(Set(messages.filter { $0.messageType == .discover }.map(\.xid)).count == 4)
        #expect(try net.clientAddresses().isEmpty)
    }
}
