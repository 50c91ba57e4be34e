import Foundation
import Testing

/// Issue 10 as a new user meets it: two state directories with one key-file path.
@Suite struct StoreKeyFileCommandsTests {
    /// Store A's runner and a runner for store B: another state directory, the same key file.
    static func twoStores() throws -> (a: CLIRunner, b: CLIRunner) {
        let a = try CLIRunner()
        var b = a
        b.environment["EAPOLCTL_STATE_DIR"] = a.baseDirectory.appendingPathComponent("stateB").path
        return (a, b)
    }

    static func setPassword(_ cli: CLIRunner, _ ssid: String, _ user: String, _ password: String) throws -> CLIRunner.Result {
        try cli.run(["password", "set", "--ssid", ssid, "--username", user, "--password", "-", "--json"], stdin: password)
    }

    @Test func theReproductionNowLeavesStoreBReadable() throws {
        let (a, b) = try Self.twoStores()
        defer { a.cleanUp() }
        let keyFile = a.keyFile.path
        let stateB = try #require(b.environment["EAPOLCTL_STATE_DIR"])

        #expect(try a.run(["store", "init"]).status == 0)
        // B's init no longer takes A's key file silently, nor does B's first `password set`.
        let refused = try b.run(["store", "init", "--json"])
        #expect(refused.status == 67)
        let error = try refused.jsonError()
        #expect(error["name"] as? String == "key-file-in-use")
        #expect((error["message"] as? String)?.contains(keyFile) == true)
        #expect((error["hint"] as? String)?.contains("eapolctl store init --reuse-key-file") == true)
        let implicit = try Self.setPassword(b, "B", "ub", "pb")
        #expect(implicit.status == 67)
        #expect(try implicit.jsonError()["name"] as? String == "key-file-in-use")
        #expect(!FileManager.default.fileExists(atPath: stateB + "/credentials.store"))

        // Asked for, it shares the key and says so.
        let reused = try b.run(["store", "init", "--reuse-key-file", "--json"])
        #expect(reused.status == 0, "\(reused.stderr)")
        #expect(try reused.json()["reusedKeyFile"] as? Bool == true)
        #expect(try Self.setPassword(a, "A", "ua", "pa").status == 0)
        #expect(try Self.setPassword(b, "B", "ub", "pb").status == 0)

        // The step that destroyed B before: rekey A to a fresh key file.
        let rekeyed = try a.run(["store", "rekey", "--to", "key-file", "--json"])
        #expect(rekeyed.status == 0, "\(rekeyed.stderr)")
        let rekey = try #require(try rekeyed.json()["rekey"] as? [String: Any])
        #expect(rekey["previousKeyKeptAt"] as? String == keyFile + ".old")
        #expect(rekey["keyFile"] as? String == keyFile)
        let aGet = try a.run(["password", "get", "--ssid", "A", "--json"])
        #expect(aGet.status == 0, "\(aGet.stderr)")

        // B's status names the problem and the file that holds its key ...
        let status = try b.run(["store", "status", "--json"])
        #expect(status.status == 67)
        let foreign = try status.jsonError()
        #expect(foreign["name"] as? String == "foreign-key")
        #expect((foreign["message"] as? String)?.contains("belongs to another store") == true)
        let details = try #require(foreign["details"] as? [String: Any])
        #expect(details["storeKeyFile"] as? String == keyFile + ".old")
        #expect(details["keyFileKeyID"] as? String == rekey["keyID"] as? String)
        // ... and B, whole, opens with it.
        let bGet = try b.run(["password", "get", "--ssid", "B", "--key-file", keyFile + ".old", "--json"])
        #expect(bGet.status == 0, "\(bGet.stderr)")
        #expect((try bGet.json()["item"] as? [String: Any])?["username"] as? String == "ub")
        let bStatus = try b.run(["store", "status", "--key-file", keyFile + ".old", "--json"])
        #expect(bStatus.status == 0, "\(bStatus.stderr)")
        #expect((try bStatus.json()["store"] as? [String: Any])?["keyID"] as? String == details["storeKeyID"] as? String)
    }

    @Test func rekeyAndInitTellTheUserWhatHappenedInText() throws {
        let (a, b) = try Self.twoStores()
        defer { a.cleanUp() }
        let keyFile = a.keyFile.path
        let created = try a.run(["store", "init"])
        #expect(created.status == 0 && created.stdout.contains("key ID "))
        let reused = try b.run(["store", "init", "--reuse-key-file"])
        #expect(reused.status == 0)
        #expect(reused.stdout.contains("Reused the existing key file \(keyFile)"))
        let rekeyed = try a.run(["store", "rekey", "--to", "key-file"])
        #expect(rekeyed.status == 0, "\(rekeyed.stderr)")
        #expect(rekeyed.stdout.contains("The previous key was kept as \(keyFile).old"))
        let status = try a.run(["store", "status"])
        #expect(status.stdout.contains("Key ID:"), "\(status.stdout)")
        let wrong = try b.run(["store", "status"])
        #expect(wrong.status == 67)
        #expect(wrong.stderr.contains("\(keyFile).old holds this store's key"), "\(wrong.stderr)")
    }
}
