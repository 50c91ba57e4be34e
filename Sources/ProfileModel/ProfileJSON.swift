import Foundation
import StructuredErrors

/// The native eapolctl profile file format: one JSON object per profile (see Docs/profile-format.md).
///
/// Encoding is stable: pretty-printed, keys sorted, optional fields omitted when nil, a trailing newline.
/// Decoding checks `format` and `version` first, then decodes the fields; it does not validate the profile
/// (call ``Profile/validated(now:)``).
public enum ProfileJSON {
    /// The value of the `format` field.
    public static let formatName = "eapolctl-profile"
    /// The format version this code writes and the newest it reads.
    public static let currentVersion = 1

    /// Encodes a profile as pretty, key-sorted JSON with `format` and `version`.
    public static func encode(_ profile: Profile) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every leaf is a string, bool or int, and no encode(to:) here throws, so encoding cannot fail.
        guard let data = try? encoder.encode(Envelope(profile: profile)) else {
            preconditionFailure("encoding a profile to JSON cannot fail")
        }
        return Array(data) + [UInt8(ascii: "\n")]
    }

    /// Decodes a profile file.
    /// - Parameters:
    ///   - bytes: the file contents.
    ///   - source: the file name, named in every error.
    /// - Returns: the profile, not yet validated.
    /// - Throws: ``ImportError`` `malformed-file` (syntax, with line and column when known), `unsupported-format`,
    ///   `unsupported-version`, `missing-field`; ``ProfileError`` `invalid-json` for a field with an unaccepted value.
    ///   Errors name the file and the field path (`details["field"]`).
    public static func decode(_ bytes: [UInt8], source: String) throws -> Profile {
        try mapErrors(source: source, bytes: bytes) { try JSONDecoder().decode(Envelope.self, from: Data(bytes)).profile }
    }

    /// Decodes only what a listing needs, skipping certificate parsing; errors as for ``decode(_:source:)``.
    public static func decodeSummary(_ bytes: [UInt8], source: String) throws -> ProfileSummary {
        try mapErrors(source: source, bytes: bytes) { try JSONDecoder().decode(SummaryEnvelope.self, from: Data(bytes)).summary }
    }

    // MARK: - Envelopes

    enum HeaderKeys: String, CodingKey { case format, version }

    enum HeaderProblem: Error {
        case notAnObject
        case missingFormat
        case wrongFormat(String)
        case badVersion(String)
        case newerVersion(Int)
    }

    static func checkHeader(_ decoder: any Decoder) throws {
        let header: KeyedDecodingContainer<HeaderKeys>
        do {
            header = try decoder.container(keyedBy: HeaderKeys.self)
        } catch DecodingError.typeMismatch {
            throw HeaderProblem.notAnObject
        }
        guard let format = try? header.decodeIfPresent(String.self, forKey: .format) else {
            throw HeaderProblem.missingFormat
        }
        guard format == formatName else { throw HeaderProblem.wrongFormat(format) }
        guard let version = try? header.decode(Int.self, forKey: .version) else {
            throw HeaderProblem.badVersion(String(describing: try? header.decode(String.self, forKey: .version)))
        }
        guard version <= currentVersion, version >= 1 else { throw HeaderProblem.newerVersion(version) }
    }

    struct Envelope: Codable {
        let profile: Profile

        init(profile: Profile) { self.profile = profile }

        init(from decoder: any Decoder) throws {
            try checkHeader(decoder)
            profile = try Profile(from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            var header = encoder.container(keyedBy: HeaderKeys.self)
            try header.encode(formatName, forKey: .format)
            try header.encode(currentVersion, forKey: .version)
            try profile.encode(to: encoder)
        }
    }

    struct SummaryEnvelope: Decodable {
        let summary: ProfileSummary

        private enum Keys: String, CodingKey { case id, name, binding, eap, trust }
        private struct LightTrust: Decodable { let insecureNoServerValidation: Bool? }

        init(from decoder: any Decoder) throws {
            try checkHeader(decoder)
            let c = try decoder.container(keyedBy: Keys.self)
            let binding = try c.decode(NetworkBinding.self, forKey: .binding)
            let eap = try c.decode(EAPSettings.self, forKey: .eap)
            let trust = try c.decodeIfPresent(LightTrust.self, forKey: .trust)
            summary = ProfileSummary(
                id: try c.decode(ProfileID.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                ssid: binding.ssid?.displayText, security: binding.security, method: eap.outer, inner: eap.inner,
                insecure: (trust?.insecureNoServerValidation ?? false) || eap.outer == .leap || eap.allowsAnonymousPACProvisioning)
        }
    }

    // MARK: - Errors

    static func mapErrors<T>(source: String, bytes: [UInt8], _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let problem as HeaderProblem {
            switch problem {
            case .notAnObject:
                throw ImportError(.unsupportedFormat, "\(source): not an eapolctl profile (the top level is not a JSON object)",
                                  details: ["file": .string(source)])
            case .missingFormat:
                throw ImportError(.unsupportedFormat, "\(source): not an eapolctl profile (no \"format\": \"\(formatName)\" field)",
                                  details: ["file": .string(source), "field": "format"])
            case .wrongFormat(let format):
                throw ImportError(.unsupportedFormat, "\(source): format '\(format)' is not '\(formatName)'",
                                  details: ["file": .string(source), "field": "format"])
            case .badVersion:
                throw ImportError(.missingField, "\(source): field 'version' is missing or not an integer",
                                  details: ["file": .string(source), "field": "version"])
            case .newerVersion(let version):
                throw ImportError(.unsupportedVersion,
                                  "\(source): format version \(version) is not supported (this eapolctl reads version \(currentVersion))",
                                  details: ["file": .string(source), "field": "version", "version": .int(version)])
            }
        } catch let error as DecodingError {
            throw describe(error, source: source, bytes: bytes)
        }
    }

    /// Renders a coding path as `trust.caCertificates[0]`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    static func describe(_ error: DecodingError, source: String, bytes: [UInt8]) -> any Error {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return ImportError(.missingField, "\(source): required field '\(field)' is missing",
                               details: ["file": .string(source), "field": .string(field)])
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return ProfileError(.invalidJSON, "\(source): field '\(field)' has the wrong type (expected \(jsonTypeName(type)))",
                                details: ["file": .string(source), "field": .string(field)])
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return ProfileError(.invalidJSON, "\(source): field '\(field)' is null (expected \(jsonTypeName(type)))",
                                details: ["file": .string(source), "field": .string(field)])
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            var details: [String: ErrorDetail] = ["file": .string(source)]
            var position = ""
            if let (line, column) = lineAndColumn(in: context) ?? JSONSyntaxLocator.errorPosition(in: bytes) {
                details["line"] = .int(line)
                details["column"] = .int(column)
                position = " at line \(line), column \(column)"
            }
            return ImportError(.malformedFile, "\(source): invalid JSON\(position)", details: details)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return ProfileError(.invalidJSON, "\(source): field '\(field)': \(context.debugDescription)",
                                details: ["file": .string(source), "field": .string(field)])
        @unknown default:
            return ImportError(.malformedFile, "\(source): \(error)", details: ["file": .string(source)])
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "an integer"
        default: "\(type)"
        }
    }

    /// Finds "line N, column M" in Foundation's syntax error text.
    private static func lineAndColumn(in context: DecodingError.Context) -> (Int, Int)? {
        let texts = [context.debugDescription, context.underlyingError.map { String(describing: $0) } ?? ""]
            + [(context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? ""]
        for text in texts {
            guard let lineRange = text.range(of: "line ") else { continue }
            let afterLine = text[lineRange.upperBound...]
            let lineDigits = afterLine.prefix(while: \.isNumber)
            guard let line = Int(lineDigits), let columnRange = afterLine.range(of: "column ") else { continue }
            let columnDigits = afterLine[columnRange.upperBound...].prefix(while: \.isNumber)
            if let column = Int(columnDigits) { return (line, column) }
        }
        return nil
    }
}
