import Foundation
import Testing

/// `profile remove` also deletes the profile's remembered association (`STATE/associations/<UUID>.json`, the scan
/// hint's source), like its trust hint; another profile's record stays.
@Suite struct ProfileRemoveAssociationTests {
    @Test func removingAProfileForgetsWhereItAssociated() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let created = try cli.run(["profile", "create", "--name", "Corp", "--ssid", "corp", "--method", "peap",
                                   "--ca-cert", ca.path, "--server-name", "radius.example.org", "--username", "alice"])
        try #require(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let directory = cli.stateDir.appendingPathComponent("associations")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let record = directory.appendingPathComponent(id.uppercased() + ".json")
        let other = directory.appendingPathComponent(UUID().uuidString.uppercased() + ".json")
        let text = #"{"bssids":[],"frequencies":[2412],"recordedAt":1800000000,"ssidHex":"636f7270"}"#
        try Data(text.utf8).write(to: record)
        try Data(text.utf8).write(to: other)
        let removed = try cli.run(["profile", "remove", id, "--json"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: record.path))
        #expect(FileManager.default.fileExists(atPath: other.path))
    }
}
