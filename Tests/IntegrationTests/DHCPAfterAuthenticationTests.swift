import Foundation
import Testing

extension WiredTestbed {
    /// `auth start` runs DHCP right after success; `dhcp renew`; the dhcp domain errors on the real testbed.
    @Suite("DHCP after authentication")
    struct DHCPAfterAuthentication {
        static let dhcpStatus: Int32 = 72

        private func expectBound(_ d: DHCPScenario, backend: String) async throws {
            let result = try await d.authStart(dhcp: backend)
            d.s.expectAuthenticated(result, authMode: "EAP-PEAP")
            let dhcp = try #require(DHCPScenario.dhcpObject(result), "no result.dhcp:\n\(result)")
            let address = try #require(dhcp["address"] as? String)
            #expect(DHCPScenario.inPool(address), "\(address) is not from the testbed pool")
            #expect(dhcp["backend"] as? String == backend)
            #expect((dhcp["authenticatedToBoundMs"] as? Double).map { $0 > 0 } == true)
            #expect(try await d.addresses().contains(address), "\(address) is not on the interface")
            let names = AuthOutput(result).events.compactMap { $0["event"] as? String }
            #expect(names.contains("dhcp-started") && names.contains("dhcp-bound"))
            if backend == "builtin" {
                let notice = dhcp["notice"] as? String ?? ""
                #expect(notice.contains("nothing will renew it") && notice.contains("eapolctl watch"), "notice: \(notice)")
            }
        }

        @Test("builtin: the interface holds a pool address after auth start")
        func builtin() async throws { try await DHCPScenario.run { try await expectBound($0, backend: "builtin") } }

        @Test("dhclient: the interface holds a pool address after auth start",
              .enabled(if: FileManager.default.isExecutableFile(atPath: systemProgram("dhclient"))))
        func dhclient() async throws { try await DHCPScenario.run { try await expectBound($0, backend: "dhclient") } }

        @Test("dhcpcd: the interface holds a pool address after auth start",
              .enabled(if: FileManager.default.isExecutableFile(atPath: systemProgram("dhcpcd"))))
        func dhcpcd() async throws { try await DHCPScenario.run { try await expectBound($0, backend: "dhcpcd") } }

        @Test("udhcpc: the interface holds a pool address after auth start",
              .enabled(if: FileManager.default.isExecutableFile(atPath: systemProgram("udhcpc"))))
        func udhcpc() async throws { try await DHCPScenario.run { try await expectBound($0, backend: "udhcpc") } }

        @Test("dnsmasq stopped: dhcp no-server within the timeout, and the message says authentication succeeded")
        func noServer() async throws {
            try await DHCPScenario.run { d in
                try await d.s.testbed.control("dnsmasq", "stop")
                do {
                    let result = try await d.authStart(dhcp: "builtin", dhcpTimeout: 3)
                    try await d.s.testbed.control("dnsmasq", "start")
                    d.s.expectFailure(result, status: Self.dhcpStatus, domain: "dhcp", name: "no-server")
                    #expect(result.elapsed < .seconds(9), "took \(result.elapsed) with --dhcp-timeout 3")
                    let message = AuthOutput(result).error?["message"] as? String ?? ""
                    let iface = try d.s.testbed.interface
                    #expect(message.contains("succeeded") && message.contains(iface), "message: \(message)")
                } catch {
                    _ = try? await d.s.testbed.control("dnsmasq", "start")
                    throw error
                }
            }
        }

        @Test("dhcp renew: INIT-REBOOT with the recorded lease; a NAK for a stale address restarts discovery")
        func renewAndNak() async throws {
            try await DHCPScenario.run { d in
                let first = try await d.authStart(dhcp: "builtin")
                let address = try #require(DHCPScenario.dhcpObject(first)?["address"] as? String, "\(first)")
                let iface = try d.s.testbed.interface
                let renew = try await d.s.cli.run(["dhcp", "renew", "--interface", iface, "--dhcp", "builtin",
                                                   "--timeout", "10", "--json"])
                #expect(renew.status == 0, "\(renew)")
                let dhcp = AuthOutput.object(renew.stdoutLines.last ?? "")?["dhcp"] as? [String: Any]
                #expect(dhcp?["exchange"] as? String == "init-reboot", "\(renew)")
                #expect(dhcp?["address"] as? String == address)

                // Make the recorded lease name an address outside the pool: dnsmasq (authoritative) NAKs it.
                let record = d.s.cli.stateDirectory + "/leases/\(iface).json"
                let text = try String(contentsOfFile: record, encoding: .utf8)
                try text.replacingOccurrences(of: "\"\(address)\"", with: "\"198.18.0.250\"")
                    .write(toFile: record, atomically: true, encoding: .utf8)
                let logBefore = try d.dnsmasqLog().count
                let again = try await d.s.cli.run(["dhcp", "renew", "--interface", iface, "--dhcp", "builtin",
                                                   "--timeout", "15", "--json"])
                #expect(again.status == 0, "\(again)")
                let after = AuthOutput.object(again.stdoutLines.last ?? "")?["dhcp"] as? [String: Any]
                #expect(after?["exchange"] as? String == "discover", "\(again)")
                #expect((after?["address"] as? String).map(DHCPScenario.inPool) == true)
                let log = String(try d.dnsmasqLog().dropFirst(logBefore))
                #expect(log.contains("DHCPNAK"), "dnsmasq log shows no NAK:\n\(log)")
                #expect(!(try await d.addresses().contains("198.18.0.250")))
            }
        }
    }
}
