import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM and SIGINT during an import, onboard or removal: the transaction stops at its next step, puts every
/// file back, reports `system.interrupted`, and the process then ends by the signal itself. SIGKILL cannot be
/// caught: each store (the profile files with their index, the encrypted store) is then whole — entirely as
/// before or entirely as after — because each is written in one batch of atomic renames under its lock.
@Suite(.serialized) struct TransactionSignalTests {
    static let paused = ["start", "profiles-written", "secrets-written"]

    @Test func sigtermOrSigintAtEveryStepRollsBackAndEndsByTheSignal() throws {
        let scenario = try TransactionScenario()
        defer { scenario.cleanUp() }
        for command in scenario.commands {
            for (i, step) in Self.paused.enumerated() {
                let sig = i % 2 == 0 ? SIGTERM : SIGINT
                let before = try scenario.state()
                let run = try BackgroundCLI(scenario.cli, command.arguments, stdin: command.stdin,
                                            environment: ["EAPOLCTL_TEST_PAUSE_AT": step])
                #expect(run.waitFor("eapolctl-test: paused at \(step)"), "\(command.name)")
                kill(run.process.processIdentifier, sig)
                let end = run.finish()
                #expect(end.reason == .uncaughtSignal && end.status == sig, "\(command.name) at \(step): \(end)")
                #expect(end.stderr.contains("interrupted"), "\(command.name) at \(step): \(end.stderr)")
                let after = try scenario.state()
                #expect(after == before, "\(command.name) killed at \(step) changed \(after.differences(from: before))")
            }
        }
    }

    /// SIGKILL at each step, on a fresh copy of the state each time: every store is entirely old or entirely
    /// new, the store still opens with the key, and the profiles list.
    @Test func sigkillAtEveryStepLeavesEachStoreWholeOldOrWholeNew() throws {
        let scenario = try TransactionScenario()
        defer { scenario.cleanUp() }
        let state = scenario.cli.stateDir.path
        let pristine = scenario.cli.baseDirectory.appendingPathComponent("pristine").path
        try FileManager.default.copyItem(atPath: state, toPath: pristine)
        func reset() throws {
            try FileManager.default.removeItem(atPath: state)
            try FileManager.default.copyItem(atPath: pristine, toPath: state)
        }
        for command in scenario.commands {
            try reset()
            let old = try scenario.state()
            let oldUsers = try usernames(scenario.cli)
            let done = try scenario.cli.run(command.arguments, stdin: command.stdin)
            #expect(done.status == 0, "\(done.stderr)")
            let new = try scenario.state()
            let newUsers = try usernames(scenario.cli)
            for step in Self.paused {
                try reset()
                let run = try BackgroundCLI(scenario.cli, command.arguments, stdin: command.stdin,
                                            environment: ["EAPOLCTL_TEST_PAUSE_AT": step])
                #expect(run.waitFor("eapolctl-test: paused at \(step)"))
                kill(run.process.processIdentifier, SIGKILL)
                let end = run.finish()
                #expect(end.reason == .uncaughtSignal && end.status == SIGKILL)
                let now = try scenario.state()
                let store = "credentials.store"
                // Before the secrets step the store is exactly the old file; at it, a whole new file that opens.
                if step != "secrets-written" {
                    #expect(now.entries[store] == old.entries[store], "\(command.name) at \(step): the store changed early")
                }
                // The profile side (profile files, trust hints, index entries): exactly old before its batch,
                // exactly new after it (the index header records the directory's mtime, so its entries are compared).
                let profileSide = { (tree: StateTree) in
                    tree.entries.filter { !$0.key.hasPrefix("credentials.") && $0.key != "profiles.index" }
                }
                let expected = step == "start" ? old : new
                #expect(profileSide(now) == profileSide(expected),
                        "\(command.name) at \(step): \(now.differences(from: expected))")
                #expect(now.indexEntries == expected.indexEntries, "\(command.name) at \(step): index")
                let users = try scenario.cli.run(["password", "list", "--json"])
                #expect(users.status == 0, "\(command.name) at \(step): the store no longer opens: \(users.stderr)")
                let names = try #require(try users.json()["items"] as? [[String: Any]]).compactMap { $0["username"] as? String }
                #expect(names.sorted() == (step == "secrets-written" ? newUsers : oldUsers),
                        "\(command.name) at \(step)")
                let list = try scenario.cli.run(["profile", "list", "--json"])
                #expect(list.status == 0, "\(list.stderr)")
            }
        }
    }

    func usernames(_ cli: CLIRunner) throws -> [String] {
        let result = try cli.run(["password", "list", "--json"])
        return try #require(try result.json()["items"] as? [[String: Any]]).compactMap { $0["username"] as? String }.sorted()
    }
}
