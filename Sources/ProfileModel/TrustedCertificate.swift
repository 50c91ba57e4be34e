import StructuredErrors
import Crypto
import Foundation
import SwiftASN1
import X509

/// A certificate the profile trusts as a CA for the RADIUS server: its DER bytes and a summary of them.
///
/// Encoded in JSON as a base64 DER string; the summary is recomputed on decode. Equality and hashing compare the
/// DER bytes.
public struct TrustedCertificate: Sendable, Hashable, Codable {
    /// The DER encoding of the certificate.
    public let der: [UInt8]
    /// The parsed facts about the certificate.
    public let summary: CertificateSummary

    /// Parses one DER certificate.
    /// - Parameters:
    ///   - der: the DER bytes.
    ///   - source: what the bytes came from (file path, JSON field), named in errors.
    /// - Throws: ``ProfileError`` `invalid-certificate` naming `source`.
    public init(der: [UInt8], source: String) throws {
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: der)
        } catch {
            throw ProfileError(.invalidCertificate, "\(source): not a DER X.509 certificate (\(error))",
                               details: ["source": .string(source)])
        }
        self.der = der
        self.summary = Self.summarise(certificate, der: der)
    }

    /// Parses certificates given as DER (one certificate) or PEM (one or more `CERTIFICATE` blocks).
    /// - Parameters:
    ///   - bytes: the file contents.
    ///   - source: the file name, named in errors.
    /// - Returns: the certificates in file order (at least one).
    /// - Throws: ``ProfileError`` `invalid-certificate` naming `source` when nothing parses or a block is broken.
    public static func parse(_ bytes: [UInt8], source: String) throws -> [TrustedCertificate] {
        if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN ") {
            let documents: [PEMDocument]
            do {
                documents = try PEMDocument.parseMultiple(pemString: text)
            } catch {
                throw ProfileError(.invalidCertificate, "\(source): malformed PEM (\(error))", details: ["source": .string(source)])
            }
            let certificates = documents.filter { $0.discriminator == "CERTIFICATE" || $0.discriminator == "TRUSTED CERTIFICATE" }
            guard !certificates.isEmpty else {
                let kinds = documents.map(\.discriminator).joined(separator: ", ")
                throw ProfileError(.invalidCertificate, "\(source): no CERTIFICATE block in the PEM file (found: \(kinds))",
                                   details: ["source": .string(source)])
            }
            return try certificates.enumerated().map { index, document in
                try TrustedCertificate(der: document.derBytes, source: "\(source) (PEM block \(index + 1))")
            }
        }
        guard !bytes.isEmpty else {
            throw ProfileError(.invalidCertificate, "\(source): the file is empty", details: ["source": .string(source)])
        }
        do {
            return [try TrustedCertificate(der: bytes, source: source)]
        } catch {
            throw ProfileError(.invalidCertificate, "\(source): neither a PEM nor a DER X.509 certificate",
                               details: ["source": .string(source)])
        }
    }

    /// The certificate as one PEM `CERTIFICATE` block (with trailing newline).
    public var pem: String {
        PEMDocument(type: "CERTIFICATE", derBytes: der).pemString + "\n"
    }

    /// The DER bytes in base64 (the JSON form).
    public var base64: String { Data(der).base64EncodedString() }

    public static func == (lhs: TrustedCertificate, rhs: TrustedCertificate) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters), !data.isEmpty else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not base64-encoded DER")
        }
        do {
            self = try TrustedCertificate(der: Array(data), source: "base64 DER")
        } catch let error as ProfileError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(base64)
    }

    /// Lowercase colon-separated hex, the form used for fingerprints and pins.
    static func colonHex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        return bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }.joined(separator: ":")
    }

    private static func summarise(_ certificate: Certificate, der: [UInt8]) -> CertificateSummary {
        let isCA: Bool
        if case .isCertificateAuthority = (try? certificate.extensions.basicConstraints) ?? .notCertificateAuthority {
            isCA = true
        } else {
            isCA = false
        }
        var dnsNames: [String] = []
        if let sans = try? certificate.extensions.subjectAlternativeNames {
            for name in sans { if case .dnsName(let dns) = name { dnsNames.append(dns) } }
        }
        let selfSigned = certificate.subject == certificate.issuer
            && certificate.publicKey.isValidSignature(certificate.signature, for: certificate)
        return CertificateSummary(
            subject: certificate.subject.description,
            issuer: certificate.issuer.description,
            dnsNames: dnsNames,
            notValidBefore: certificate.notValidBefore,
            notValidAfter: certificate.notValidAfter,
            sha256Fingerprint: colonHex(SHA256.hash(data: der)),
            isCA: isCA,
            isSelfSigned: selfSigned)
    }
}
