import Foundation
import Testing

/// Runs a program and returns its stdout; fails the test (throws) on a non-zero exit.
///
/// Input and output go through temporary files, not pipes: Foundation's `readDataToEndOfFile` traps on EINTR, which
/// a signal from another test's child process (many run concurrently) can cause.
@discardableResult
func runTool(_ arguments: [String], in directory: URL? = nil, stdin: Data? = nil) throws -> Data {
    let io = FileManager.default.temporaryDirectory.appendingPathComponent("runtool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(at: io) }
    let inFile = io.appendingPathComponent("in"), outFile = io.appendingPathComponent("out"), errFile = io.appendingPathComponent("err")
    try (stdin ?? Data()).write(to: inFile)
    FileManager.default.createFile(atPath: outFile.path, contents: nil)
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = try FileHandle(forReadingFrom: inFile)
    process.standardOutput = try FileHandle(forWritingTo: outFile)
    process.standardError = try FileHandle(forWritingTo: errFile)
    try process.run()
    process.waitUntilExit()
    let data = try Data(contentsOf: outFile)
    guard process.terminationStatus == 0 else {
        throw ToolFailure(command: arguments.joined(separator: " "), status: process.terminationStatus,
                          stderr: String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self))
    }
    return data
}

struct ToolFailure: Error, CustomStringConvertible {
    let command: String
    let status: Int32
    let stderr: String
    var description: String { "\(command) exited \(status): \(stderr)" }
}

/// Certificates, keys and PKCS#12 bundles made with openssl when the tests start (never committed).
final class TestPKI: Sendable {
    let directory: URL
    /// Two unrelated CAs (DER), a non-CA certificate (DER).
    let ca1DER: [UInt8]
    let ca2DER: [UInt8]
    let ca1PEM: String
    let leafDER: [UInt8]
    /// Client PKCS#12 bundles protected by `p12Passphrase`, with SHA-256 (default), SHA-1 and SHA-512 MACs.
    let p12SHA256: [UInt8]
    let p12SHA1: [UInt8]
    let p12SHA512: [UInt8]
    /// A bundle with an empty passphrase.
    let p12Empty: [UInt8]
    let p12Passphrase = "p12-pass-\u{00E9}t\u{00E9}"
    /// A signer certificate and key for CMS-signing .mobileconfig files.
    let signerPEM: URL
    let signerKey: URL

    static let shared: TestPKI = {
        do { return try TestPKI() } catch { fatalError("cannot create the test PKI with openssl: \(error)") }
    }()

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("eapolctl-formats-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let d = directory
        func ca(_ name: String, _ cn: String) throws {
            try runTool(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                         "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "30", "-subj", "/CN=\(cn)",
                         "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], in: d)
            try runTool(["openssl", "x509", "-in", "\(name).pem", "-outform", "DER", "-out", "\(name).der"], in: d)
        }
        try ca("ca1", "Formats Test CA 1")
        try ca("ca2", "Formats Test CA 2")
        try ca("signer-ca", "Formats Signing CA")
        try runTool(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                     "-keyout", "leaf.key", "-out", "leaf.pem", "-days", "30", "-subj", "/CN=radius.example.org",
                     "-addext", "basicConstraints=critical,CA:FALSE"], in: d)
        try runTool(["openssl", "x509", "-in", "leaf.pem", "-outform", "DER", "-out", "leaf.der"], in: d)
        func issued(_ name: String, _ cn: String, _ ext: String) throws {
            try runTool(["openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                         "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(cn)"], in: d)
            try Data(ext.utf8).write(to: d.appendingPathComponent("\(name).ext"))
            try runTool(["openssl", "x509", "-req", "-in", "\(name).csr", "-CA", name == "signer" ? "signer-ca.pem" : "ca1.pem",
                         "-CAkey", name == "signer" ? "signer-ca.key" : "ca1.key", "-CAcreateserial", "-days", "30",
                         "-extfile", "\(name).ext", "-out", "\(name).pem"], in: d)
        }
        try issued("client", "alice@example.org", "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n")
        try issued("signer", "Profile Signer", "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=emailProtection\n")
        let pass = "pass:" + "p12-pass-\u{00E9}t\u{00E9}"
        try runTool(["openssl", "pkcs12", "-export", "-inkey", "client.key", "-in", "client.pem", "-passout", pass, "-out", "c256.p12"], in: d)
        try runTool(["openssl", "pkcs12", "-export", "-inkey", "client.key", "-in", "client.pem", "-passout", pass,
                     "-macalg", "sha1", "-out", "c1.p12"], in: d)
        try runTool(["openssl", "pkcs12", "-export", "-inkey", "client.key", "-in", "client.pem", "-passout", pass,
                     "-macalg", "sha512", "-out", "c512.p12"], in: d)
        try runTool(["openssl", "pkcs12", "-export", "-inkey", "client.key", "-in", "client.pem", "-passout", "pass:",
                     "-out", "cempty.p12"], in: d)
        func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: d.appendingPathComponent(name))) }
        ca1DER = try read("ca1.der")
        ca2DER = try read("ca2.der")
        ca1PEM = String(decoding: try read("ca1.pem"), as: UTF8.self)
        leafDER = try read("leaf.der")
        p12SHA256 = try read("c256.p12")
        p12SHA1 = try read("c1.p12")
        p12SHA512 = try read("c512.p12")
        p12Empty = try read("cempty.p12")
        signerPEM = d.appendingPathComponent("signer.pem")
        signerKey = d.appendingPathComponent("signer.key")
    }

    /// CMS-signs `content` with `openssl cms -sign` (DER, attached content).
    func sign(_ content: [UInt8]) throws -> [UInt8] {
        let input = directory.appendingPathComponent("unsigned-\(UUID().uuidString).mobileconfig")
        let output = directory.appendingPathComponent("signed-\(UUID().uuidString).mobileconfig")
        try Data(content).write(to: input)
        try runTool(["openssl", "cms", "-sign", "-binary", "-nodetach", "-in", input.path, "-signer", signerPEM.path,
                     "-inkey", signerKey.path, "-outform", "DER", "-out", output.path])
        return Array(try Data(contentsOf: output))
    }
}

extension Array where Element == UInt8 {
    var base64: String { Data(self).base64EncodedString() }
}
