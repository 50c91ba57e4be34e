import Foundation
public import ProfileModel
import StructuredErrors

/// The secrets an export may include (only with `--include-secrets`).
public struct ExportSecrets: Sendable {
    /// The password item of the profile.
    public var password: ImportedPassword?
    /// The client identity (PKCS#12).
    public var identity: ImportedIdentity?

    /// Creates the secrets of an export.
    public init(password: ImportedPassword? = nil, identity: ImportedIdentity? = nil) {
        self.password = password
        self.identity = identity
    }
}

/// What an export produced.
public struct ExportOutput: Sendable {
    /// The file contents.
    public var bytes: [UInt8]
    /// The file name the consumer expects (iwd names files after the SSID), when it matters.
    public var suggestedFileName: String
    /// Things the format could not express exactly, for the user to know.
    public var notes: [String]
    /// Whether the output holds secrets in clear.
    public var containsSecrets: Bool

    /// Creates an export output.
    public init(bytes: [UInt8], suggestedFileName: String, notes: [String] = [], containsSecrets: Bool = false) {
        self.bytes = bytes
        self.suggestedFileName = suggestedFileName
        self.notes = notes
        self.containsSecrets = containsSecrets
    }

    /// The contents as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Writes a profile in one of the export formats.
public enum ProfileExporter {
    /// Exports `profile` as `format`.
    /// - Parameters:
    ///   - profile: the profile.
    ///   - format: json, eapolcfg, wpa-supplicant, iwd or networkmanager.
    ///   - secrets: secrets to write in clear; nil leaves them out (the default and the safe choice).
    /// - Throws: ``ImportError`` `unsupported-export` when the profile cannot be expressed in the format.
    public static func export(_ profile: Profile, as format: ProfileFormat, secrets: ExportSecrets? = nil) throws -> ExportOutput {
        let base = fileStem(profile)
        switch format {
        case .json:
            return ExportOutput(bytes: ProfileJSON.encode(profile), suggestedFileName: base + ".json")
        case .eapolcfg:
            return ExportOutput(bytes: try EapolcfgPlist.encode(profile), suggestedFileName: base + ".plist")
        case .wpaSupplicant:
            return try WPASupplicantExporter.export(profile, secrets: secrets)
        case .iwd:
            return try IWDExporter.export(profile, secrets: secrets)
        case .networkManager:
            return try NetworkManagerExporter.export(profile, secrets: secrets)
        case .mobileconfig, .eapConfig:
            throw ImportError(.unsupportedExport, "eapolctl reads the \(format) format but does not write it; export formats: \(ProfileFormat.exportable.map(\.rawValue).joined(separator: ", "))",
                              details: ["format": .string(format.rawValue)])
        }
    }

    static func fileStem(_ profile: Profile) -> String {
        let cleaned = profile.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        let stem = String(cleaned).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return stem.isEmpty ? profile.id.description : stem
    }

    /// The embedded CAs as one PEM text.
    static func caPEM(_ profile: Profile) -> String {
        profile.trust.caCertificates.map(\.pem).joined()
    }

    static func unsupported(_ profile: Profile, _ format: ProfileFormat, _ why: String) -> ImportError {
        ImportError(.unsupportedExport, "profile \(profile.name) cannot be exported as \(format): \(why)",
                    details: ["profile": .string(profile.name), "format": .string(format.rawValue)])
    }
}
