public import Foundation
public import ProfileModel
import StructuredErrors

/// Converts between Foundation's property-list objects and typed ``PropertyListValue``s, and reads and writes the
/// information dictionaries of eapolcfg `setProfileInformation` / `getProfileInformation`.
public enum PropertyListBridge {
    /// The largest information file read (eapolcfg `--information`): 1 MiB; what is kept is limited further by
    /// ``ProfileInformation/maximumWeight``.
    public static let maximumFileSize = 1024 * 1024

    /// Parses a plist file whose top level is a dictionary (XML or binary).
    /// - Throws: `UsageError` for a file over ``maximumFileSize``; `ImportError` naming the file (not a plist, not a dictionary, a value of no plist type, an
    ///   integer beyond 64 bits).
    public static func dictionary(from bytes: [UInt8], source: String) throws -> [String: PropertyListValue] {
        guard bytes.count <= maximumFileSize else {
            throw UsageError(.invalidArgument, "\(source): \(bytes.count) bytes, over the limit of \(maximumFileSize) for an information file",
                             hint: "An application's information is limited to 64 KiB; keep bulk data elsewhere.",
                             details: ["file": .string(source)])
        }
        let root = try PlistSupport.dictionary(bytes, source: source)
        return try dictionary(root, field: "", source: source)
    }

    /// Writes a dictionary as an XML plist (what eapolcfg `getProfileInformation` prints).
    public static func xml(_ dictionary: [String: PropertyListValue]) throws -> String {
        let data = try PropertyListSerialization.data(fromPropertyList: foundationObject(.dictionary(dictionary)),
                                                      format: .xml, options: 0)
        return String(decoding: data, as: UTF8.self)
    }

    static func dictionary(_ object: [String: Any], field: String, source: String) throws -> [String: PropertyListValue] {
        var result: [String: PropertyListValue] = [:]
        for (key, value) in object {
            result[key] = try self.value(value, field: field.isEmpty ? key : "\(field).\(key)", source: source)
        }
        return result
    }

    static func value(_ object: Any, field: String, source: String) throws -> PropertyListValue {
        switch object {
        case let text as String: return .string(text)
        case let data as Data: return .data(Array(data))
        case let date as Date: return .date(date)
        case let array as [Any]:
            return .array(try array.enumerated().map { try value($0.element, field: "\(field)[\($0.offset)]", source: source) })
        case let dict as [String: Any]: return .dictionary(try dictionary(dict, field: field, source: source))
        default: break
        }
        // Foundation gives booleans as Bool and numbers as NSNumber, but `is Bool` is also true for the NSNumber 1:
        // the number's own type code tells a boolean ('c', 'B'), a real ('d', 'f') and an integer apart.
        if type(of: object) == Bool.self, let flag = object as? Bool { return .bool(flag) }
        if let number = object as? NSNumber {
            switch String(cString: number.objCType) {
            case "c", "B": return .bool(number.boolValue)
            case "d", "f": return .real(number.doubleValue)
            case "Q", "L", "I", "S", "C":
                guard number.uint64Value <= UInt64(Int64.max) else {
                    throw ImportError(.unexpectedElement, "\(source): key '\(field)' holds an integer beyond 64-bit signed",
                                      details: ["file": .string(source), "field": .string(field)])
                }
                return .integer(Int64(number.uint64Value))
            default: return .integer(number.int64Value)
            }
        }
        throw ImportError(.unexpectedElement, "\(source): key '\(field)' holds a value of no property-list type",
                          details: ["file": .string(source), "field": .string(field)])
    }

    static func foundationObject(_ value: PropertyListValue) -> Any {
        switch value {
        case .string(let text): text
        case .integer(let number): NSNumber(value: number)
        case .real(let number): NSNumber(value: number)
        case .bool(let flag): flag
        case .date(let date): date
        case .data(let bytes): Data(bytes)
        case .array(let items): items.map(foundationObject)
        case .dictionary(let entries): entries.mapValues(foundationObject)
        }
    }
}
