import Foundation
import SwiftASN1
@_spi(CMS) import X509

/// The CA certificates a signed configuration profile's signer must chain to: a PEM bundle, the system's by default.
public struct SignatureTrustStore: Sendable, Hashable {
    /// Debian's and Ubuntu's bundle of the system CAs (ca-certificates).
    public static let systemBundlePath = "/etc/ssl/certs/ca-certificates.crt"
    /// The largest bundle read (the system one is about 200 KiB).
    static let maximumSize = 16 << 20

    /// The PEM bundle's path.
    public var bundlePath: String

    /// A store reading `bundlePath` (the system bundle by default; tests give their own CA).
    public init(bundlePath: String = SignatureTrustStore.systemBundlePath) {
        self.bundlePath = bundlePath
    }

    /// The certificates of the bundle, and a note when it could not be used (missing, unreadable, no certificate).
    /// A block that is not a certificate is skipped (and counted in the note); a broken bundle never makes a
    /// signer trusted.
    func load() -> (certificates: [Certificate], problem: String?) {
        let data: Data
        do {
            let url = URL(fileURLWithPath: bundlePath)
            let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            guard size <= Self.maximumSize else {
                return ([], "the CA bundle \(bundlePath) is \(size) bytes, more than \(Self.maximumSize)")
            }
            data = try Data(contentsOf: url)
        } catch {
            return ([], "the CA bundle \(bundlePath) cannot be read (\(error.localizedDescription))")
        }
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: String(decoding: data, as: UTF8.self))
        } catch {
            return ([], "the CA bundle \(bundlePath) is not PEM (\(error))")
        }
        var certificates: [Certificate] = []
        var skipped = 0
        for document in documents where document.discriminator == "CERTIFICATE" {
            if let certificate = try? Certificate(pemDocument: document) { certificates.append(certificate) } else { skipped += 1 }
        }
        if certificates.isEmpty { return ([], "the CA bundle \(bundlePath) holds no usable certificate") }
        return (certificates, skipped == 0 ? nil : "\(skipped) block(s) of \(bundlePath) could not be parsed and were skipped")
    }
}
