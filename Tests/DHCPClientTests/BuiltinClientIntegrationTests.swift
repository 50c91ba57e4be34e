import Foundation
import Testing
@testable import DHCPClient

/// Builtin client against a real dnsmasq in throwaway network namespaces.
@Suite("Builtin client against dnsmasq", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct BuiltinClientIntegrationTests {
    @Test("first lease via DISCOVER, then address and default route are on the interface")
    func firstLeaseViaDiscover() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer()
        let result = try await net.client().renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        #expect(result.exchange == .discover)
        #expect(result.backend == .builtin)
        #expect(result.address >= IPv4Address(198, 18, 0, 100) && result.address <= IPv4Address(198, 18, 0, 199))
        #expect(result.prefixLength == 24)
        #expect(result.router == IPv4Address(198, 18, 0, 1))
        #expect(result.serverIdentifier == IPv4Address(198, 18, 0, 1))
        #expect(result.leaseTime == .seconds(120))
        #expect(result.renewalTime == .seconds(60))
        #expect(result.rebindingTime == .seconds(105))
        #expect(result.renewedAutomatically == false)
        #expect(result.notice.contains("nothing will renew it"))
        let addrs = try net.clientAddresses()
        let applied = try #require(addrs.first { $0.address == result.address })
        #expect(applied.prefixLength == 24)
        #expect((applied.validLifetime ?? 0) > 100 && (applied.validLifetime ?? 0) <= 120)
        #expect(try net.clientDefaultRouter() == "198.18.0.1")
        let recorded = try #require(try net.client().recordedLease(interface: TestNetwork.clientInterface))
        #expect(recorded.address == result.address)
        let attrs = try FileManager.default.attributesOfItem(
            atPath: net.stateDirectory.appendingPathComponent("leases/\(TestNetwork.clientInterface).json").path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
