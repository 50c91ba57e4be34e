/// Finds where a JSON text first breaks the grammar, for error messages (Foundation's decoder does not say).
///
/// Only runs after decoding failed, so it favours brevity over speed.
struct JSONSyntaxLocator {
    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The 1-based line and column of the first syntax error, or nil when the text is valid JSON.
    static func errorPosition(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var scanner = JSONSyntaxLocator(bytes)
        let ok = scanner.value() && { scanner.skipSpace(); return scanner.index == bytes.count }()
        if ok { return nil }
        var line = 1
        var column = 1
        for byte in bytes[..<min(scanner.index, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { index += 1 }
    }

    private mutating func literal(_ word: String) -> Bool {
        for expected in word.utf8 {
            guard current == expected else { return false }
            index += 1
        }
        return true
    }

    private mutating func value() -> Bool {
        skipSpace()
        switch current {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case .some(let c) where c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39): return number()
        default: return false
        }
    }

    private mutating func object() -> Bool {
        index += 1
        skipSpace()
        if current == UInt8(ascii: "}") { index += 1; return true }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\""), string() else { return false }
            skipSpace()
            guard current == UInt8(ascii: ":") else { return false }
            index += 1
            guard value() else { return false }
            skipSpace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            if current == UInt8(ascii: "}") { index += 1; return true }
            return false
        }
    }

    private mutating func array() -> Bool {
        index += 1
        skipSpace()
        if current == UInt8(ascii: "]") { index += 1; return true }
        while true {
            guard value() else { return false }
            skipSpace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            if current == UInt8(ascii: "]") { index += 1; return true }
            return false
        }
    }

    private mutating func string() -> Bool {
        index += 1
        while let c = current {
            if c == UInt8(ascii: "\"") { index += 1; return true }
            if c < 0x20 { return false }
            if c == UInt8(ascii: "\\") { index += 1; guard current != nil else { return false } }
            index += 1
        }
        return false
    }

    private mutating func number() -> Bool {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        while let c = current, (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e")
            || c == UInt8(ascii: "E") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            index += 1
        }
        return index > start + (bytes[start] == UInt8(ascii: "-") ? 1 : 0)
    }
}
