import Foundation
import Testing

/// DHCP helpers on top of the shared harness: a PEAP profile with its password, the supplicant-side address, a
/// harmless hook script for external clients, and leftover-client cleanup (by pid, in our namespace only).
struct DHCPScenario: Sendable {
    let s: Scenario
    let profile: String


    /// Runs `body` with a PEAP profile ready, the interface's addresses flushed before and after.
    static func run(_ body: (DHCPScenario) async throws -> Void) async throws {
        try await Scenario.run { s in
            let user = try s.testbed.value("TESTBED_PEAP_USER")
            let id = try await s.cli.createProfile(name: "peap-dhcp", method: "peap", inner: "mschapv2", username: user)
            try await s.cli.setPassword(profile: id, username: user, password: try s.testbed.value("TESTBED_PEAP_PASS"))
            let d = DHCPScenario(s: s, profile: id)
            try await d.flushAddresses()
            do {
                try await body(d)
            } catch {
                await d.killLeftoverClients()
                try? await d.flushAddresses()
                throw error
            }
            await d.killLeftoverClients()
            try await d.flushAddresses()
        }
    }

    /// scripts/lib/dhcp-hook.sh: only `ip`, so the external clients never write the host's /etc/resolv.conf.
    var hookPath: String {
        get throws { Testbed.repositoryRoot.appendingPathComponent("scripts/lib/dhcp-hook.sh").path }
    }

    /// `ip -n NS_SUPP …` / `ip -n NS_AUTH …`.
    @discardableResult
    func ip(_ namespaceKey: String, _ arguments: String...) async throws -> ProcessResult {
        let result = try await ProcessRunner.run([systemProgram("ip"), "-n", try s.testbed.value(namespaceKey)] + arguments,
                                                 environment: [:], timeout: .seconds(10))
        guard result.status == 0 else { throw TestbedUnavailable("ip failed:\n\(result)") }
        return result
    }

    func flushAddresses() async throws {
        try await ip("TESTBED_NS_SUPP", "-4", "addr", "flush", "dev", try s.testbed.interface)
    }

    /// The IPv4 addresses on the supplicant-side interface.
    func addresses() async throws -> [String] {
        let out = try await ip("TESTBED_NS_SUPP", "-4", "-o", "addr", "show", "dev", try s.testbed.interface).stdout
        return out.matches(of: #/inet (\d+\.\d+\.\d+\.\d+)\//#).map { String($0.output.1) }
    }

    /// Whether `address` is in the testbed's DHCP pool (198.18.0.100–199).
    static func inPool(_ address: String) -> Bool {
        let parts = address.split(separator: ".").compactMap { Int($0) }
        return parts.count == 4 && parts[0] == 198 && parts[1] == 18 && parts[2] == 0 && (100...199).contains(parts[3])
    }

    /// Kills DHCP clients left in our namespace for the test interface (dhclient's daemon, also one eapolctl restarted
    /// under its own pid file), by pid: every one there was started by this test run.
    func killLeftoverClients() async {
        guard let ns = try? s.testbed.namespace, let iface = try? s.testbed.interface,
              let out = try? await ProcessRunner.run([systemProgram("ip"), "netns", "pids", ns], environment: [:],
                                                     timeout: .seconds(5)) else { return }
        for pid in out.stdout.split(separator: "\n").compactMap({ Int32($0) }) {
            guard let cmd = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8) else { continue }
            let argv = cmd.split(separator: "\0").map(String.init)
            guard let name = argv.first.map({ URL(fileURLWithPath: $0).lastPathComponent }),
                  ["dhclient", "dhcpcd", "udhcpc"].contains(name), argv.contains(iface) else { continue }
            kill(pid, SIGTERM)
        }
    }

    /// dnsmasq's log (to find the exchanges after a point).
    func dnsmasqLog() throws -> String {
        (try? String(contentsOfFile: try s.testbed.value("TESTBED_DNSMASQ_LOG"), encoding: .utf8)) ?? ""
    }

    /// `auth start … --dhcp BACKEND --json`.
    func authStart(dhcp backend: String, dhcpTimeout: Int = 15) async throws -> ProcessResult {
        var args = ["auth", "start", "--interface", try s.testbed.interface, "--profile", profile, "--timeout", "10",
                    "--dhcp", backend, "--dhcp-timeout", String(dhcpTimeout), "--json"]
        if !["builtin", "none"].contains(backend) { args += ["--dhcp-script", try hookPath] }
        return try await s.cli.run(args, timeout: .seconds(10 + dhcpTimeout + 15))
    }

    /// The `result.dhcp` object of `auth start --json`.
    static func dhcpObject(_ result: ProcessResult) -> [String: Any]? {
        guard let last = result.stdoutLines.last, let object = AuthOutput.object(last),
              let r = object["result"] as? [String: Any] else { return nil }
        return r["dhcp"] as? [String: Any]
    }
}
