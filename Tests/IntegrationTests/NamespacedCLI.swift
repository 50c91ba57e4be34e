import Foundation
import Testing

/// Runs the built `eapolctl` inside the testbed's supplicant namespace, the way an admin on that machine would:
/// `ip netns exec NS env DBUS_SYSTEM_BUS_ADDRESS=… EAPOLCTL_STATE_DIR=… EAPOLCTL_KEY_FILE=… eapolctl …`, with a
/// fresh state directory and key file of its own (removed by ``cleanUp()``).
struct NamespacedCLI: Sendable {
    let testbed: Testbed
    let baseDirectory: URL
    var stateDirectory: String { baseDirectory.appendingPathComponent("state").path }
    var keyFile: String { baseDirectory.appendingPathComponent("keys/store.key").path }

    init(testbed: Testbed) throws {
        self.testbed = testbed
        baseDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("eapolctl-integration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: baseDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// The eapolctl binary: `EAPOLCTL_BINARY`, else the one next to the test bundle, else .build/debug.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["EAPOLCTL_BINARY"], !path.isEmpty { return path }
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDir, bundleDir.deletingLastPathComponent(),
                          bundleDir.deletingLastPathComponent().deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("eapolctl")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        return Testbed.repositoryRoot.appendingPathComponent(".build/debug/eapolctl").path
    }

    /// Runs `eapolctl ARGS` in the supplicant namespace.
    /// - Parameters:
    ///   - stdin: text fed to stdin (passwords go this way, never in argv).
    ///   - timeout: the process is killed after this long (a hang fails the test instead of stalling the run).
    ///   - onStdoutLine: called for each stdout line as it arrives (progress events).
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, timeout: Duration = .seconds(30),
             onStdoutLine: (@Sendable (String) -> Void)? = nil) async throws -> ProcessResult {
        let binary = Self.binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TestbedUnavailable("no eapolctl binary at \(binary): build first (swift build) or set EAPOLCTL_BINARY")
        }
        let environment = [
            "DBUS_SYSTEM_BUS_ADDRESS": try testbed.busAddress,
            "EAPOLCTL_STATE_DIR": stateDirectory,
            "EAPOLCTL_KEY_FILE": keyFile,
        ]
        let argv = [systemProgram("ip"), "netns", "exec", try testbed.namespace, systemProgram("env")]
            + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [binary] + arguments
        let inherited = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin",
                         "HOME": baseDirectory.path]
        return try await ProcessRunner.run(argv, environment: inherited, stdin: stdin.map { Data($0.utf8) },
                                           timeout: timeout, onStdoutLine: onStdoutLine)
    }

    /// Runs a set-up command that must succeed (profile create, password set, ...).
    @discardableResult
    func succeed(_ arguments: [String], stdin: String? = nil) async throws -> ProcessResult {
        let result = try await run(arguments, stdin: stdin)
        guard result.status == 0 else {
            throw TestbedUnavailable("set-up command failed:\n\(result)")
        }
        return result
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: baseDirectory)
    }

    // MARK: Set-up through the real CLI

    /// `profile create` for the wired testbed port; returns the new profile's ID.
    /// - Parameters:
    ///   - method: peap, ttls or tls; `inner` its inner method.
    ///   - caCertificate: the trust anchor (default: the testbed CA).
    ///   - serverName: the required server name (default: the testbed's).
    func createProfile(name: String, method: String, inner: String? = nil, username: String? = nil,
                       caCertificate: String? = nil, serverName: String? = nil) async throws -> String {
        var arguments = ["profile", "create", "--name", name, "--method", method,
                         "--outer-identity", try testbed.value("TESTBED_ANON_IDENTITY"),
                         "--ca-cert", try caCertificate ?? testbed.value("TESTBED_CA"),
                         "--server-name", try serverName ?? testbed.value("TESTBED_SERVER_NAME")]
        if let inner { arguments += ["--inner", inner] }
        if let username { arguments += ["--username", username] }
        let result = try await succeed(arguments)
        return try Self.profileID(in: result)
    }

    /// The profile ID a create/import command printed (JSON or text).
    static func profileID(in result: ProcessResult) throws -> String {
        let pattern = #/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/#
        guard let match = result.stdout.firstMatch(of: pattern) else {
            throw TestbedUnavailable("no profile ID in the output of:\n\(result)")
        }
        return String(match.output)
    }

    /// `password set --profile ID --username U --password -`, the password on stdin.
    func setPassword(profile: String, username: String, password: String) async throws {
        try await succeed(["password", "set", "--profile", profile, "--username", username, "--password", "-"],
                          stdin: password + "\n")
    }

    /// `identity set --profile ID --pkcs12 P12 --passphrase-file F` with the testbed's client identity.
    func setTestbedIdentity(profile: String) async throws {
        try await succeed(["identity", "set", "--profile", profile,
                           "--pkcs12", try testbed.value("TESTBED_CLIENT_P12"),
                           "--passphrase-file", try testbed.value("TESTBED_CLIENT_P12_PASS_FILE")])
    }

    // MARK: auth

    /// `auth start --interface IF --profile ID --timeout S --json`.
    func authStart(profile: String, timeout seconds: Int = 10, onStdoutLine: (@Sendable (String) -> Void)? = nil)
        async throws -> ProcessResult {
        // --dhcp builtin, not the default auto: auto drives a DHCP client it finds running on the interface (one a
        // DHCP test left) and restarts it without a hook script, i.e. with the system hooks, which rewrite the
        // host's /etc/resolv.conf. The builtin client applies the address in the namespace and nothing else.
        try await run(["auth", "start", "--interface", try testbed.interface, "--profile", profile,
                       "--timeout", String(seconds), "--dhcp", "builtin", "--json"],
                      timeout: .seconds(seconds + 15), onStdoutLine: onStdoutLine)
    }

    /// `auth stop --interface IF`.
    @discardableResult
    func authStop() async throws -> ProcessResult {
        try await run(["auth", "stop", "--interface", try testbed.interface, "--json"], timeout: .seconds(15))
    }

    /// `auth state --interface IF --json`.
    func authState() async throws -> ProcessResult {
        try await run(["auth", "state", "--interface", try testbed.interface, "--json"], timeout: .seconds(15))
    }
}
