import Foundation
import ProfileModel

/// Certificate chains made with openssl at test time for the probe tests: a root, an intermediate and a server
/// certificate (`radius.example.org`), and a rogue root with a server certificate of the same name.
struct ProbeTestPKI {
    let root: TrustedCertificate
    let intermediate: TrustedCertificate
    let server: TrustedCertificate
    let rogueRoot: TrustedCertificate
    let rogueServer: TrustedCertificate

    init() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eapolctl-probe-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        func openssl(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CocoaError(.fileWriteUnknown,
                                 userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.joined(separator: " ")) failed"])
            }
        }
        func makeRoot(_ name: String, cn: String) throws {
            try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                         "-keyout", path("\(name).key"), "-out", path("\(name).pem"), "-days", "2",
                         "-subj", "/O=Probe Test/CN=\(cn)", "-addext", "basicConstraints=critical,CA:TRUE",
                         "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        func makeSigned(_ name: String, cn: String, by issuer: String, extensions: String) throws {
            try openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                         "-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/O=Probe Test/CN=\(cn)"])
            try extensions.write(toFile: path("\(name).ext"), atomically: true, encoding: .utf8)
            try openssl(["x509", "-req", "-in", path("\(name).csr"), "-CA", path("\(issuer).pem"),
                         "-CAkey", path("\(issuer).key"), "-CAcreateserial", "-out", path("\(name).pem"), "-days", "2",
                         "-extfile", path("\(name).ext")])
        }
        let serverExt = "basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:radius.example.org\nextendedKeyUsage=serverAuth\n"
        try makeRoot("root", cn: "Probe Root CA")
        try makeSigned("intermediate", cn: "Probe Intermediate CA", by: "root",
                       extensions: "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n")
        try makeSigned("server", cn: "radius.example.org", by: "intermediate", extensions: serverExt)
        try makeRoot("rogue-root", cn: "Probe Root CA")
        try makeSigned("rogue-server", cn: "radius.example.org", by: "rogue-root", extensions: serverExt)
        func load(_ name: String) throws -> TrustedCertificate {
            try TrustedCertificate.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path("\(name).pem")))),
                                         source: name)[0]
        }
        root = try load("root")
        intermediate = try load("intermediate")
        server = try load("server")
        rogueRoot = try load("rogue-root")
        rogueServer = try load("rogue-server")
    }
}

extension TrustedCertificate {
    /// The fingerprint as wpa_supplicant's `cert_hash` carries it: lowercase hex, no colons.
    var certHash: String { summary.sha256Fingerprint.replacingOccurrences(of: ":", with: "") }
}
