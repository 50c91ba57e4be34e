/// Why a datagram is not a usable DHCP message.
enum DHCPDecodeError: Error, Equatable {
    case tooShort(Int)
    case badCookie
    case badHardwareLength(UInt8)
    case truncatedOption(code: UInt8)
}

extension DHCPMessage {
    /// Encodes the message; options are written in order, long values split into 255-byte pieces, then END,
    /// padded to the BOOTP minimum of 300 bytes.
    func encode() -> [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(548)
        b += [op, htype, hlen, hops]
        b += Self.be32(xid)
        b += [UInt8(secs >> 8), UInt8(secs & 0xFF), UInt8(flags >> 8), UInt8(flags & 0xFF)]
        for a in [ciaddr, yiaddr, siaddr, giaddr] { b += a.octets }
        var ch = Array(chaddr.prefix(16))
        ch += Array(repeating: 0, count: 16 - ch.count)
        b += ch
        b += Array(repeating: 0, count: 64 + 128)  // sname, file
        b += Self.magicCookie
        for (code, data) in options where code != DHCPOptionCode.pad && code != DHCPOptionCode.end {
            var rest = data[...]
            repeat {
                let piece = rest.prefix(255)
                b += [code, UInt8(piece.count)]
                b += piece
                rest = rest.dropFirst(piece.count)
            } while !rest.isEmpty
        }
        b.append(DHCPOptionCode.end)
        if b.count < 300 { b += Array(repeating: 0, count: 300 - b.count) }
        return b
    }

    /// Decodes a datagram. Never traps: every length is checked against the buffer.
    /// - Throws: `DHCPDecodeError` for a datagram that is not a DHCP message.
    static func decode(_ bytes: [UInt8]) throws -> DHCPMessage {
        guard bytes.count >= headerSize else { throw DHCPDecodeError.tooShort(bytes.count) }
        guard Array(bytes[236 ..< 240]) == magicCookie else { throw DHCPDecodeError.badCookie }
        var m = DHCPMessage()
        m.op = bytes[0]
        m.htype = bytes[1]
        m.hlen = bytes[2]
        guard m.hlen <= 16 else { throw DHCPDecodeError.badHardwareLength(m.hlen) }
        m.hops = bytes[3]
        m.xid = be32(bytes, 4)
        m.secs = UInt16(bytes[8]) << 8 | UInt16(bytes[9])
        m.flags = UInt16(bytes[10]) << 8 | UInt16(bytes[11])
        m.ciaddr = IPv4Address(be32(bytes, 12))
        m.yiaddr = IPv4Address(be32(bytes, 16))
        m.siaddr = IPv4Address(be32(bytes, 20))
        m.giaddr = IPv4Address(be32(bytes, 24))
        m.chaddr = Array(bytes[28 ..< 44])
        var collected: [(code: UInt8, data: [UInt8])] = []
        let overload = try parseOptions(bytes[240...], into: &collected)
        // Option 52 (RFC 2132 §9.3): options continue in `file` (1), `sname` (2) or both (3).
        if let o = overload {
            if o & 1 != 0 { _ = try parseOptions(bytes[108 ..< 236], into: &collected) }
            if o & 2 != 0 { _ = try parseOptions(bytes[44 ..< 108], into: &collected) }
        }
        m.options = collected
        return m
    }

    /// Parses one option area, concatenating repeated codes; returns the overload value if option 52 was seen.
    private static func parseOptions(_ area: ArraySlice<UInt8>, into out: inout [(code: UInt8, data: [UInt8])]) throws -> UInt8? {
        var i = area.startIndex
        var overload: UInt8?
        while i < area.endIndex {
            let code = area[i]
            if code == DHCPOptionCode.end { break }
            if code == DHCPOptionCode.pad { i += 1; continue }
            guard i + 1 < area.endIndex else { throw DHCPDecodeError.truncatedOption(code: code) }
            let len = Int(area[i + 1])
            guard i + 2 + len <= area.endIndex else { throw DHCPDecodeError.truncatedOption(code: code) }
            let data = Array(area[(i + 2) ..< (i + 2 + len)])
            if code == DHCPOptionCode.overload, len == 1 { overload = data[0] }
            if let k = out.firstIndex(where: { $0.code == code }) {
                out[k].data += data
            } else {
                out.append((code, data))
            }
            i += 2 + len
        }
        return overload
    }

    private static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    private static func be32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }
}
