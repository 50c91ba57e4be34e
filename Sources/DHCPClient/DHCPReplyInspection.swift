package import Foundation

/// What the builtin client makes of one received datagram, without a socket: the same decode, reply screening
/// (`DHCPReplyFilter`) and lease construction a `DHCPSession` runs. Package-visible for the fuzz harness
/// (Sources/eapolctl-fuzz), which feeds it hostile datagrams; the transaction ID and hardware address checks of
/// `DHCPSession.matches` are left out (a fuzzer cannot guess them, and they read only fixed header fields).
package enum DHCPReplyInspection {
    /// The fate of one datagram.
    package enum Outcome: Sendable, Equatable {
        /// Not a DHCP message (`DHCPMessage.decode` threw).
        case undecodable
        /// A message, but not a reply (BOOTREQUEST) or of a type the client ignores.
        case ignored
        /// A DHCPNAK, with its server identifier and message (text from the server).
        case nak(server: IPv4Address?, message: String?)
        /// An OFFER, ACK or NAK that `DHCPReplyFilter` refused; the stable reason code.
        case rejected(String)
        /// An OFFER that passed the filter.
        case offer(IPv4Address)
        /// An ACK that passed the filter, and the lease it gives.
        case lease(DHCPLease)
    }

    /// Runs `datagram` through decode, the reply filter and (for an ACK) lease construction.
    /// - Parameters:
    ///   - fallbackServer: the server a RENEW went to (used when an ACK lacks option 54).
    ///   - server: the server whose ACK or NAK alone counts (REQUESTING, RENEWING); nil: any server's (INIT-REBOOT,
    ///     REBINDING).
    ///   - sentAt: when the REQUEST went out (lease times count from there).
    package static func inspect(_ datagram: [UInt8], fallbackServer: IPv4Address? = nil, server: IPv4Address? = nil,
                                sentAt: Date = Date(timeIntervalSince1970: 1_800_000_000)) -> Outcome {
        guard let reply = try? DHCPMessage.decode(datagram) else { return .undecodable }
        guard reply.op == 2 else { return .ignored }
        switch reply.messageType {
        case .nak?:
            if let reason = DHCPReplyFilter.checkNak(reply, expectedServer: server) { return .rejected(reason.code) }
            return .nak(server: reply.address(DHCPOptionCode.serverIdentifier), message: reply.string(DHCPOptionCode.message))
        case .offer?, .ack?:
            let isAck = reply.messageType == .ack
            if isAck, let reason = DHCPReplyFilter.checkAck(reply, expectedServer: server) { return .rejected(reason.code) }
            switch DHCPReplyFilter.check(reply, isAck: isAck, fallbackServer: fallbackServer) {
            case .failure(let reason):
                return .rejected(reason.code)
            case .success(let accepted) where !isAck:
                return .offer(accepted.address)
            case .success(let accepted):
                return .lease(DHCPLease(ack: reply, accepted: accepted, interface: "fuzz0",
                                        hardwareAddress: "02:00:00:00:00:01", obtainedAt: sentAt))
            }
        default:
            return .ignored
        }
    }

    /// Whether decoding, encoding and decoding again gives the same message (nil: `datagram` does not decode).
    /// The client encodes only its own requests, but a codec that does not round-trip misreads something.
    package static func roundTrips(_ datagram: [UInt8]) -> Bool? {
        guard let message = try? DHCPMessage.decode(datagram) else { return nil }
        return (try? DHCPMessage.decode(message.encode())) == message
    }
}
