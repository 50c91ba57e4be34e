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
        case invalidEncoding = 305
        case unexpectedElement = 306
        case noSupportedMethod = 307
        case pkcs12WrongPassphrase = 308
        case pkcs12Malformed = 309
        case unusableCA = 310
        case noApplicableNetwork = 311
        case invalidSignature = 312
        case unsupportedExport = 313
        case pkcs12TooManyIterations = 314
        case untrustedSignature = 315
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    public static let malformedFile = Self(.malformedFile)
    public static let unsupportedFormat = Self(.unsupportedFormat)
    public static let unsupportedVersion = Self(.unsupportedVersion)
    public static let missingField = Self(.missingField)
    /// Broken base64 (or another encoding) in a field that must hold binary data.
    public static let invalidEncoding = Self(.invalidEncoding)
    /// An element or key that is unknown, misplaced, or holds a value of the wrong kind.
    public static let unexpectedElement = Self(.unexpectedElement)
    /// None of the authentication methods offered by the file is one eapolctl supports.
    public static let noSupportedMethod = Self(.noSupportedMethod)
    /// A PKCS#12 bundle whose integrity MAC does not verify with the given passphrase.
    public static let pkcs12WrongPassphrase = Self(.pkcs12WrongPassphrase)
    /// A PKCS#12 bundle that is not well-formed, or uses a MAC eapolctl cannot check.
    public static let pkcs12Malformed = Self(.pkcs12Malformed)
    /// A server CA certificate that is not a CA, has expired or is not yet valid.
    public static let unusableCA = Self(.unusableCA)
    /// The file names no network eapolctl can configure (no SSID, no wired applicability).
    public static let noApplicableNetwork = Self(.noApplicableNetwork)
    /// A signed (CMS) file whose signature envelope is malformed or does not verify.
    public static let invalidSignature = Self(.invalidSignature)
    /// The profile cannot be expressed in the requested export format.
    public static let unsupportedExport = Self(.unsupportedExport)
    /// A PKCS#12 bundle whose MAC asks for more key-derivation iterations than eapolctl computes.
    public static let pkcs12TooManyIterations = Self(.pkcs12TooManyIterations)
    /// `--require-signed` was given and the file is unsigned or its signer does not chain to a trusted CA.
    public static let untrustedSignature = Self(.untrustedSignature)

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
        case .invalidEncoding:
            info("invalid-encoding", "A field that must hold base64 (or hex) data does not decode.",
                 "Fix or re-download the file; the message names the element and its line.")
        case .unexpectedElement:
            info("unexpected-element", "An element or key is unknown, misplaced, or has a value of the wrong kind.",
                 "Check the element named in the message against the format's specification (see Docs/formats.md).")
        case .noSupportedMethod:
            info("no-supported-method", "None of the authentication methods in the file is supported (PEAP, TTLS, TLS).",
                 "Ask the network administrator for a profile offering PEAP, TTLS or EAP-TLS.")
        case .pkcs12WrongPassphrase:
            info("pkcs12-wrong-passphrase", "The PKCS#12 client certificate does not open with the given passphrase.",
                 "Give the passphrase the certificate was issued with (--pkcs12-passphrase-stdin), or download it again.")
        case .pkcs12Malformed:
            info("pkcs12-malformed", "The PKCS#12 client certificate is not a well-formed bundle with an integrity MAC eapolctl can check.",
                 "Re-export the bundle (openssl pkcs12 -export) with a SHA-1 or SHA-2 MAC.")
        case .unusableCA:
            info("unusable-ca", "A server CA certificate in the file is not a CA, has expired, or is not yet valid.",
                 "Get a current profile from the network administrator, or check the system clock.")
        case .noApplicableNetwork:
            info("no-applicable-network", "The file names no Wi-Fi SSID or wired network eapolctl can configure.",
                 "Passpoint (ConsortiumOID) is not supported; ask for a profile with an SSID or wired applicability.")
        case .invalidSignature:
            info("invalid-signature", "The signed file's CMS envelope is malformed or its signature does not verify.",
                 "Download the file again from its provider; do not import a profile whose signature fails.")
        case .unsupportedExport:
            info("unsupported-export", "The profile cannot be expressed in the requested export format.",
                 "Choose another format (json keeps everything); the message says what does not fit.")
        case .pkcs12TooManyIterations:
            info("pkcs12-too-many-iterations", "The PKCS#12 client certificate's MAC asks for more iterations than eapolctl computes (2,000,000).",
                 "Re-export the bundle with a usual iteration count (openssl pkcs12 -export uses 2048), or ask the provider for a new file.")
        case .untrustedSignature:
            info("untrusted-signature", "--require-signed refused the file: it is unsigned, or its signer does not chain to a CA in the system store.",
                 "Ask the provider for a profile signed by a publicly trusted certificate, or check the signer and import without --require-signed.")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}
