import Foundation
import Testing
@testable import DHCPClient

/// Which DHCPNAKs may reset the client (RFC 2131 §4.4), as the pure filter and the fuzz harness's inspection see it.
@Suite("NAK filter")
struct DHCPNakFilterTests {
    static let server = IPv4Address(198, 18, 0, 1)
    static let rogue = IPv4Address(198, 18, 0, 66)

    static func nak(from server: IPv4Address?) -> DHCPMessage {
        var m = DHCPMessage()
        m.op = 2
        m.xid = 0x1234_5678
        m.setOption(DHCPOptionCode.messageType, [DHCPMessageType.nak.rawValue])
        if let server { m.setOption(DHCPOptionCode.serverIdentifier, server.octets) }
        m.setOption(DHCPOptionCode.message, Array("go away".utf8))
        return m
    }

    @Test("REQUESTING/RENEWING: only the expected server's NAK counts; another server's or one without option 54 is ignored")
    func expectedServerOnly() {
        #expect(DHCPReplyFilter.checkNak(Self.nak(from: Self.server), expectedServer: Self.server) == nil)
        #expect(DHCPReplyFilter.checkNak(Self.nak(from: Self.rogue), expectedServer: Self.server)
                == .nakFromOtherServer(Self.rogue, expected: Self.server))
        #expect(DHCPReplyFilter.checkNak(Self.nak(from: nil), expectedServer: Self.server)
                == .nakWithoutServerIdentifier(expected: Self.server))
        #expect(DHCPReplyRejection.nakFromOtherServer(Self.rogue, expected: Self.server).code == "nak-other-server")
        #expect(DHCPReplyRejection.nakWithoutServerIdentifier(expected: Self.server).code == "nak-missing-server-identifier")
    }

    @Test("INIT-REBOOT/REBINDING (no expected server): any NAK counts, with or without option 54")
    func anyServerWhenNoneExpected() {
        #expect(DHCPReplyFilter.checkNak(Self.nak(from: Self.rogue), expectedServer: nil) == nil)
        #expect(DHCPReplyFilter.checkNak(Self.nak(from: nil), expectedServer: nil) == nil)
    }

    @Test("REQUESTING/RENEWING: an ACK naming another server is not taken; one without option 54 is left to the usual checks; with no expected server any ACK passes this check")
    func acks() {
        func ack(from server: IPv4Address?) -> DHCPMessage {
            var m = Self.nak(from: server)
            m.setOption(DHCPOptionCode.messageType, [DHCPMessageType.ack.rawValue])
            return m
        }
        #expect(DHCPReplyFilter.checkAck(ack(from: Self.server), expectedServer: Self.server) == nil)
        #expect(DHCPReplyFilter.checkAck(ack(from: Self.rogue), expectedServer: Self.server)
                == .ackFromOtherServer(Self.rogue, expected: Self.server))
        #expect(DHCPReplyFilter.checkAck(ack(from: nil), expectedServer: Self.server) == nil)
        #expect(DHCPReplyFilter.checkAck(ack(from: Self.rogue), expectedServer: nil) == nil)
        #expect(DHCPReplyRejection.ackFromOtherServer(Self.rogue, expected: Self.server).code == "ack-other-server")
        #expect(DHCPReplyInspection.inspect(ack(from: Self.rogue).encode(), server: Self.server) == .rejected("ack-other-server"))
    }

    @Test("the inspection used by the fuzz harness applies the same rule")
    func inspection() {
        let rogueBytes = Self.nak(from: Self.rogue).encode()
        #expect(DHCPReplyInspection.inspect(rogueBytes, server: Self.server) == .rejected("nak-other-server"))
        #expect(DHCPReplyInspection.inspect(rogueBytes) == .nak(server: Self.rogue, message: "go away"))
        #expect(DHCPReplyInspection.inspect(Self.nak(from: Self.server).encode(), server: Self.server)
                == .nak(server: Self.server, message: "go away"))
    }
}
