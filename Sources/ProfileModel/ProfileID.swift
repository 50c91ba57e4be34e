public import Foundation

/// The stable identity of a profile: a UUID, written as its uppercase string form.
public struct ProfileID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The underlying UUID.
    public let uuid: UUID

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses a UUID string (either case); returns nil when the text is not a UUID.
    public init?(string: String) {
        guard let uuid = UUID(uuidString: string.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.uuid = uuid
    }

    /// Makes a new random ID.
    public static func new() -> ProfileID { ProfileID(UUID()) }

    /// The uppercase UUID string, e.g. `3F2504E0-4F89-11D3-9A0C-0305E82C3301`.
    public var description: String { uuid.uuidString.uppercased() }

    public static func < (lhs: ProfileID, rhs: ProfileID) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ProfileID(string: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a UUID")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
