public import Foundation

/// One property-list value, typed: what an application keeps in a profile's information (eapolcfg
/// `setProfileInformation`). Every plist type has its own case, so a dictionary read from a plist is written back
/// as the same plist (an integer stays `<integer>`, a real `<real>`, data stays data, a date a date).
///
/// In a profile's JSON each value is an object with one key naming its type: `{"string": "x"}`, `{"integer": 1}`,
/// `{"real": 1.5}`, `{"bool": true}`, `{"date": "2024-05-01T12:00:00Z"}`, `{"data": "BASE64"}`, `{"array": [...]}`,
/// `{"dictionary": {...}}`. Dates keep whole seconds exactly (all an XML plist can say) and fractions to the
/// millisecond.
public indirect enum PropertyListValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case real(Double)
    case bool(Bool)
    case date(Date)
    case data([UInt8])
    case array([PropertyListValue])
    case dictionary([String: PropertyListValue])

    /// The name of the type, as in the JSON form and in plist XML (`string`, `integer`, ...).
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .real: "real"
        case .bool: "bool"
        case .date: "date"
        case .data: "data"
        case .array: "array"
        case .dictionary: "dictionary"
        }
    }

    /// How deeply arrays and dictionaries nest (a scalar is 0).
    public var depth: Int {
        switch self {
        case .array(let items): 1 + (items.map(\.depth).max() ?? 0)
        case .dictionary(let entries): 1 + (entries.values.map(\.depth).max() ?? 0)
        default: 0
        }
    }

    /// A measure of the value's size in bytes: text and data bytes, 8 per number, date or boolean, plus the keys.
    public var weight: Int {
        switch self {
        case .string(let text): text.utf8.count
        case .integer, .real, .bool, .date: 8
        case .data(let bytes): bytes.count
        case .array(let items): items.reduce(8) { $0 + $1.weight }
        case .dictionary(let entries): entries.reduce(8) { $0 + $1.key.utf8.count + $1.value.weight }
        }
    }

    /// Every text in the value (dictionary keys and strings), for checks on what may reach a terminal or an XML file.
    public var texts: [String] {
        switch self {
        case .string(let text): [text]
        case .array(let items): items.flatMap(\.texts)
        case .dictionary(let entries): entries.flatMap { [$0.key] + $0.value.texts }
        default: []
        }
    }
}

extension PropertyListValue: Codable {
    private struct TypeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a property-list value is an object with exactly one key naming its type "
                    + "(string, integer, real, bool, date, data, array, dictionary)"))
        }
        switch key.stringValue {
        case "string": self = .string(try container.decode(String.self, forKey: key))
        case "integer": self = .integer(try container.decode(Int64.self, forKey: key))
        case "real": self = .real(try container.decode(Double.self, forKey: key))
        case "bool": self = .bool(try container.decode(Bool.self, forKey: key))
        case "date":
            let text = try container.decode(String.self, forKey: key)
            guard let date = Self.parseDate(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "'\(text)' is not an ISO 8601 date")
            }
            self = .date(date)
        case "data":
            let text = try container.decode(String.self, forKey: key)
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not base64")
            }
            self = .data(Array(data))
        case "array": self = .array(try container.decode([PropertyListValue].self, forKey: key))
        case "dictionary": self = .dictionary(try container.decode([String: PropertyListValue].self, forKey: key))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "unknown property-list type '\(key.stringValue)' "
                    + "(string, integer, real, bool, date, data, array, dictionary)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        let key = TypeKey(stringValue: typeName)
        switch self {
        case .string(let text): try container.encode(text, forKey: key)
        case .integer(let number): try container.encode(number, forKey: key)
        case .real(let number): try container.encode(number, forKey: key)
        case .bool(let flag): try container.encode(flag, forKey: key)
        case .date(let date): try container.encode(Self.formatDate(date), forKey: key)
        case .data(let bytes): try container.encode(Data(bytes).base64EncodedString(), forKey: key)
        case .array(let items): try container.encode(items, forKey: key)
        case .dictionary(let entries): try container.encode(entries, forKey: key)
        }
    }

    static func formatDate(_ date: Date) -> String {
        let utc = TimeZone(identifier: "UTC")!
        let whole = date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
        return whole ? date.formatted(Date.ISO8601FormatStyle(timeZone: utc))
            : date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: utc))
    }

    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
