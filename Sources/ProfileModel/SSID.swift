import StructuredErrors
/// A Wi-Fi network name: 1 to 32 arbitrary bytes, usually (but not necessarily) UTF-8 text.
///
/// The text form is unambiguous: `displayText` (and the JSON encoding) is the UTF-8 text when the bytes are valid,
/// printable UTF-8 that does not itself start with `hex:`, and `hex:` followed by uppercase hex digits otherwise.
/// `init(parsing:)` reads that form back, so `SSID(parsing: s.displayText) == s` always holds.
public struct SSID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The raw SSID bytes (1...32).
    public let bytes: [UInt8]

    /// The longest SSID 802.11 allows, in bytes.
    public static let maximumLength = 32

    /// The prefix that marks the hex form.
    public static let hexPrefix = "hex:"

    /// Wraps raw bytes.
    /// - Throws: ``ProfileError`` `invalid-ssid` when there are no bytes or more than 32.
    public init(bytes: [UInt8]) throws {
        guard !bytes.isEmpty, bytes.count <= Self.maximumLength else {
            throw ProfileError(.invalidSSID, "an SSID must be 1 to \(Self.maximumLength) bytes long, got \(bytes.count)",
                               details: ["length": .int(bytes.count)])
        }
        self.bytes = bytes
    }

    /// Parses an SSID given as UTF-8 text or as `hex:4142...` (hex digits in either case).
    /// - Throws: ``ProfileError`` `invalid-ssid` for empty or too long SSIDs and malformed hex.
    public init(parsing text: String) throws {
        if text.hasPrefix(Self.hexPrefix) {
            let digits = Array(text.utf8.dropFirst(Self.hexPrefix.utf8.count))
            guard let decoded = Self.decodeHex(digits), !decoded.isEmpty else {
                throw ProfileError(.invalidSSID, "'\(text)' is not a valid hex SSID: give an even number of hex digits after hex:",
                                   details: ["ssid": .string(text)])
            }
            try self.init(bytes: decoded)
        } else {
            do {
                try self.init(bytes: Array(text.utf8))
            } catch let error as ProfileError {
                throw ProfileError(.invalidSSID, "SSID '\(text)': \(error.message)", details: ["ssid": .string(text)])
            }
        }
    }

    /// The UTF-8 text when the bytes are printable UTF-8 not starting with `hex:`, else `hex:` and uppercase hex.
    public var displayText: String {
        if let text = printableText, !text.hasPrefix(Self.hexPrefix) { return text }
        return hexText
    }

    /// The `hex:` form, whatever the bytes are.
    public var hexText: String {
        Self.hexPrefix + bytes.map { byte in
            let digits = Array("0123456789ABCDEF")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    /// The bytes as text when they are valid UTF-8 with no control or invisible format characters, else nil.
    public var printableText: String? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
                return nil
            default:
                continue
            }
        }
        return text
    }

    public var description: String { displayText }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch let error as ProfileError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(displayText)
    }

    private static func decodeHex(_ digits: [UInt8]) -> [UInt8]? {
        guard digits.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}
