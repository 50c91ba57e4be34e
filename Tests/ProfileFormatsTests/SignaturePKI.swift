import Foundation
@testable import ProfileFormats

/// Signers for the signature-trust tests, made with openssl when first used (never committed):
/// a test CA given to the verifier as the "system" store, a signer it issued, a self-signed signer, a signer whose
/// key usage does not allow signing, and an unrelated CA (a store that does not know the signer).
final class SignaturePKI: Sendable {
    let directory: URL
    /// PEM bundle holding the test CA (and an unrelated CA before it, as a real bundle holds many).
    let systemBundle: URL
    /// PEM bundle holding only the unrelated CA.
    let otherBundle: URL

    struct Signer: Sendable {
        let certificate: URL
        let key: URL
        /// Extra certificates put into the envelope (`-certfile`).
        let extra: URL?
    }
    let trusted: Signer
    /// Issued by the test CA, which the envelope also carries (the envelope must not be its own anchor).
    let trustedWithCAInEnvelope: Signer
    let selfSigned: Signer
    /// Issued by the test CA but with keyUsage keyEncipherment only.
    let wrongKeyUsage: Signer

    static let shared: SignaturePKI = {
        do { return try SignaturePKI() } catch { fatalError("cannot create the signature PKI with openssl: \(error)") }
    }()

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("eapolctl-signature-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let d = directory
        func ca(_ name: String, _ cn: String) throws {
            try runTool(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                         "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "30", "-subj", "/CN=\(cn)",
                         "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], in: d)
        }
        try ca("sys-ca", "Signature Test Root CA")
        try ca("other-ca", "Unrelated Root CA")
        func issued(_ name: String, _ cn: String, _ ext: String) throws {
            try runTool(["openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                         "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(cn)"], in: d)
            try Data(ext.utf8).write(to: d.appendingPathComponent("\(name).ext"))
            try runTool(["openssl", "x509", "-req", "-in", "\(name).csr", "-CA", "sys-ca.pem", "-CAkey", "sys-ca.key",
                         "-CAcreateserial", "-days", "30", "-extfile", "\(name).ext", "-out", "\(name).pem"], in: d)
        }
        try issued("good", "Trusted Profile Signer", "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=emailProtection\n")
        try issued("badku", "Encipher-Only Signer", "basicConstraints=CA:FALSE\nkeyUsage=critical,keyEncipherment\n")
        try runTool(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                     "-keyout", "self.key", "-out", "self.pem", "-days", "30", "-subj", "/CN=Self-Signed Profile Signer",
                     "-addext", "keyUsage=critical,digitalSignature"], in: d)
        let sys = try String(contentsOf: d.appendingPathComponent("sys-ca.pem"), encoding: .utf8)
        let other = try String(contentsOf: d.appendingPathComponent("other-ca.pem"), encoding: .utf8)
        systemBundle = d.appendingPathComponent("system-bundle.crt")
        otherBundle = d.appendingPathComponent("other-bundle.crt")
        try Data((other + sys).utf8).write(to: systemBundle)
        try Data(other.utf8).write(to: otherBundle)
        func url(_ name: String) -> URL { d.appendingPathComponent(name) }
        trusted = Signer(certificate: url("good.pem"), key: url("good.key"), extra: nil)
        trustedWithCAInEnvelope = Signer(certificate: url("good.pem"), key: url("good.key"), extra: url("sys-ca.pem"))
        selfSigned = Signer(certificate: url("self.pem"), key: url("self.key"), extra: nil)
        wrongKeyUsage = Signer(certificate: url("badku.pem"), key: url("badku.key"), extra: nil)
    }

    /// The store the tests treat as the system's (it holds the test CA).
    var systemStore: SignatureTrustStore { SignatureTrustStore(bundlePath: systemBundle.path) }
    /// A store that does not hold the test CA.
    var otherStore: SignatureTrustStore { SignatureTrustStore(bundlePath: otherBundle.path) }

    /// CMS-signs `content` (`openssl cms -sign -nodetach -binary -outform DER`).
    func sign(_ content: [UInt8], with signer: Signer) throws -> [UInt8] {
        let input = directory.appendingPathComponent("in-\(UUID().uuidString)")
        let output = directory.appendingPathComponent("out-\(UUID().uuidString)")
        try Data(content).write(to: input)
        var arguments = ["openssl", "cms", "-sign", "-binary", "-nodetach", "-in", input.path, "-signer", signer.certificate.path,
                         "-inkey", signer.key.path, "-outform", "DER", "-out", output.path]
        if let extra = signer.extra { arguments += ["-certfile", extra.path] }
        try runTool(arguments)
        return Array(try Data(contentsOf: output))
    }
}
