import StructuredErrors
import Foundation

/// A TLS protocol version bound, written "1.0" ... "1.3" as eapolcfg's `TLSMinimumVersion` does.
public enum TLSVersion: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case tls1_0 = "1.0"
    case tls1_1 = "1.1"
    case tls1_2 = "1.2"
    case tls1_3 = "1.3"

    /// Parses "1.2", "TLS1.2", "tlsv1.2" or "TLSv1_2" forms.
    /// - Throws: ``ProfileError`` `invalid-tls-version` for anything else.
    public init(parsing text: String) throws {
        var key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: ".")
        for prefix in ["tlsv", "tls"] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
            break
        }
        guard let value = TLSVersion(rawValue: key) else {
            throw ProfileError(.invalidTLSVersion, "unknown TLS version '\(text)'; accepted: 1.0, 1.1, 1.2, 1.3",
                               details: ["tlsVersion": .string(text)])
        }
        self = value
    }

    /// True for TLS 1.0 and 1.1, deprecated by RFC 8996.
    public var isLegacy: Bool { self < .tls1_2 }

    private var order: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: TLSVersion, rhs: TLSVersion) -> Bool { lhs.order < rhs.order }

    public var description: String { "TLS \(rawValue)" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = TLSVersion(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown TLS version '\(text)'; accepted: 1.0, 1.1, 1.2, 1.3")
        }
        self = value
    }
}
