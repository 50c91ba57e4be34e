public import StructuredErrors

/// Format-level failures of profile files and imported documents: syntax, format, version (exit status 66).
///
/// Semantic problems of well-formed files are ``ProfileError``s; this type covers files that cannot be read as the
/// format they claim to be.
public typealias ImportError = DomainError<ImportErrorCode>

/// The stable codes of the import domain (301...).
public struct ImportErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case malformedFile = 301
        case unsupportedFormat = 302
        case unsupportedVersion = 303
        case missingField = 304
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    public static let malformedFile = Self(.malformedFile)
    public static let unsupportedFormat = Self(.unsupportedFormat)
    public static let unsupportedVersion = Self(.unsupportedVersion)
    public static let missingField = Self(.missingField)

    public static let domain = ErrorDomain.import
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .malformedFile:
            info("malformed-file", "The file is not syntactically valid (JSON, XML or plist).",
                 "Fix the syntax at the line and column named in the message, or re-export the file.")
        case .unsupportedFormat:
            info("unsupported-format", "The file is not in a format eapolctl reads.",
                 "Give an eapolctl profile (JSON), an eapolcfg export, a .mobileconfig or an eap-config file.")
        case .unsupportedVersion:
            info("unsupported-version", "The file was written by a newer format version than this eapolctl understands.",
                 "Upgrade eapolctl, or export the profile again with the older version.")
        case .missingField:
            info("missing-field", "A field the format requires is absent.",
                 "Add the field named in the message (see Docs/profile-format.md).")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}
