import Foundation
import ProfileModel

/// A self-signed CA certificate made with openssl at test time (nothing is committed).
struct TestCertificateAuthority {
    let der: [UInt8]
    let certificate: TrustedCertificate

    /// Generates a P-256 self-signed CA with subject `/O=Corp/CN=<commonName>`.
    init(commonName: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eapolctl-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cert = dir.appendingPathComponent("ca.der")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                             "-keyout", dir.appendingPathComponent("ca.key").path, "-outform", "DER", "-out", cert.path,
                             "-days", "2", "-subj", "/O=Corp/CN=\(commonName)",
                             "-addext", "basicConstraints=critical,CA:TRUE"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl req failed"])
        }
        der = Array(try Data(contentsOf: cert))
        certificate = try TrustedCertificate(der: der, source: "test CA \(commonName)")
    }

    /// The SHA-256 fingerprint as lowercase hex without colons (what wpa_supplicant's `cert_hash` carries).
    var sha256Hex: String {
        certificate.summary.sha256Fingerprint.replacingOccurrences(of: ":", with: "").lowercased()
    }
}
