import Foundation
import Testing

extension WiredTestbed {
    /// `watch`: link flaps, a supplicant restart and a short lease on the real testbed.
    @Suite("Watch")
    struct Watch {
        @Test("a link flap on the authenticator side ends with re-authentication and a fresh DHCP exchange")
        func linkFlap() async throws {
            try await DHCPScenario.run { d in
                _ = try await d.authStart(dhcp: "builtin")
                let w = try JSONLinesProcess.watch(d, extra: ["--dhcp", "builtin"])
                _ = try await w.wait(for: "dhcp-bound")
                let logBefore = try d.dnsmasqLog().count
                let mark = w.events.count
                let authIf = try d.s.testbed.value("TESTBED_IF_AUTH")
                try await d.ip("TESTBED_NS_AUTH", "link", "set", authIf, "down")
                _ = try await w.wait(for: "link-down", after: mark)
                try await Task.sleep(for: .milliseconds(500))
                try await d.ip("TESTBED_NS_AUTH", "link", "set", authIf, "up")
                let bound = try await w.wait(for: "dhcp-bound", after: mark)
                let result = try await w.stop()
                #expect(result.status == 0, "watch did not exit 0 on SIGTERM:\n\(result)")
                #expect(w.names().last == "stopping")
                let after = Array(w.names().dropFirst(mark))
                #expect(after.contains("link-up") && after.contains("reauthenticating") && after.contains("authenticated"),
                        "\(after)")
                #expect(bound["trigger"] as? String == "link-up")
                let ms = try #require(bound["linkUpToBoundMs"] as? Double)
                #expect(ms < 1000, "link-up to address took \(ms) ms")
                let address = try #require(bound["address"] as? String)
                let log = String(try d.dnsmasqLog().dropFirst(logBefore))
                #expect(log.contains("DHCPACK") && log.contains(address), "no fresh exchange in dnsmasq's log:\n\(log)")
                #expect(try await d.addresses().contains(address))
            }
        }

        @Test("wpa_supplicant restarted: watch re-subscribes, re-adds the profile and renews")
        func supplicantRestart() async throws {
            try await DHCPScenario.run { d in
                _ = try await d.authStart(dhcp: "builtin")
                let w = try JSONLinesProcess.watch(d, extra: ["--dhcp", "builtin"])
                _ = try await w.wait(for: "dhcp-bound")
                let mark = w.events.count
                try await d.s.testbed.control("supplicant", "restart")
                _ = try await w.wait(for: "supplicant-returned", after: mark)
                let auth = try await w.wait(for: "authenticated", after: mark, within: .seconds(30))
                let bound = try await w.wait(for: "dhcp-bound", after: mark)
                let result = try await w.stop()
                #expect(result.status == 0, "\(result)")
                #expect(auth["reason"] as? String == "supplicant-returned")
                #expect((bound["address"] as? String).map(DHCPScenario.inPool) == true)
            }
        }

        @Test("with a 2-minute lease, watch renews it (T1) before it expires")
        func shortLeaseRenewed() async throws {
            try await DHCPScenario.run { d in
                let original = d.s.testbed.values["TESTBED_LEASE"] ?? "1h"
                try await d.s.testbed.controlWithLease("2m", "dnsmasq", "restart")
                do {
                    let first = try await d.authStart(dhcp: "builtin")
                    let lease = try #require(DHCPScenario.dhcpObject(first)?["leaseSeconds"] as? Double, "\(first)")
                    #expect(lease <= 120)
                    let w = try JSONLinesProcess.watch(d, extra: ["--dhcp", "builtin"])
                    let bound = try await w.wait(for: "dhcp-bound")
                    let renewed = try await w.wait(for: "lease-renewed", within: .seconds(100))
                    let result = try await w.stop()
                    #expect(result.status == 0, "\(result)")
                    let boundAt = try #require(bound["elapsedMs"] as? Double)
                    let renewedAt = try #require(renewed["elapsedMs"] as? Double)
                    #expect(renewedAt - boundAt < lease * 1000, "renewed \(renewedAt - boundAt) ms after binding a \(lease) s lease")
                    #expect((renewed["leaseEndsAt"] as? String ?? "") > (bound["leaseEndsAt"] as? String ?? "~"))
                    #expect(renewed["exchange"] as? String == "renew")
                    try await d.s.testbed.controlWithLease(original, "dnsmasq", "restart")
                } catch {
                    _ = try? await d.s.testbed.controlWithLease(original, "dnsmasq", "restart")
                    throw error
                }
            }
        }
    }
}

extension Testbed {
    /// `scripts/testbed ARGS` with dnsmasq's lease time set to `lease`.
    @discardableResult
    func controlWithLease(_ lease: String, _ arguments: String...) async throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["EAPOLCTL_TESTBED_DIR"] = try value("EAPOLCTL_TESTBED_DIR")
        environment["EAPOLCTL_TESTBED_LEASE"] = lease
        if let prefix = values["EAPOLCTL_TESTBED_PREFIX"] { environment["EAPOLCTL_TESTBED_PREFIX"] = prefix }
        let script = Self.repositoryRoot.appendingPathComponent("scripts/testbed").path
        let result = try await ProcessRunner.run(["/bin/bash", script] + arguments, environment: environment,
                                                 timeout: .seconds(30))
        guard result.status == 0 else { throw TestbedUnavailable("scripts/testbed \(arguments) failed:\n\(result)") }
        return result
    }
}
