/// One BOOTP/DHCP message (RFC 2131 §2), with its options in wire order.
struct DHCPMessage: Sendable, Equatable {
    static let magicCookie: [UInt8] = [99, 130, 83, 99]
    /// Size of the fixed header including the magic cookie.
    static let headerSize = 240
    static let broadcastFlag: UInt16 = 0x8000

    var op: UInt8 = 1
    var htype: UInt8 = 1
    var hlen: UInt8 = 6
    var hops: UInt8 = 0
    var xid: UInt32 = 0
    var secs: UInt16 = 0
    var flags: UInt16 = 0
    var ciaddr: IPv4Address = .any
    var yiaddr: IPv4Address = .any
    var siaddr: IPv4Address = .any
    var giaddr: IPv4Address = .any
    /// Client hardware address, always 16 bytes on the wire (the first `hlen` are meaningful).
    var chaddr: [UInt8] = Array(repeating: 0, count: 16)
    /// Options as (code, data), pad and end excluded; repeated codes are concatenated on decode (RFC 3396).
    var options: [(code: UInt8, data: [UInt8])] = []

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.op == rhs.op && lhs.htype == rhs.htype && lhs.hlen == rhs.hlen && lhs.hops == rhs.hops
            && lhs.xid == rhs.xid && lhs.secs == rhs.secs && lhs.flags == rhs.flags && lhs.ciaddr == rhs.ciaddr
            && lhs.yiaddr == rhs.yiaddr && lhs.siaddr == rhs.siaddr && lhs.giaddr == rhs.giaddr
            && lhs.chaddr == rhs.chaddr && lhs.options.elementsEqual(rhs.options, by: { $0.code == $1.code && $0.data == $1.data })
    }

    /// The data of option `code`, or nil.
    func option(_ code: UInt8) -> [UInt8]? { options.first { $0.code == code }?.data }

    /// Adds or replaces option `code`.
    mutating func setOption(_ code: UInt8, _ data: [UInt8]) {
        options.removeAll { $0.code == code }
        options.append((code, data))
    }

    /// Option 53, if present and known.
    var messageType: DHCPMessageType? {
        guard let d = option(DHCPOptionCode.messageType), d.count == 1 else { return nil }
        return DHCPMessageType(rawValue: d[0])
    }

    func address(_ code: UInt8) -> IPv4Address? {
        guard let d = option(code), d.count >= 4 else { return nil }
        return IPv4Address(bytes: d.prefix(4))
    }

    func addresses(_ code: UInt8) -> [IPv4Address] {
        guard let d = option(code), d.count >= 4, d.count % 4 == 0 else { return [] }
        return stride(from: 0, to: d.count, by: 4).compactMap { IPv4Address(bytes: d[$0 ..< $0 + 4]) }
    }

    func uint32(_ code: UInt8) -> UInt32? {
        guard let d = option(code), d.count == 4 else { return nil }
        return d.reduce(0) { $0 << 8 | UInt32($1) }
    }

    func string(_ code: UInt8) -> String? {
        guard let d = option(code) else { return nil }
        let trimmed = d.prefix { $0 != 0 }
        return String(decoding: trimmed, as: UTF8.self)
    }
}
