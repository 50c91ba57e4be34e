import Foundation
@testable import DHCPClient

/// A scripted DHCP server for states dnsmasq cannot be made to reach: it runs in the server namespace on a
/// dedicated thread, OFFERs 198.18.0.150, .151, … (one per DISCOVER), NAKs the first `nakRequests` REQUESTs and
/// ACKs the others with a 120 s lease. It records every message it received.
enum FakeDHCPServer {
    static let serverAddress = IPv4Address(198, 18, 0, 1)

    /// Serves on `interface` inside `networkNamespace` until `duration` has passed or `stopAfterAck` is met.
    /// - Returns: the messages received, in order.
    static func serve(networkNamespace: String, interface: String, nakRequests: Int, duration: Duration,
                      stopAfterAck: Bool = true) async throws -> [DHCPMessage] {
        try await DedicatedThread.run(name: "fake-dhcp-server", networkNamespace: networkNamespace) { flag in
            let socket = try DHCPSocket(interface: interface, localPort: DHCPSocket.serverPort, remotePort: DHCPSocket.clientPort)
            let deadline = ContinuousClock.now + duration
            var received: [DHCPMessage] = []
            var offers = 0, requests = 0
            while let datagram = try socket.receive(until: deadline, flag: flag) {
                guard let m = try? DHCPMessage.decode(datagram), m.op == 1, let type = m.messageType else { continue }
                received.append(m)
                var reply = DHCPMessage()
                reply.op = 2
                reply.xid = m.xid
                reply.hlen = m.hlen
                reply.flags = m.flags
                reply.chaddr = m.chaddr
                reply.setOption(DHCPOptionCode.serverIdentifier, serverAddress.octets)
                switch type {
                case .discover:
                    reply.yiaddr = IPv4Address(198, 18, 0, UInt8(150 + offers))
                    offers += 1
                    reply.setOption(DHCPOptionCode.messageType, [DHCPMessageType.offer.rawValue])
                    addLeaseOptions(&reply)
                case .request:
                    requests += 1
                    if requests <= nakRequests {
                        reply.setOption(DHCPOptionCode.messageType, [DHCPMessageType.nak.rawValue])
                        reply.setOption(DHCPOptionCode.message, Array("address taken (scripted NAK \(requests))".utf8))
                    } else {
                        reply.yiaddr = m.address(DHCPOptionCode.requestedAddress) ?? m.ciaddr
                        reply.setOption(DHCPOptionCode.messageType, [DHCPMessageType.ack.rawValue])
                        addLeaseOptions(&reply)
                    }
                default:
                    continue
                }
                try socket.send(reply.encode(), to: .broadcast)
                if stopAfterAck, reply.messageType == .ack { break }
            }
            return received
        }
    }

    private static func addLeaseOptions(_ m: inout DHCPMessage) {
        m.setOption(DHCPOptionCode.subnetMask, [255, 255, 255, 0])
        m.setOption(DHCPOptionCode.router, serverAddress.octets)
        m.setOption(DHCPOptionCode.leaseTime, [0, 0, 0, 120])
    }
}
