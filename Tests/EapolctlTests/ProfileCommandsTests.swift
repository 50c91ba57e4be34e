import Foundation
import Testing

/// The profile and secret commands, run as a user would run them.
@Suite struct ProfileCommandsTests {
    /// A throwaway CA made with openssl for this test.
    static func makeCA(in dir: URL, name: String = "Test CA") throws -> URL {
        let key = dir.appendingPathComponent("ca.key"), pem = dir.appendingPathComponent("ca.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                             "-keyout", key.path, "-out", pem.path, "-days", "30", "-subj", "/CN=\(name)",
                             "-addext", "basicConstraints=critical,CA:TRUE"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        try FileManager.default.removeItem(at: key)
        return pem
    }

    @Test func eapolcfgSequenceRoundTrips() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let ca = try Self.makeCA(in: cli.baseDirectory)
        let created = try cli.run(["createProfile", "--authType", "PEAP", "--SSID", "myssid", "--securityType", "WPA2",
                                   "--userDefinedName", "MyProfile", "--trustedCertificate", ca.path,
                                   "--trustedServerName", "radius.example.org"])
        #expect(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(UUID(uuidString: id) != nil)

        let set = try cli.run(["setPasswordItem", "--password", "-", "--name", "myname", "--SSID", "myssid"],
                              stdin: "secret\n")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(!set.stderr.contains("visible"), "stdin input must not warn about argv")

        let list = try cli.run(["listProfiles", "--details"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("MyProfile") && list.stdout.contains("myssid") && list.stdout.contains(id))
        #expect(list.stdout.contains("radius.example.org"))

        let get = try cli.run(["getPasswordItem", "--name", "--password", "--SSID", "myssid"])
        #expect(get.status == 0)
        #expect(get.stdout.contains("Name: myname"))
        #expect(get.stdout.contains("Password: ************"))
        #expect(!get.stdout.contains("secret"))

        let show = try cli.run(["profile", "show", "--ssid", "myssid", "--json"])
        #expect(show.status == 0)
        let profile = try #require(try show.json()["profile"] as? [String: Any])
        #expect(profile["id"] as? String == id)
        #expect(profile["name"] as? String == "MyProfile")
        #expect(profile["insecure"] as? Bool == false)
        let inner = try #require(profile["profile"] as? [String: Any])
        let binding = try #require(inner["binding"] as? [String: Any])
        #expect(binding["ssid"] as? String == "myssid")
        #expect(binding["security"] as? String == "wpa2")
        let certificates = try #require(profile["certificates"] as? [[String: Any]])
        #expect(certificates.first?["subject"] as? String == "CN=Test CA")

        // The password is nowhere in clear under the state or key directory.
        for dir in [cli.stateDir, cli.keyFile.deletingLastPathComponent()] {
            let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
            #expect(!files.isEmpty)
            for file in files {
                let data = (try? Data(contentsOf: file)) ?? Data()
                #expect(data.range(of: Data("secret".utf8)) == nil, "password in clear in \(file.path)")
            }
        }
    }

    @Test func createWithoutTrustSettingsNamesWhatIsMissing() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["createProfile", "--authType", "PEAP", "--SSID", "myssid", "--securityType", "WPA2",
                                  "--userDefinedName", "MyProfile", "--json"])
        #expect(result.status == 65)
        let error = try result.jsonError()
        #expect(error["domain"] as? String == "profile")
        let details = try #require(error["details"] as? [String: Any])
        let problems = try #require(details["problemIDs"] as? [String])
        #expect(Set(problems) == ["missing-trust-anchor", "missing-server-name"])
        #expect((error["message"] as? String)?.contains("trust") == true)
        // Nothing was saved.
        #expect(try cli.run(["profile", "list", "--json"]).json()["profiles"] as? [Any] == nil
                || (try cli.run(["profile", "list", "--json"]).json()["profiles"] as? [Any])?.isEmpty == true)
    }

    @Test func insecureOptOutIsRecordedAndShownLoudly() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let created = try cli.run(["createProfile", "--authType", "TTLS", "--SSID", "lab", "--securityType", "WPA2",
                                   "--TTLSInnerAuthentication", "PAP", "--insecure-no-server-validation"])
        #expect(created.status == 0)
        #expect(created.stderr.contains("NOT validated"))
        let show = try cli.run(["showProfile", "--SSID", "lab"])
        #expect(show.stdout.contains("INSECURE"))
        let list = try cli.run(["profile", "list"])
        #expect(list.stdout.contains("INSECURE"))
    }

    @Test func wepIsRefusedWithAReason() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["createProfile", "--authType", "PEAP", "--SSID", "old", "--securityType", "WEP",
                                  "--insecure-no-server-validation", "--json"])
        #expect(result.status == 65)
        let error = try result.jsonError()
        #expect(error["name"] as? String == "unsupported-security-type")
        #expect((error["message"] as? String)?.contains("WEP") == true)
    }

    @Test func oneProfilePerSSID() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let args = ["createProfile", "--authType", "PEAP", "--SSID", "dup", "--insecure-no-server-validation", "--json"]
        #expect(try cli.run(args).status == 0)
        let second = try cli.run(args)
        #expect(second.status == 65)
        #expect(try second.jsonError()["name"] as? String == "duplicate-ssid")
    }

    @Test func eapolcfgCommandNamesAreCaseInsensitive() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["LISTPROFILES"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No profiles"))
    }

    @Test func passwordOnTheCommandLineWorksButWarns() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["password", "set", "--default", "--username", "u", "--password", "p4ss"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("visible to other users"))
        let get = try cli.run(["password", "get", "--default", "--json"])
        let item = try #require(try get.json()["item"] as? [String: Any])
        #expect(item["username"] as? String == "u")
        #expect(item["password"] as? String == "************")
        #expect(!get.stdout.contains("p4ss"))
    }

    @Test func removingAProfileRemovesItsSecrets() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let created = try cli.run(["profile", "create", "--name", "Gone", "--ssid", "gone", "--method", "peap",
                                   "--insecure-no-server-validation"])
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run(["password", "set", "--ssid", "gone", "--username", "a", "--password", "-"], stdin: "x").status == 0)
        #expect(try cli.run(["password", "set", "--profile", id, "--username", "b", "--password", "-"], stdin: "y").status == 0)
        let removed = try cli.run(["removeProfile", "--SSID", "gone", "--json"])
        #expect(removed.status == 0)
        let list = try cli.run(["password", "list", "--json"])
        #expect((try list.json()["items"] as? [Any])?.isEmpty == true)
    }

    @Test func everyExampleProfileImportsThroughTheCLI() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let dir = CLIRunner.repositoryRoot.appendingPathComponent("Profiles")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 4)
        for file in files {
            let result = try cli.run(["profile", "import", dir.appendingPathComponent(file).path])
            #expect(result.status == 0, "\(file): \(result.stderr)")
        }
        let list = try cli.run(["profile", "list", "--json"])
        #expect((try list.json()["profiles"] as? [Any])?.count == files.count)
    }

    @Test func tamperedStoreIsReportedAndLeftUntouched() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        #expect(try cli.run(["password", "set", "--default", "--username", "u", "--password", "-"], stdin: "pw").status == 0)
        let store = cli.stateDir.appendingPathComponent("credentials.store")
        var bytes = try Data(contentsOf: store)
        bytes[bytes.count - 40] ^= 0x01
        try bytes.write(to: store)
        let result = try cli.run(["password", "get", "--default", "--json"])
        #expect(result.status == 67)
        #expect(try result.jsonError()["name"] as? String == "tampered")
        #expect(try Data(contentsOf: store) == bytes)
    }

    @Test func exportThenImportWithReplaceRoundTrips() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let ca = try Self.makeCA(in: cli.baseDirectory)
        #expect(try cli.run(["profile", "create", "--name", "Round", "--ssid", "hex:ff00ab", "--security", "wpa3",
                             "--method", "ttls", "--inner", "pap", "--ca-cert", ca.path, "--server-name", "exact:r.example.org"]).status == 0)
        let exported = try cli.run(["profile", "export", "--ssid", "hex:ff00ab"])
        #expect(exported.status == 0)
        let file = cli.baseDirectory.appendingPathComponent("round.json")
        try exported.stdout.write(to: file, atomically: true, encoding: .utf8)
        let again = try cli.run(["profile", "import", file.path])
        #expect(again.status == 65, "importing the same ID twice needs --replace")
        #expect(try cli.run(["profile", "import", file.path, "--replace"]).status == 0)
        #expect(try cli.run(["profile", "export", "Round"]).stdout == exported.stdout)
    }
}

@Suite struct PassphraseStoreTests {
    @Test func passphraseModeUnlocksFromTheEnvironmentAndRekeys() throws {
        var cli = try CLIRunner()
        defer { cli.cleanUp() }
        let passFile = cli.baseDirectory.appendingPathComponent("pass")
        try "correct horse\n".write(to: passFile, atomically: true, encoding: .utf8)
        cli.environment["EAPOLCTL_PASSPHRASE_FILE"] = passFile.path
        let initialized = try cli.run(["store", "init", "--passphrase", "--json"])
        #expect(initialized.status == 0, "\(initialized.stderr)")
        let store = try #require(try initialized.json()["store"] as? [String: Any])
        #expect(store["mode"] as? String == "passphrase")
        #expect(!FileManager.default.fileExists(atPath: cli.keyFile.path), "no key file in passphrase mode")
        #expect(try cli.run(["password", "set", "--default", "--username", "u", "--password", "-"], stdin: "pw").status == 0)

        try "wrong horse\n".write(to: passFile, atomically: true, encoding: .utf8)
        let wrong = try cli.run(["password", "get", "--default", "--json"])
        #expect(wrong.status == 67)
        #expect(try wrong.jsonError()["name"] as? String == "wrong-key")

        try "correct horse\n".write(to: passFile, atomically: true, encoding: .utf8)
        let rekeyed = try cli.run(["store", "rekey", "--to", "key-file", "--json"])
        #expect(rekeyed.status == 0, "\(rekeyed.stderr)")
        cli.environment.removeValue(forKey: "EAPOLCTL_PASSPHRASE_FILE")
        let get = try cli.run(["password", "get", "--default", "--json"])
        #expect(get.status == 0, "\(get.stderr)")
        #expect((try get.json()["item"] as? [String: Any])?["username"] as? String == "u")
    }

    @Test func groupReadableStoreIsRefusedSayingWhy() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        #expect(try cli.run(["password", "set", "--default", "--username", "u", "--password", "-"], stdin: "pw").status == 0)
        let store = cli.stateDir.appendingPathComponent("credentials.store")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: store.path)
        let result = try cli.run(["password", "get", "--default", "--json"])
        #expect(result.status == 67)
        let error = try result.jsonError()
        #expect(error["name"] as? String == "insecure-permissions")
        #expect((error["hint"] as? String)?.contains("chmod 600") == true || (error["message"] as? String)?.contains("chmod 600") == true)
    }
}
