import Foundation
import ProfileModel
import StructuredErrors

/// Typed access to property-list values with errors naming the key.
enum PlistSupport {
    static func dictionary(_ bytes: [UInt8], source: String) throws -> [String: Any] {
        if BinaryPlistCheck.isBinary(bytes) { try BinaryPlistCheck.validate(bytes, source: source) }
        let value: Any
        do {
            value = try PropertyListSerialization.propertyList(from: Data(bytes), options: [], format: nil)
        } catch {
            let text = String(decoding: bytes.prefix(100_000), as: UTF8.self)
            var details: [String: ErrorDetail] = ["file": .string(source)]
            var position = ""
            if let line = lineNumber(in: "\(error)") {
                details["line"] = .int(line)
                position = " at line \(line)"
            } else if text.contains("<?xml") || text.contains("<plist"), let xmlError = xmlPosition(bytes, source: source) {
                details["line"] = .int(xmlError.0)
                details["column"] = .int(xmlError.1)
                position = " at line \(xmlError.0), column \(xmlError.1)"
            }
            throw ImportError(.malformedFile, "\(source): not a valid property list\(position)", details: details)
        }
        guard let dict = value as? [String: Any] else {
            throw ImportError(.unsupportedFormat, "\(source): the property list's top level is not a dictionary",
                              details: ["file": .string(source)])
        }
        return dict
    }

    private static func lineNumber(in text: String) -> Int? {
        guard let range = text.range(of: "line ") else { return nil }
        return Int(text[range.upperBound...].prefix(while: \.isNumber))
    }

    /// Re-parses an XML plist with XMLParser to find where the syntax breaks.
    private static func xmlPosition(_ bytes: [UInt8], source: String) -> (Int, Int)? {
        do {
            _ = try XMLElementNode.parse(bytes, source: source)
            return nil
        } catch let error as ImportError {
            if case .int(let line)? = error.details["line"], case .int(let column)? = error.details["column"] { return (line, column) }
            return nil
        } catch {
            return nil
        }
    }

    static func wrongType(_ field: String, _ expected: String, source: String) -> ImportError {
        ImportError(.unexpectedElement, "\(source): key '\(field)' is not \(expected)", details: ["file": .string(source), "field": .string(field)])
    }

    static func dict(_ value: Any, field: String, source: String) throws -> [String: Any] {
        guard let dict = value as? [String: Any] else { throw wrongType(field, "a dictionary", source: source) }
        return dict
    }

    static func string(_ value: Any, field: String, source: String) throws -> String {
        guard let text = value as? String else { throw wrongType(field, "a string", source: source) }
        return text
    }

    static func strings(_ value: Any, field: String, source: String) throws -> [String] {
        guard let array = value as? [Any] else { throw wrongType(field, "an array of strings", source: source) }
        return try array.enumerated().map { try string($0.element, field: "\(field)[\($0.offset)]", source: source) }
    }

    static func bool(_ value: Any, field: String, source: String) throws -> Bool {
        if let flag = value as? Bool { return flag }
        if let number = value as? NSNumber, number.intValue == 0 || number.intValue == 1 { return number.intValue == 1 }
        throw wrongType(field, "a boolean", source: source)
    }

    static func data(_ value: Any, field: String, source: String) throws -> [UInt8] {
        guard let data = value as? Data else { throw wrongType(field, "data", source: source) }
        return Array(data)
    }

    static func int(_ value: Any, field: String, source: String) throws -> Int {
        if value is Bool { throw wrongType(field, "an integer", source: source) }
        if let number = value as? Int { return number }
        if let number = value as? NSNumber { return number.intValue }
        if let text = value as? String, let number = Int(text) { return number }
        throw wrongType(field, "an integer", source: source)
    }
}
