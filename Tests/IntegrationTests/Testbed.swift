import Foundation
import Testing

/// The wired 802.1X testbed the integration tests run against, read from its `testbed.env`
/// (`EAPOLCTL_TESTBED_ENV`; `scripts/test` sets it after `scripts/testbed up`).
///
/// Without `EAPOLCTL_TESTBED_ENV` the tests are skipped on a developer machine, but in CI (`CI` set) they run
/// and fail: a missing prerequisite in CI is a failure, not a skip.
struct Testbed: Sendable {
    /// Every variable of testbed.env.
    let values: [String: String]

    /// The variable `name` of testbed.env; a missing one fails the test with its name.
    func value(_ name: String) throws -> String {
        guard let value = values[name], !value.isEmpty else {
            throw TestbedUnavailable("testbed.env has no \(name); rebuild the testbed (scripts/testbed up --force)")
        }
        return value
    }

    var namespace: String { get throws { try value("TESTBED_NS_SUPP") } }
    var interface: String { get throws { try value("TESTBED_IF_SUPP") } }
    var busAddress: String { get throws { try value("DBUS_SYSTEM_BUS_ADDRESS") } }
    /// The RADIUS backend: `internal` (hostapd's EAP server) or `freeradius` (TESTBED_RADIUS; internal when absent).
    var radiusBackend: String { values["TESTBED_RADIUS"].flatMap { $0.isEmpty ? nil : $0 } ?? "internal" }

    /// The RADIUS backend of the testbed `EAPOLCTL_TESTBED_ENV` names, for test traits; nil without a readable one.
    static var environmentRadiusBackend: String? {
        guard let path = environmentPath, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Testbed(values: parseEnvironmentFile(text)).radiusBackend
    }

    // MARK: Availability

    static var environmentPath: String? {
        ProcessInfo.processInfo.environment["EAPOLCTL_TESTBED_ENV"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isCI: Bool {
        guard let ci = ProcessInfo.processInfo.environment["CI"] else { return false }
        return !ci.isEmpty && ci.lowercased() != "false" && ci != "0"
    }

    /// Whether the integration tests run at all: with a testbed, or in CI (where they then fail without one).
    static var shouldRun: Bool { environmentPath != nil || isCI }

    /// The testbed, or an error saying what is missing (the test fails with it).
    static func require() throws -> Testbed {
        guard let path = environmentPath else {
            throw TestbedUnavailable(
                "EAPOLCTL_TESTBED_ENV is not set, and CI is: the integration tests need the wired testbed. "
                    + "Run them with scripts/test (as root), or: sudo scripts/testbed up && "
                    + "EAPOLCTL_TESTBED_ENV=/tmp/eapolctl-testbed/testbed.env swift test --filter IntegrationTests")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TestbedUnavailable("EAPOLCTL_TESTBED_ENV=\(path) cannot be read: is the testbed up (scripts/testbed up)?")
        }
        return Testbed(values: parseEnvironmentFile(text))
    }

    /// Parses `export KEY=value` lines as the testbed writes them (bash `printf %q` quoting).
    static func parseEnvironmentFile(_ text: String) -> [String: String] {
        var values = [String: String]()
        for raw in text.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("export ") { line.removeFirst("export ".count) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<eq])
            var value = String(line[line.index(after: eq)...])
            if value.count >= 2, let first = value.first, first == value.last, first == "'" || first == "\"" {
                value = String(value.dropFirst().dropLast())
            } else if value.contains("\\") {
                // bash `printf %q` escapes with backslashes: drop each escaping backslash.
                var unescaped = "", escaping = false
                for c in value {
                    if c == "\\" && !escaping { escaping = true; continue }
                    unescaped.append(c)
                    escaping = false
                }
                value = unescaped
            }
            values[key] = value
        }
        return values
    }

    // MARK: Control (scripts/testbed)

    /// The repository root (for scripts/).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `scripts/testbed ARGS` for this testbed (same run directory and prefix); fails the test when it fails.
    @discardableResult
    func control(_ arguments: String...) async throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["EAPOLCTL_TESTBED_DIR"] = try value("EAPOLCTL_TESTBED_DIR")
        if let prefix = values["EAPOLCTL_TESTBED_PREFIX"] { environment["EAPOLCTL_TESTBED_PREFIX"] = prefix }
        let script = Self.repositoryRoot.appendingPathComponent("scripts/testbed").path
        let result = try await ProcessRunner.run(["/bin/bash", script] + arguments, environment: environment,
                                                 timeout: .seconds(30))
        guard result.status == 0 else {
            throw TestbedUnavailable("scripts/testbed \(arguments.joined(separator: " ")) failed:\n\(result)")
        }
        return result
    }

    /// `scripts/testbed hostapd restart`: clears hostapd's ~5 s hold-off on a MAC after an EAP failure.
    func restartAuthenticator() async throws { try await control("hostapd", "restart") }
}

/// The testbed (or a prerequisite of it) is missing or failed.
struct TestbedUnavailable: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Locates a program on the usual system paths.
func systemProgram(_ name: String) -> String {
    for dir in ["/usr/sbin", "/usr/bin", "/sbin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
        return "\(dir)/\(name)"
    }
    return "/usr/bin/\(name)"
}
