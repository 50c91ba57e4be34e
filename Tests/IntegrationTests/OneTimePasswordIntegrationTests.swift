import Foundation
import Testing

extension WiredTestbed {
    /// A one-time-password profile authenticates with the password piped to `auth start --password-stdin`, against
    /// the real hostapd/RADIUS and wpa_supplicant, and nothing of the password is stored.
    @Suite("One-time passwords")
    struct OneTimePasswordIntegration {
        @Test("PEAP with --password-stdin authenticates; no password item exists afterwards")
        func peapWithPasswordStdinAuthenticates() async throws {
            try await Scenario.run { s in
                let user = try s.testbed.value("TESTBED_PEAP_USER")
                let password = try s.testbed.value("TESTBED_PEAP_PASS")
                let created = try await s.cli.succeed([
                    "profile", "create", "--name", "otp", "--method", "peap", "--inner", "mschapv2", "--username", user,
                    "--outer-identity", try s.testbed.value("TESTBED_ANON_IDENTITY"),
                    "--ca-cert", try s.testbed.value("TESTBED_CA"), "--server-name", try s.testbed.value("TESTBED_SERVER_NAME"),
                    "--one-time-password",
                ])
                let id = try NamespacedCLI.profileID(in: created)

                // Without the password (no terminal in a test) the command fails at once, before wpa_supplicant.
                let refused = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface, "--profile", id,
                                                   "--timeout", "10", "--json"], timeout: .seconds(20))
                s.expectFailure(refused, status: 70, domain: "eap", name: "credentials-missing")
                try await s.expectSupplicantClean()

                let result = try await s.cli.run(["auth", "start", "--interface", try s.testbed.interface, "--profile", id,
                                                  "--timeout", "10", "--dhcp", "builtin", "--json", "--password-stdin"],
                                                 stdin: password + "\n", timeout: .seconds(25))
                s.expectAuthenticated(result, authMode: "EAP-PEAP")
                #expect(!result.stdout.contains(password) && !result.stderr.contains(password))

                // Nothing stored: no password item, and the password's bytes are in no file eapolctl wrote.
                let list = try await s.cli.run(["password", "list", "--json"])
                if list.status == 0 {
                    let items = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])?["items"] as? [Any]
                    #expect(items?.isEmpty ?? true, "a password item exists after a one-time-password authentication:\n\(list)")
                }
                let root = URL(fileURLWithPath: s.cli.stateDirectory)
                if let files = FileManager.default.enumerator(atPath: root.path) {
                    for case let path as String in files {
                        let url = root.appendingPathComponent(path)
                        guard let data = try? Data(contentsOf: url) else { continue }
                        #expect(data.range(of: Data(password.utf8)) == nil, "the password is in \(url.path)")
                    }
                }
                #expect(try await s.cli.authStop().status == 0)
                try await s.expectSupplicantClean()
            }
        }
    }
}
