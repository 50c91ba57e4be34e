import Foundation
import Testing

/// One-time-password profiles from the command line: created with either form, nothing can be stored for them,
/// `auth start`/`startAuthentication` take the password from standard input only when asked to (else from a
/// terminal, else fail at once naming --password-stdin), and `watch` refuses them before opening anything.
@Suite struct OneTimePasswordCommandTests {
    /// A wired PEAP profile with one-time passwords; returns its ID.
    static func createOTP(_ cli: CLIRunner, eapolcfgForm: Bool = false) throws -> String {
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let arguments = eapolcfgForm
            ? ["createProfile", "--authType", "PEAP", "--userDefinedName", "OTP", "--userName", "alice",
               "--trustedCertificate", ca.path, "--trustedServerName", "radius.example.org", "--oneTimePassword"]
            : ["profile", "create", "--name", "OTP", "--method", "peap", "--username", "alice", "--ca-cert", ca.path,
               "--server-name", "radius.example.org", "--one-time-password"]
        let created = try cli.run(arguments)
        try #require(created.status == 0, "\(created.stderr)")
        return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func storedPasswordCount(_ cli: CLIRunner) throws -> Int {
        let list = try cli.run(["password", "list", "--json"])
        guard list.status == 0 else { return 0 }
        return (try list.json()["items"] as? [[String: Any]])?.count ?? 0
    }

    @Test func bothFormsRecordTheFlagAndShowIt() throws {
        for eapolcfgForm in [false, true] {
            let cli = try CLIRunner()
            defer { cli.cleanUp() }
            let id = try Self.createOTP(cli, eapolcfgForm: eapolcfgForm)
            let file = cli.stateDir.appendingPathComponent("profiles/\(id).json")
            #expect(try String(contentsOf: file, encoding: .utf8).contains("\"oneTimePassword\" : true"))
            #expect(try cli.run(["profile", "show", id]).stdout.contains("one-time"))
            let exported = try cli.run(["exportProfile", "--profileID", id, "--format", "eapolcfg"])
            #expect(exported.stdout.contains("<key>OneTimeUserPassword</key>"), "\(exported.stderr)")
        }
    }

    @Test func nothingCanBeStoredForIt() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let id = try Self.createOTP(cli)
        for arguments in [["password", "set", "--profile", id, "--username", "alice", "--password", "-", "--json"],
                          ["setPasswordItem", "--profileID", id, "--name", "alice", "--password", "-", "--json"]] {
            let result = try cli.run(arguments, stdin: "secret\n")
            #expect(result.status != 0, "\(arguments[0]) stored a password for a one-time-password profile")
            let error = try result.jsonError()
            #expect(error["name"] as? String == "invalid-argument")
            #expect((error["message"] as? String)?.contains("one-time passwords") == true)
            #expect((error["hint"] as? String)?.contains("--password-stdin") == true)
        }
        #expect(try storedPasswordCount(cli) == 0)
        // Turned off with profile edit, a password can be stored again.
        #expect(try cli.run(["profile", "edit", id, "--no-one-time-password"]).status == 0)
        let stored = try cli.run(["password", "set", "--profile", id, "--password", "-"], stdin: "secret\n")
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(try storedPasswordCount(cli) == 1)
    }

    @Test func authStartWithoutATerminalOrStdinFailsAtOnceNamingTheOption() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let id = try Self.createOTP(cli)
        for arguments in [["auth", "start", "--interface", "otp9", "--profile", id, "--dhcp", "none", "--json"],
                          ["startAuthentication", "--interface", "otp9", "--profileID", id, "--dhcp", "none", "--json"]] {
            // The bus does not exist: had the command got that far, the error would be a D-Bus one.
            let started = Date()
            let result = try cli.run(arguments + ["--bus", "unix:path=/nonexistent/otp-bus"])
            #expect(result.status != 0)
            let error = try result.jsonError()
            #expect(error["domain"] as? String == "eap")
            #expect(error["name"] as? String == "credentials-missing")
            #expect((error["message"] as? String)?.contains("one-time") == true)
            let details = try #require(error["details"] as? [String: Any])
            #expect(details["option"] as? String == "--password-stdin")
            #expect(Date().timeIntervalSince(started) < 10)
        }
    }

    @Test func passwordStdinIsReadAndTheCommandGoesOn() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let id = try Self.createOTP(cli)
        let result = try cli.run(["auth", "start", "--interface", "otp9", "--profile", id, "--dhcp", "none", "--json",
                                  "--password-stdin", "--bus", "unix:path=/nonexistent/otp-bus"], stdin: "123456\n")
        #expect(result.status != 0)
        let error = try result.jsonError()
        // Past the password: the next step (the bus) is what failed.
        #expect(error["domain"] as? String != "eap", "\(result.stderr)")
        #expect(error["name"] as? String != "credentials-missing")
        #expect(!result.stderr.contains("123456"))
        #expect(try storedPasswordCount(cli) == 0)

        // Empty standard input is not a password.
        let empty = try cli.run(["auth", "start", "--interface", "otp9", "--profile", id, "--dhcp", "none", "--json",
                                 "--password-stdin", "--bus", "unix:path=/nonexistent/otp-bus"], stdin: "")
        #expect(try empty.jsonError()["name"] as? String == "input-unavailable")
    }

    @Test func passwordStdinIsRefusedForOrdinaryProfiles() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let id = try Self.createOTP(cli)
        #expect(try cli.run(["profile", "edit", id, "--no-one-time-password"]).status == 0)
        let result = try cli.run(["auth", "start", "--interface", "otp9", "--profile", id, "--dhcp", "none", "--json",
                                  "--password-stdin", "--bus", "unix:path=/nonexistent/otp-bus"], stdin: "123456\n")
        let error = try result.jsonError()
        #expect(error["name"] as? String == "invalid-argument")
        #expect((error["message"] as? String)?.contains("does not use one-time passwords") == true)
    }

    @Test func watchRefusesBeforeOpeningAnything() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let id = try Self.createOTP(cli)
        let result = try cli.run(["watch", "--interface", "otp9", "--profile", id, "--dhcp", "none", "--json",
                                  "--bus", "unix:path=/nonexistent/otp-bus"])
        #expect(result.status != 0)
        let error = try result.jsonError()
        #expect(error["domain"] as? String == "usage")
        #expect(error["name"] as? String == "invalid-argument")
        #expect((error["message"] as? String)?.contains("unattended") == true)
    }

    @Test func tlsProfilesCannotBeOneTime() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let ca = try ProfileCommandsTests.makeCA(in: cli.baseDirectory)
        let result = try cli.run(["profile", "create", "--name", "T", "--method", "tls", "--ca-cert", ca.path,
                                  "--server-name", "radius.example.org", "--one-time-password", "--json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("one-time-password-without-password"))
    }
}
