import StructuredErrors
import Foundation

/// A constraint on the DNS name the RADIUS server's certificate must carry (SAN dNSName, or CN without SANs).
///
/// Text form (`init(parsing:)`, JSON): a plain `name` is a suffix match (the name itself or any subdomain:
/// `example.org` matches `example.org` and `radius.example.org`, not `badexample.org`); `=name` or `exact:name` is
/// an exact match. The JSON and `description` write exact matches as `exact:name`. Names are lowercased.
public enum ServerNameConstraint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Matches the name or any subdomain of it (wpa_supplicant `domain_suffix_match`).
    case suffix(String)
    /// Matches exactly this name (wpa_supplicant `domain_match`).
    case exact(String)

    /// Parses `name` (suffix), `=name` or `exact:name` (exact).
    /// - Throws: ``ProfileError`` `invalid-server-name` when the name is not a valid DNS name.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("=") {
            self = .exact(try Self.checkedName(String(trimmed.dropFirst()), original: text))
        } else if trimmed.lowercased().hasPrefix("exact:") {
            self = .exact(try Self.checkedName(String(trimmed.dropFirst(6)), original: text))
        } else if trimmed.lowercased().hasPrefix("suffix:") {
            self = .suffix(try Self.checkedName(String(trimmed.dropFirst(7)), original: text))
        } else {
            self = .suffix(try Self.checkedName(trimmed, original: text))
        }
    }

    /// The DNS name, without the kind of match.
    public var name: String {
        switch self {
        case .suffix(let name), .exact(let name): name
        }
    }

    /// The canonical text: `name` for suffix, `exact:name` for exact.
    public var description: String {
        switch self {
        case .suffix(let name): name
        case .exact(let name): "exact:\(name)"
        }
    }

    /// Whether a server certificate name satisfies this constraint (case-insensitive, trailing dot ignored).
    public func matches(_ serverName: String) -> Bool {
        var candidate = serverName.lowercased()
        if candidate.hasSuffix(".") { candidate.removeLast() }
        switch self {
        case .exact(let name): return candidate == name
        case .suffix(let name): return candidate == name || candidate.hasSuffix("." + name)
        }
    }

    /// Whether `text` is a syntactically valid DNS name: 1 to 253 characters, labels of 1 to 63 letters, digits,
    /// hyphens or underscores, not starting or ending with a hyphen.
    public static func isValidDNSName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-" else { return false }
            for c in label.utf8 {
                let ok = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                    || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
                if !ok { return false }
            }
        }
        return true
    }

    private static func checkedName(_ raw: String, original: String) throws -> String {
        var name = raw.lowercased()
        if name.hasSuffix("."), name.count > 1 { name.removeLast() }
        guard isValidDNSName(name) else {
            throw ProfileError(
                .invalidServerName,
                "server name '\(original)' is not a valid DNS name (letters, digits and hyphens in dot-separated labels, no wildcards)",
                details: ["serverName": .string(original)])
        }
        return name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ServerNameConstraint(parsing: text)
        } catch let error as ProfileError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
