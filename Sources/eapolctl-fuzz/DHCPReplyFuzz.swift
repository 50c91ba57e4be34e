import DHCPClient
import Foundation

/// A datagram from a rogue DHCP server, as the builtin client receives it.
enum DHCPReplyFuzz {
    static let fallbackServer = IPv4Address(198, 18, 0, 1)

    static func run(_ bytes: [UInt8]) {
        // The first byte chooses RENEW (a fallback server is known) or DISCOVER/INIT-REBOOT (none).
        let fallback = bytes.first.map { $0 & 1 == 1 } == true ? fallbackServer : nil
        // The same bit makes the fallback the only server whose ACK or NAK counts (RENEWING), as in the client.
        switch DHCPReplyInspection.inspect(bytes, fallbackServer: fallback, server: fallback) {
        case .lease(let lease):
            // The lease is recorded as JSON and its timers drive renewal: both must hold for any accepted ACK.
            precondition(lease.renewalSeconds <= lease.rebindingSeconds && lease.rebindingSeconds <= lease.leaseSeconds,
                         "lease timers out of order: T1 \(lease.renewalSeconds) T2 \(lease.rebindingSeconds) lease \(lease.leaseSeconds)")
            precondition(lease.leaseSeconds >= DHCPLease.minimumLeaseSeconds, "lease shorter than the minimum")
            precondition(fallback == nil || lease.serverIdentifier == fallback, "a RENEWING client took an ACK from another server")
            guard let json = try? JSONEncoder().encode(lease), let back = try? JSONDecoder().decode(DHCPLease.self, from: json) else {
                fatalError("an accepted lease does not survive its JSON record")
            }
            precondition(back.address == lease.address && back.router == lease.router, "the lease record changed the lease")
            _ = lease.remainingSeconds(at: lease.obtainedAt.addingTimeInterval(1))
        case .nak(let server, _):
            precondition(fallback == nil || server == fallback, "a RENEWING client obeyed a NAK from another server")
        case .undecodable, .ignored, .rejected, .offer:
            break
        }
        if let same = DHCPReplyInspection.roundTrips(bytes) {
            precondition(same, "decode(encode(decode(datagram))) differs from decode(datagram)")
        }
    }
}
