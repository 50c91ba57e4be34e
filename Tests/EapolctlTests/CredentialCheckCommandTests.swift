import Foundation
import Testing

/// `password check` and `identity check` attacked from the command line: a wrong password, one that differs only
/// in its last byte, longer and shorter ones, a repetition of the real one, empty standard input, a missing item
/// (a store error, never "does not match"), and every run's output searched for the secrets.
@Suite struct CredentialCheckCommandTests {
    static let stored = "correct horse battery staple"

    /// A runner with `stored` as the password of SSID corp (user alice).
    static func runnerWithPassword() throws -> CLIRunner {
        let cli = try CLIRunner()
        let set = try cli.run(["password", "set", "--ssid", "corp", "--username", "alice", "--password", "-"],
                              stdin: stored + "\n")
        try #require(set.status == 0, "\(set.stderr)")
        return cli
    }

    /// Runs `password check --ssid corp --password -` with `candidate` on stdin, in JSON and as text, and checks
    /// that neither the stored password nor the candidate appears anywhere in the output.
    static func check(_ cli: CLIRunner, stdin: String, ssid: String = "corp", json: Bool = true) throws -> CLIRunner.Result {
        let result = try cli.run(["password", "check", "--ssid", ssid, "--password", "-"] + (json ? ["--json"] : []),
                                 stdin: stdin)
        for secret in [stored, stdin.trimmingCharacters(in: .newlines)] where secret.count >= 4 {
            #expect(!result.stdout.contains(secret), "a secret reached stdout: \(result.stdout)")
            #expect(!result.stderr.contains(secret), "a secret reached stderr: \(result.stderr)")
        }
        return result
    }

    @Test func theStoredPasswordMatches() throws {
        let cli = try Self.runnerWithPassword()
        defer { cli.cleanUp() }
        let result = try Self.check(cli, stdin: Self.stored + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["matches"] as? Bool == true)
        #expect(json["username"] as? String == "alice")
        #expect((json["key"] as? [String: Any])?["ssid"] as? String == "corp")
        #expect(result.stderr.isEmpty)
        let text = try Self.check(cli, stdin: Self.stored, json: false)
        #expect(text.status == 0)
        #expect(text.stdout.contains("matches") && !text.stdout.contains("does not match"), "\(text.stdout)")
    }

    @Test(arguments: [
        "wrong password",                          // different altogether
        "correct horse battery staplE",            // only the last byte differs
        "Correct horse battery staple",            // only the first byte differs
        "correct horse battery staple!",           // one byte longer
        "correct horse battery stapl",             // one byte shorter
        "correct horse battery staplecorrect horse battery staple",  // the password twice (cyclic comparison)
        "correct horse battery staple\0",          // a trailing NUL
        // 284 bytes: the stored 28 repeated (every byte equal cyclically), lengths differing in bit 8 only (28 ^ 284 =
        // 256), so only the length fold's upper bits can tell them apart.
        String(repeating: "correct horse battery staple", count: 10) + "corr",
    ])
    func aDifferentPasswordDoesNotMatch(candidate: String) throws {
        let cli = try Self.runnerWithPassword()
        defer { cli.cleanUp() }
        for json in [true, false] {
            let result = try Self.check(cli, stdin: candidate + "\n", json: json)
            #expect(result.status == 1, "status \(result.status) for a different password: \(result.stderr)")
            #expect(result.stderr.isEmpty, "a mismatch is an answer, not an error: \(result.stderr)")
            if json {
                #expect(try result.json()["matches"] as? Bool == false)
            } else {
                #expect(result.stdout.contains("does not match"))
            }
        }
    }

    @Test func anEmptyPasswordDoesNotMatchAndEmptyStdinIsAnError() throws {
        let cli = try Self.runnerWithPassword()
        defer { cli.cleanUp() }
        // A lone newline is an empty password: it differs.
        let empty = try Self.check(cli, stdin: "\n")
        #expect(empty.status == 1)
        #expect(try empty.json()["matches"] as? Bool == false)
        // Nothing at all on stdin: no password was given, which is a usage error, not a mismatch.
        let none = try Self.check(cli, stdin: "")
        #expect(none.status == 64, "\(none.stderr)")
        #expect(try none.jsonError()["name"] as? String == "input-unavailable")
        #expect(!none.stdout.contains("matches"))
    }

    @Test func aMissingItemIsAStoreErrorNotAMismatch() throws {
        let cli = try Self.runnerWithPassword()
        defer { cli.cleanUp() }
        let result = try Self.check(cli, stdin: Self.stored + "\n", ssid: "other")
        #expect(result.status == 67, "\(result.stderr)")
        let error = try result.jsonError()
        #expect(error["domain"] as? String == "store")
        #expect(error["name"] as? String == "item-not-found")
        #expect(result.stdout.isEmpty, "no answer for an item that does not exist: \(result.stdout)")
        // No store at all yet: also a store error.
        let fresh = try CLIRunner()
        defer { fresh.cleanUp() }
        let noStore = try Self.check(fresh, stdin: Self.stored + "\n")
        #expect(noStore.status == 67, "\(noStore.stderr)")
    }

    // MARK: identity check

    /// A self-signed client certificate and key (PEM) and a PKCS#12 bundle of them with passphrase `p12pass`.
    static func makeIdentity(in dir: URL, name: String = "client") throws -> (cert: URL, key: URL, p12: URL) {
        let cert = dir.appendingPathComponent("\(name).pem"), key = dir.appendingPathComponent("\(name).key")
        let p12 = dir.appendingPathComponent("\(name).p12")
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                     "-keyout", key.path, "-out", cert.path, "-days", "30", "-subj", "/CN=\(name)"])
        try openssl(["pkcs12", "-export", "-in", cert.path, "-inkey", key.path, "-out", p12.path,
                     "-passout", "pass:p12pass"])
        return (cert, key, p12)
    }

    static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl \(arguments.first ?? "") failed")
    }

    /// The certificate's SHA-256 fingerprint as `identity get --json` shows it.
    static func fingerprint(_ cli: CLIRunner, ssid: String = "lab") throws -> String {
        let get = try cli.run(["identity", "get", "--ssid", ssid, "--json"])
        let identity = try #require(try get.json()["identity"] as? [String: Any])
        return try #require((identity["certificate"] as? [String: Any])?["sha256Fingerprint"] as? String)
    }

    @Test func aPEMIdentityIsComparedByFingerprint() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let client = try Self.makeIdentity(in: cli.baseDirectory)
        let other = try Self.makeIdentity(in: cli.baseDirectory, name: "other")
        let missing = try cli.run(["identity", "check", "--ssid", "lab", "--fingerprint", String(repeating: "ab", count: 32), "--json"])
        #expect(missing.status == 67, "\(missing.stderr)")
        #expect(try missing.jsonError()["domain"] as? String == "store")   // no store yet: not-initialized
        try #require(try cli.run(["identity", "set", "--ssid", "lab", "--certificate", client.cert.path,
                                  "--private-key", client.key.path]).status == 0)
        let noItem = try cli.run(["identity", "check", "--ssid", "elsewhere", "--fingerprint", String(repeating: "ab", count: 32), "--json"])
        #expect(noItem.status == 67, "\(noItem.stderr)")
        #expect(try noItem.jsonError()["name"] as? String == "item-not-found")
        #expect(noItem.stdout.isEmpty)
        let fingerprint = try Self.fingerprint(cli)
        // Any spelling of the same fingerprint: colons or none, upper or lower case, a sha256: prefix.
        for spelling in [fingerprint, fingerprint.uppercased(), fingerprint.replacingOccurrences(of: ":", with: ""),
                         "SHA256:" + fingerprint.uppercased()] {
            let same = try cli.run(["identity", "check", "--ssid", "lab", "--fingerprint", spelling, "--json"])
            #expect(same.status == 0, "\(spelling): \(same.stderr)")
            #expect(try same.json()["matches"] as? Bool == true)
        }
        // The last hex digit changed.
        let last = fingerprint.last == "0" ? "1" : "0"
        let wrong = try cli.run(["identity", "check", "--ssid", "lab", "--fingerprint", String(fingerprint.dropLast()) + last, "--json"])
        #expect(wrong.status == 1 && wrong.stderr.isEmpty, "\(wrong.stderr)")
        #expect(try wrong.json()["matches"] as? Bool == false)
        // Another certificate's fingerprint (as openssl prints it) does not match either.
        try cli.run(["identity", "set", "--ssid", "other", "--certificate", other.cert.path, "--private-key", other.key.path])
        let otherFingerprint = try Self.fingerprint(cli, ssid: "other")
        #expect(try cli.run(["identity", "check", "--ssid", "lab", "--fingerprint", otherFingerprint]).status == 1)
        // Not a fingerprint: a usage error; a PKCS#12 bundle against a PEM identity: a usage error too.
        let malformed = try cli.run(["identity", "check", "--ssid", "lab", "--fingerprint", "abc", "--json"])
        #expect(malformed.status == 64)
        #expect(try malformed.jsonError()["name"] as? String == "invalid-argument")
        let wrongKind = try cli.run(["identity", "check", "--ssid", "lab", "--pkcs12", client.p12.path, "--json"])
        #expect(wrongKind.status == 64, "\(wrongKind.stderr)")
        // The private key never reaches the output.
        let keyText = try String(contentsOf: client.key, encoding: .utf8)
        let keyBody = try #require(keyText.split(separator: "\n").dropFirst().first)
        for result in [wrong, malformed, wrongKind] {
            #expect(!result.stdout.contains(keyBody) && !result.stderr.contains(keyBody))
        }
    }

    @Test func aPKCS12IdentityIsComparedByItsBytesAndPassphrase() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let client = try Self.makeIdentity(in: cli.baseDirectory)
        let other = try Self.makeIdentity(in: cli.baseDirectory, name: "other")
        try #require(try cli.run(["identity", "set", "--ssid", "lab", "--pkcs12", client.p12.path, "--passphrase-stdin"],
                                 stdin: "p12pass\n").status == 0)
        let same = try cli.run(["identity", "check", "--ssid", "lab", "--pkcs12", client.p12.path, "--json"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(try same.json()["matches"] as? Bool == true)
        #expect(try same.json()["kind"] as? String == "pkcs12")
        let samePassphrase = try cli.run(["identity", "check", "--ssid", "lab", "--pkcs12", client.p12.path,
                                          "--passphrase-stdin", "--json"], stdin: "p12pass\n")
        #expect(samePassphrase.status == 0, "\(samePassphrase.stderr)")
        let wrongPassphrase = try cli.run(["identity", "check", "--ssid", "lab", "--pkcs12", client.p12.path,
                                           "--passphrase-stdin", "--json"], stdin: "p12pasS\n")
        #expect(wrongPassphrase.status == 1)
        #expect(!wrongPassphrase.stdout.contains("p12pas") && !wrongPassphrase.stderr.contains("p12pas"))
        // The same bundle with its last byte changed, and another bundle.
        var bytes = try Data(contentsOf: client.p12)
        bytes[bytes.count - 1] ^= 0x01
        let tampered = cli.baseDirectory.appendingPathComponent("tampered.p12")
        try bytes.write(to: tampered)
        for file in [tampered, other.p12] {
            let result = try cli.run(["identity", "check", "--ssid", "lab", "--pkcs12", file.path, "--json"])
            #expect(result.status == 1, "\(file.lastPathComponent): \(result.stderr)")
            #expect(try result.json()["matches"] as? Bool == false)
        }
        // A fingerprint cannot be read from a stored bundle: said so, with the command that works.
        let byFingerprint = try cli.run(["identity", "check", "--ssid", "lab", "--fingerprint", String(repeating: "ab", count: 32), "--json"])
        #expect(byFingerprint.status == 64)
        #expect((try byFingerprint.jsonError()["hint"] as? String)?.contains("--pkcs12 FILE") == true)
        // Exactly one of --fingerprint and --pkcs12.
        #expect(try cli.run(["identity", "check", "--ssid", "lab"]).status == 64)
    }
}
