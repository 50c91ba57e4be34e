import Foundation
import Testing
import TestSupport
@testable import DHCPClient

@Suite("DHCP packet codec")
struct DHCPMessageCodecTests {
    static let mac: [UInt8] = [0x02, 0x11, 0x22, 0x33, 0x44, 0x55]

    func sampleAck() -> DHCPMessage {
        var m = DHCPMessage()
        m.op = 2
        m.xid = 0xDEAD_BEEF
        m.flags = DHCPMessage.broadcastFlag
        m.yiaddr = IPv4Address(198, 18, 0, 123)
        m.siaddr = IPv4Address(198, 18, 0, 1)
        m.chaddr = Self.mac + Array(repeating: 0, count: 10)
        m.setOption(DHCPOptionCode.messageType, [DHCPMessageType.ack.rawValue])
        m.setOption(DHCPOptionCode.serverIdentifier, [198, 18, 0, 1])
        m.setOption(DHCPOptionCode.leaseTime, [0, 0, 0x0E, 0x10])  // 3600
        m.setOption(DHCPOptionCode.subnetMask, [255, 255, 255, 0])
        m.setOption(DHCPOptionCode.router, [198, 18, 0, 1, 198, 18, 0, 2])
        m.setOption(DHCPOptionCode.dnsServers, [198, 18, 0, 53])
        m.setOption(DHCPOptionCode.domainName, Array("test.example".utf8))
        return m
    }

    @Test("encode then decode gives the same message, fixed fields at their RFC 2131 offsets")
    func roundTrip() throws {
        let m = sampleAck()
        let bytes = m.encode()
        #expect(bytes.count >= 300)
        #expect(bytes[0] == 2)
        #expect(Array(bytes[4 ..< 8]) == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(Array(bytes[10 ..< 12]) == [0x80, 0x00])
        #expect(Array(bytes[16 ..< 20]) == [198, 18, 0, 123])
        #expect(Array(bytes[28 ..< 34]) == Self.mac)
        #expect(Array(bytes[236 ..< 240]) == DHCPMessage.magicCookie)
        #expect(Array(bytes[240 ..< 243]) == [53, 1, 5])
        let d = try DHCPMessage.decode(bytes)
        #expect(d == m)
        #expect(d.messageType == .ack)
        #expect(d.uint32(DHCPOptionCode.leaseTime) == 3600)
        #expect(d.addresses(DHCPOptionCode.router) == [IPv4Address(198, 18, 0, 1), IPv4Address(198, 18, 0, 2)])
        #expect(d.string(DHCPOptionCode.domainName) == "test.example")
    }

    @Test("options longer than 255 bytes are split on encode and concatenated on decode (RFC 3396)")
    func longOptions() throws {
        var m = sampleAck()
        let long = (0 ..< 600).map { UInt8($0 % 251) }
        m.setOption(121, long)
        let d = try DHCPMessage.decode(m.encode())
        #expect(d.option(121) == long)
    }

    @Test("option overload (52) continues options in the file and sname fields")
    func overload() throws {
        var m = DHCPMessage()
        m.op = 2
        m.setOption(DHCPOptionCode.messageType, [DHCPMessageType.offer.rawValue])
        var bytes = m.encode()
        // Replace END (after the 3 bytes of option 53) with option 52 = 3, then END; options go on in
        // `file` (option 66) and `sname` (option 12).
        #expect(bytes[243] == 255)
        bytes.replaceSubrange(243 ..< 244, with: [52, 1, 3, 255])
        let file: [UInt8] = [66, 3, 0x61, 0x62, 0x63, 255]
        bytes.replaceSubrange(108 ..< 108 + file.count, with: file)
        let sname: [UInt8] = [12, 2, 0x68, 0x69, 255]
        bytes.replaceSubrange(44 ..< 44 + sname.count, with: sname)
        let d = try DHCPMessage.decode(bytes)
        #expect(d.option(66) == Array("abc".utf8))
        #expect(d.string(12) == "hi")
    }

    @Test("malformed datagrams are rejected with the right reason")
    func malformed() {
        let good = sampleAck().encode()
        #expect(throws: DHCPDecodeError.tooShort(100)) { try DHCPMessage.decode(Array(good.prefix(100))) }
        var cookie = good
        cookie[236] = 0
        #expect(throws: DHCPDecodeError.badCookie) { try DHCPMessage.decode(cookie) }
        var hlen = good
        hlen[2] = 17
        #expect(throws: DHCPDecodeError.badHardwareLength(17)) { try DHCPMessage.decode(hlen) }
        let truncated = Array(good.prefix(240)) + [51, 4, 0, 0]
        #expect(throws: DHCPDecodeError.truncatedOption(code: 51)) { try DHCPMessage.decode(truncated) }
    }

    @Test("fuzz: 20 000 seeded random and mutated datagrams never crash the decoder")
    func fuzz() {
        var rng = SplitMix64(seed: 0x0D4C_9001)
        let base = sampleAck().encode()
        var decoded = 0
        for i in 0 ..< 20_000 {
            var bytes: [UInt8]
            if i % 2 == 0 {
                let n = Int.random(in: 0 ... 700, using: &rng)
                bytes = (0 ..< n).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }
                if n >= 240 && i % 4 == 0 { bytes.replaceSubrange(236 ..< 240, with: DHCPMessage.magicCookie) }
            } else {
                bytes = base
                for _ in 0 ..< Int.random(in: 1 ... 12, using: &rng) {
                    bytes[Int.random(in: 240 ..< bytes.count, using: &rng)] = UInt8.random(in: 0 ... 255, using: &rng)
                }
                if i % 3 == 0 { bytes = Array(bytes.prefix(Int.random(in: 0 ... bytes.count, using: &rng))) }
            }
            if let m = try? DHCPMessage.decode(bytes) {
                decoded += 1
                // Whatever decodes must re-encode and decode again.
                _ = m.messageType
                _ = m.addresses(DHCPOptionCode.router)
                #expect((try? DHCPMessage.decode(m.encode())) != nil)
            }
        }
        #expect(decoded > 1000)  // mutated valid packets mostly still decode: the fuzzer reaches the option parser
    }

    @Test("IPv4 address parsing, formatting and netmask prefix lengths")
    func addresses() throws {
        #expect(IPv4Address("198.18.0.1") == IPv4Address(198, 18, 0, 1))
        #expect(IPv4Address("198.18.0.1")?.description == "198.18.0.1")
        for bad in ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "a.b.c.d", "1..2.3", "+1.2.3.4"] { #expect(IPv4Address(bad) == nil) }
        #expect(IPv4Address(255, 255, 255, 0).netmaskPrefixLength == 24)
        #expect(IPv4Address(255, 255, 255, 255).netmaskPrefixLength == 32)
        #expect(IPv4Address(255, 255, 0, 255).netmaskPrefixLength == nil)
        #expect(IPv4Address(255, 128, 0, 0).netmaskPrefixLength == 9)
        let json = try JSONEncoder().encode([IPv4Address(198, 18, 0, 7)])
        #expect(String(decoding: json, as: UTF8.self) == "[\"198.18.0.7\"]")
    }
}
