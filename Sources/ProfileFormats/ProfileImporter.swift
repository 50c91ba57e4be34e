public import Foundation
import ProfileModel
import StructuredErrors

/// Turns a profile file of any supported format into validated profiles and the secrets that came with them.
///
/// Parsing is pure: nothing is saved here, so a failure leaves nothing half-imported. The caller saves every
/// profile of an ``ImportResult`` in one transaction.
public enum ProfileImporter {
    /// The largest file accepted (profiles are kilobytes; this bounds hostile input).
    public static let maximumSize = 8 << 20

    /// Guesses the format from the content: JSON object, CMS envelope, plist keys, or eap-config root element.
    /// - Returns: nil when the content matches none.
    public static func detect(_ bytes: [UInt8]) -> ProfileFormat? {
        guard let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) else {
            return nil
        }
        if first == UInt8(ascii: "{") { return .json }
        if first == 0x30 { return .mobileconfig }
        let head = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        if head.hasPrefix("bplist") || head.contains("<plist") || head.contains("<!DOCTYPE plist") {
            if head.contains("PayloadContent") { return .mobileconfig }
            if head.contains("AuthenticationProperties") { return .eapolcfg }
            return head.hasPrefix("bplist") ? nil : .eapolcfg
        }
        if head.contains("EAPIdentityProvider") { return .eapConfig }
        return nil
    }

    /// Parses a file.
    /// - Parameters:
    ///   - bytes: the file contents.
    ///   - source: the file name, named in every error.
    ///   - format: the format to read; nil detects it from the content.
    ///   - now: the time certificates are checked against.
    /// - Returns: the validated profiles with their secrets, notes and provider data.
    /// - Throws: ``ImportError`` (syntax with line and column, missing or unknown elements, base64, CA, PKCS#12,
    ///   signature) or ``ProfileError`` (invalid values, unsupported methods, invalid profile).
    public static func parse(_ bytes: [UInt8], source: String, format: ProfileFormat? = nil, now: Date = Date()) throws -> ImportResult {
        try checkSize(bytes, source: source)
        guard let format = format ?? detect(bytes) else {
            throw ImportError(.unsupportedFormat,
                              "\(source): the content is neither an eapolctl JSON profile, an eapolcfg plist, a .mobileconfig nor an eap-config document",
                              details: ["file": .string(source)])
        }
        switch format {
        case .json:
            let profile = try ProfileJSON.decode(bytes, source: source).validated(now: now)
            return ImportResult(format: .json, profiles: [ImportedProfile(profile: profile)])
        case .eapolcfg:
            return try EapolcfgPlist.parse(bytes, source: source, now: now)
        case .mobileconfig:
            return try MobileconfigImporter.parse(bytes, source: source, now: now)
        case .eapConfig:
            return try EAPConfigImporter.parse(bytes, source: source, now: now)
        case .wpaSupplicant, .iwd, .networkManager:
            throw ImportError(.unsupportedFormat, "\(source): eapolctl writes the \(format) format but does not read it",
                              details: ["file": .string(source), "format": .string(format.rawValue)])
        }
    }

    static func checkSize(_ bytes: [UInt8], source: String) throws {
        guard bytes.count <= maximumSize else {
            throw ImportError(.malformedFile, "\(source): the file is \(bytes.count) bytes, more than the \(maximumSize) a profile may have",
                              details: ["file": .string(source)])
        }
    }

    /// Verifies a signed file's signature (``CMSEnvelope/verify(_:trustStore:now:)``), applies `policy`, then
    /// parses the file. The signature is judged before the content is read: a refused file is never parsed.
    /// - Returns: the result of ``parse(_:source:format:now:)`` with ``ImportResult/signature`` set for
    ///   mobileconfig files (`unsigned` when plain).
    /// - Throws: what ``parse(_:source:format:now:)`` throws, and ``SignaturePolicy/check(_:source:)``'s refusals.
    public static func parseVerifyingSignature(_ bytes: [UInt8], source: String, format: ProfileFormat? = nil,
                                               policy: SignaturePolicy = SignaturePolicy(),
                                               now: Date = Date()) async throws -> ImportResult {
        try checkSize(bytes, source: source)
        guard let resolved = format ?? detect(bytes) else { return try parse(bytes, source: source, format: format, now: now) }
        var signature: SignatureInfo?
        if resolved == .mobileconfig {
            signature = CMSEnvelope.looksSigned(bytes)
                ? await CMSEnvelope.verify(bytes, trustStore: policy.trustStore, now: now)
                : SignatureInfo(status: .unsigned)
        }
        try policy.check(signature, source: source)
        var result = try parse(bytes, source: source, format: resolved, now: now)
        result.signature = signature
        return result
    }
}
