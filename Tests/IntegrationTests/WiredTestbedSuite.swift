import Foundation
import Testing

/// Root of every integration test: one testbed, so every test (including the nested suites, which inherit the
/// trait) runs one at a time.
@Suite(
    "Wired 802.1X testbed", .serialized,
    .enabled(if: Testbed.shouldRun,
             """
             EAPOLCTL_TESTBED_ENV is not set: no wired testbed (sudo scripts/testbed up, then \
             EAPOLCTL_TESTBED_ENV=/tmp/eapolctl-testbed/testbed.env swift test --filter IntegrationTests). \
             In CI (CI set) these tests fail instead of skipping.
             """)
)
struct WiredTestbed {}

/// One test's world: the testbed, a fresh state directory, and the supplicant inspector.
struct Scenario: Sendable {
    let testbed: Testbed
    let cli: NamespacedCLI
    let supplicant: SupplicantInspector

    /// Prepares a scenario; throws (failing the test) without a testbed.
    static func make() throws -> Scenario {
        let testbed = try Testbed.require()
        return Scenario(testbed: testbed, cli: try NamespacedCLI(testbed: testbed),
                        supplicant: SupplicantInspector(testbed: testbed))
    }

    /// Runs `body`, then always removes our network (auth stop) and the state directory.
    static func run(_ body: (Scenario) async throws -> Void) async throws {
        let scenario = try make()
        do {
            try await body(scenario)
        } catch {
            _ = try? await scenario.cli.authStop()
            scenario.cli.cleanUp()
            throw error
        }
        _ = try? await scenario.cli.authStop()
        scenario.cli.cleanUp()
    }

    /// Expects `auth start` to have authenticated with `authMode`.
    func expectAuthenticated(_ result: ProcessResult, authMode: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let output = AuthOutput(result)
        #expect(result.status == 0, "auth start failed:\n\(result)", sourceLocation: sourceLocation)
        #expect(output.status == "authenticated", "no authenticated result:\n\(result)", sourceLocation: sourceLocation)
        #expect(output.authMode == authMode, "authMode \(output.authMode ?? "nil"), expected \(authMode)",
                sourceLocation: sourceLocation)
        #expect(!output.events.isEmpty, "no progress events before the result:\n\(result)", sourceLocation: sourceLocation)
    }

    /// Expects a structured failure with `status`, `domain` and `name`.
    func expectFailure(_ result: ProcessResult, status: Int32, domain: String, name: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let output = AuthOutput(result)
        #expect(!result.timedOut, "eapolctl hung and was killed:\n\(result)", sourceLocation: sourceLocation)
        #expect(result.status == status, "exit status \(result.status), expected \(status):\n\(result)",
                sourceLocation: sourceLocation)
        #expect(output.errorDomain == domain && output.errorName == name,
                "error \(output.errorDomain ?? "nil")/\(output.errorName ?? "nil"), expected \(domain)/\(name):\n\(result)",
                sourceLocation: sourceLocation)
    }

    /// Expects the supplicant to hold no network and no blob on the testbed interface.
    func expectSupplicantClean(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (networks, blobs) = try await supplicant.leftovers()
        #expect(networks.isEmpty, "wpa_supplicant still holds networks \(networks)", sourceLocation: sourceLocation)
        #expect(blobs.isEmpty, "wpa_supplicant still holds blobs \(blobs)", sourceLocation: sourceLocation)
    }

    /// Expects `auth state --json` to answer with a `state` object.
    func expectState(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await cli.authState()
        #expect(result.status == 0, "auth state failed:\n\(result)", sourceLocation: sourceLocation)
        let object = AuthOutput.object(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(object?["state"] is [String: Any], "auth state printed no {\"state\": {...}}:\n\(result)",
                sourceLocation: sourceLocation)
    }
}
