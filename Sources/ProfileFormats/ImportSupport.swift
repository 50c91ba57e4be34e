import Crypto
import Foundation
import ProfileModel
import StructuredErrors

/// Helpers shared by the importers.
enum ImportSupport {
    /// Decodes base64 (whitespace allowed), or throws `invalid-encoding` naming `field`.
    static func base64(_ text: String, field: String, source: String, position: String? = nil) throws -> [UInt8] {
        let cleaned = text.filter { !$0.isWhitespace }
        guard !cleaned.isEmpty, let data = Data(base64Encoded: cleaned) else {
            let at = position.map { " at \($0)" } ?? ""
            throw ImportError(.invalidEncoding, "\(source): \(field)\(at) is not valid base64",
                              details: ["file": .string(source), "field": .string(field)])
        }
        return Array(data)
    }

    /// Parses a DER CA certificate and checks it is a CA valid now.
    static func caCertificate(der: [UInt8], field: String, source: String, now: Date) throws -> TrustedCertificate {
        let certificate: TrustedCertificate
        do {
            certificate = try TrustedCertificate(der: der, source: "\(source): \(field)")
        } catch let error as ProfileError {
            throw ImportError(.unusableCA, error.message, details: ["file": .string(source), "field": .string(field)])
        }
        let summary = certificate.summary
        if !summary.isCA {
            throw ImportError(.unusableCA, "\(source): \(field) '\(summary.subject)' is not a CA certificate (basicConstraints CA:FALSE or absent)",
                              details: ["file": .string(source), "field": .string(field)])
        }
        if now > summary.notValidAfter {
            throw ImportError(.unusableCA, "\(source): \(field) '\(summary.subject)' expired on \(summary.notValidAfter)",
                              details: ["file": .string(source), "field": .string(field)])
        }
        if now < summary.notValidBefore {
            throw ImportError(.unusableCA, "\(source): \(field) '\(summary.subject)' is not valid before \(summary.notValidBefore)",
                              details: ["file": .string(source), "field": .string(field)])
        }
        return certificate
    }

    /// A stable profile ID derived from text (so importing the same file twice yields the same IDs).
    static func stableID(_ parts: [String]) -> ProfileID {
        var digest = Array(SHA256.hash(data: Array(parts.joined(separator: "\u{1F}").utf8)).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50   // version 5 layout (name-based), SHA-256 truncated
        digest[8] = (digest[8] & 0x3F) | 0x80   // RFC 4122 variant
        let uuid = UUID(uuid: (digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                               digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]))
        return ProfileID(uuid)
    }

    /// Validates a profile, turning a validation failure into the same error with the source named.
    static func validated(_ profile: Profile, now: Date) throws -> Profile {
        try profile.validated(now: now)
    }
}
