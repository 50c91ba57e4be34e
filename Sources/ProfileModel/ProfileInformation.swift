public import Foundation
public import StructuredErrors

/// The application ID an application keeps information in a profile under (eapolcfg `--applicationID`): a
/// reverse-DNS name such as `com.example.vpn`.
public struct ApplicationID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// eapolctl's own key in the eapolcfg export (`Information` → `org.eapolctl`): the settings eapolcfg has no key
    /// for. No application may use it.
    public static let eapolctl = "org.eapolctl"

    public let rawValue: String

    /// - Throws: `UsageError` `invalid-argument` naming the ID and the rule it breaks.
    public init(parsing text: String) throws {
        if let problem = Self.problem(text) {
            throw UsageError(.invalidArgument, "application ID '\(text)': \(problem)",
                             hint: "Give a reverse-DNS name such as com.example.app (letters, digits, '-' and '_' "
                                 + "in at least two dot-separated labels).",
                             details: ["applicationID": .string(text)])
        }
        rawValue = text
    }

    /// Why `text` is not an application ID, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        if text == eapolctl { return "'\(eapolctl)' is eapolctl's own key in the eapolcfg export" }
        guard !text.isEmpty, text.utf8.count <= 255 else { return "must be 1 to 255 bytes long" }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "is not a reverse-DNS name (no '.')" }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63 else { return "has an empty label or one over 63 bytes" }
            guard label.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
            else { return "may contain only ASCII letters, digits, '-', '_' and '.'" }
        }
        return nil
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Self.problem(text) == nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not an application ID"))
        }
        rawValue = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What applications keep in a profile (eapolcfg `setProfileInformation`): one property-list dictionary per
/// application ID, kept as typed values so it is written back exactly as it was read.
public struct ProfileInformation: Sendable, Hashable {
    /// The most one application may keep (``PropertyListValue/weight``): 64 KiB.
    public static let maximumWeight = 64 * 1024
    /// The most all applications together may keep in one profile: 256 KiB.
    public static let maximumTotalWeight = 256 * 1024
    /// How deeply one application's dictionary may nest.
    public static let maximumDepth = 16

    public private(set) var entries: [ApplicationID: [String: PropertyListValue]]

    public init(_ entries: [ApplicationID: [String: PropertyListValue]] = [:]) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }
    public var applicationIDs: [ApplicationID] { entries.keys.sorted() }

    public subscript(application: ApplicationID) -> [String: PropertyListValue]? { entries[application] }

    /// Stores `dictionary` for `application`, replacing what it had.
    /// - Throws: `UsageError` `invalid-argument` when the dictionary or the whole information breaks a limit
    ///   (``problems()``); nothing is changed then.
    public mutating func set(_ dictionary: [String: PropertyListValue], for application: ApplicationID) throws {
        var updated = self
        updated.entries[application] = dictionary
        if let problem = updated.problems().first {
            throw UsageError(.invalidArgument, "information for \(application): \(problem)",
                             hint: "Keep an application's information under 64 KiB, nested at most 16 deep, "
                                 + "with no control characters but tab and line feed in its text.",
                             details: ["applicationID": .string(application.rawValue)])
        }
        self = updated
    }

    /// Removes what `application` kept; returns false when it kept nothing.
    @discardableResult
    public mutating func remove(_ application: ApplicationID) -> Bool {
        entries.removeValue(forKey: application) != nil
    }

    /// What breaks the limits: size, nesting, and text an XML plist cannot carry unchanged (control characters
    /// other than tab and line feed; a carriage return comes back as a line feed).
    public func problems() -> [String] {
        var problems: [String] = []
        var total = 0
        for application in applicationIDs {
            let value = PropertyListValue.dictionary(entries[application]!)
            total += application.rawValue.utf8.count + value.weight
            if value.weight > Self.maximumWeight {
                problems.append("\(application): \(value.weight) bytes, over the limit of \(Self.maximumWeight)")
            }
            if value.depth > Self.maximumDepth {
                problems.append("\(application): nested \(value.depth) deep, over the limit of \(Self.maximumDepth)")
            }
            if value.texts.contains(where: { $0.unicodeScalars.contains(where: Self.isForbidden) }) {
                problems.append("\(application): a key or string contains a control character")
            }
        }
        if total > Self.maximumTotalWeight {
            problems.append("all applications together keep \(total) bytes, over the limit of \(Self.maximumTotalWeight)")
        }
        return problems
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F
            || (0xFFFE...0xFFFF).contains(scalar.value)
    }
}

extension ProfileInformation: Codable {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: [String: PropertyListValue]].self)
        var entries: [ApplicationID: [String: PropertyListValue]] = [:]
        for (key, value) in raw {
            guard ApplicationID.problem(key) == nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "'\(key)' is not an application ID"))
            }
            entries[try ApplicationID(parsing: key)] = value
        }
        self.entries = entries
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: entries.map { ($0.key.rawValue, $0.value) }))
    }
}
