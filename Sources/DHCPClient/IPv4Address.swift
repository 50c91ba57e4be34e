/// An IPv4 address held in host byte order; encodes to and from JSON as dotted-quad text.
public struct IPv4Address: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The address as a 32-bit number in host byte order (198.18.0.1 is 0xC6120001).
    public let value: UInt32

    /// The unspecified address 0.0.0.0.
    public static let any = IPv4Address(0)
    /// The limited broadcast address 255.255.255.255.
    public static let broadcast = IPv4Address(0xFFFF_FFFF)

    /// Creates an address from its host-byte-order value.
    public init(_ value: UInt32) { self.value = value }

    /// Creates an address from four octets, most significant first.
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses dotted-quad text such as `198.18.0.1`; returns nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0 >= "0" && $0 <= "9" }), let octet = UInt8(p) else { return nil }
            v = v << 8 | UInt32(octet)
        }
        value = v
    }

    /// Creates an address from four network-order bytes; nil unless exactly four bytes are given.
    init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 4 else { return nil }
        value = bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The four octets, most significant first (network order).
    public var octets: [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    public var description: String { octets.map(String.init).joined(separator: ".") }

    /// The prefix length of a contiguous netmask (255.255.255.0 → 24); nil if the mask is not contiguous.
    public var netmaskPrefixLength: Int? {
        let ones = value.leadingZeroBitCount == 0 ? (~value).leadingZeroBitCount : 0
        let bits = value.nonzeroBitCount
        if value == 0 { return 0 }
        return ones == bits ? bits : nil
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let a = IPv4Address(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an IPv4 address: \(text)")
        }
        self = a
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
