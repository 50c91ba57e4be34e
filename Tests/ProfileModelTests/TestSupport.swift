import Foundation
import ProfileModel

/// Runs openssl in a fresh temporary directory and hands back files it wrote; keys stay in the temp directory.
struct OpenSSL {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("profilemodel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Output goes through a file, not a pipe: Foundation's readDataToEndOfFile traps on EINTR, which a signal
        // from another test's child process can cause.
        let outFile = directory.appendingPathComponent("openssl-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile) }
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: outFile)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "openssl", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Makes a self-signed certificate; returns its PEM file name.
    @discardableResult
    func makeCertificate(name: String, ca: Bool, days: Int = 365, extra: [String] = []) throws -> String {
        let constraints = ca ? "basicConstraints=critical,CA:TRUE" : "basicConstraints=critical,CA:FALSE"
        try run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                 "-keyout", "\(name).key", "-out", "\(name).pem", "-days", String(days),
                 "-subj", "/CN=\(name)", "-addext", constraints] + extra)
        return "\(name).pem"
    }

    func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(file)))
    }

    func path(_ file: String) -> String { directory.appendingPathComponent(file).path }
}

/// A CA certificate generated at test time, parsed.
func generatedCA(name: String = "Test CA") throws -> TrustedCertificate {
    let openssl = try OpenSSL()
    defer { openssl.remove() }
    let file = try openssl.makeCertificate(name: name, ca: true)
    return try TrustedCertificate.parse(try openssl.bytes(file), source: file)[0]
}

/// A valid PEAP profile for tests to modify.
func samplePEAPProfile(ca: TrustedCertificate) throws -> Profile {
    Profile(
        name: "Corp",
        binding: .wifi(ssid: try SSID(parsing: "CorpNet"), security: .wpa2, hidden: false),
        eap: EAPSettings(outer: .peap, username: "alice", outerIdentity: "anonymous@corp.example"),
        trust: TrustSettings(caCertificates: [ca], serverNames: [.suffix("corp.example")]))
}

/// The repository's Profiles/ directory, found from this file's path.
func profilesDirectory(file: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Profiles")
}
