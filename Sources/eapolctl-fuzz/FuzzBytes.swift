/// Reads structured choices out of fuzzer bytes; past the end every read gives zero / empty, so any input decodes.
struct FuzzBytes {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func uint32() -> UInt32 { (0..<4).reduce(0) { acc, _ in acc << 8 | UInt32(byte()) } }

    mutating func uint64() -> UInt64 { UInt64(uint32()) << 32 | UInt64(uint32()) }

    /// Up to `limit` bytes, length first.
    mutating func data(limit: Int = 255) -> [UInt8] {
        let count = min(Int(byte()), limit, bytes.count - min(index, bytes.count))
        defer { index += count }
        return Array(bytes[index..<(index + count)])
    }

    /// A string: one of `vocabulary` (the names the code compares against), or raw bytes as UTF-8 text.
    mutating func string(_ vocabulary: [String]) -> String {
        let choice = Int(byte())
        if choice < vocabulary.count * 2 { return vocabulary[choice % vocabulary.count] }
        return String(decoding: data(), as: UTF8.self)
    }
}
