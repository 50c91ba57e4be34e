import Foundation
import Testing

/// `--dhcp`, `--driver` and the `…timeout` options are typed values checked when the command line is parsed: a bad
/// value is `usage.invalid-argument` (exit 64) with the message naming the option and the value, reported before
/// anything is looked up (no profile, no store, no bus).
@Suite struct OptionArgumentTests {
    static func refusal(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(arguments + ["--json"])
        #expect(result.status == 64, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        let error = try result.jsonError()
        #expect(error["domain"] as? String == "usage", sourceLocation: sourceLocation)
        #expect(error["name"] as? String == "invalid-argument", sourceLocation: sourceLocation)
        return error["message"] as? String ?? ""
    }

    @Test func badDHCPBackend() throws {
        let message = "--dhcp bogus: use auto, builtin, dhclient, dhcpcd, udhcpc or none"
        #expect(try Self.refusal(["auth", "start", "--interface", "eth9", "--profile", "nosuch", "--dhcp", "bogus"]) == message)
        #expect(try Self.refusal(["dhcp", "renew", "--interface", "eth9", "--dhcp", "bogus"]) == message)
        #expect(try Self.refusal(["startAuthentication", "--interface", "eth9", "--default", "--dhcp", "bogus"]) == message)
    }

    @Test func badDriverIsRefusedBeforeTheProfileIsLookedUp() throws {
        let message = "--driver foo: use wired or nl80211"
        #expect(try Self.refusal(["auth", "start", "--interface", "eth9", "--profile", "nosuch", "--driver", "foo"]) == message)
        // probe used to read --driver only after resolving the profile (profile.not-found first).
        #expect(try Self.refusal(["profile", "probe", "--interface", "eth9", "--profile", "nosuch", "--driver", "foo"]) == message)
    }

    @Test func badDurations() throws {
        #expect(try Self.refusal(["auth", "start", "--interface", "eth9", "--profile", "nosuch", "--timeout", "0"])
                == "--timeout 0.0: give a number of seconds above 0 and at most 3600")
        #expect(try Self.refusal(["auth", "start", "--interface", "eth9", "--profile", "nosuch", "--dhcp-timeout", "601"])
                == "--dhcp-timeout 601.0: give a number of seconds above 0 and at most 600")
        #expect(try Self.refusal(["dhcp", "renew", "--interface", "eth9", "--timeout", "601"])
                == "--timeout 601.0: give a number of seconds above 0 and at most 600")
        #expect(try Self.refusal(["profile", "probe", "--interface", "eth9", "--wired", "--timeout", "nan"])
                == "--timeout nan: give a number of seconds above 0 and at most 3600")
        #expect(try Self.refusal(["startAuthentication", "--interface", "eth9", "--default", "--timeout", "3601"])
                == "--timeout 3601.0: give a number of seconds above 0 and at most 3600")
    }

    @Test func goodValuesParse() throws {
        // Valid options get past parsing: the failure is the missing profile, not an option.
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["auth", "start", "--interface", "eth9", "--profile", "nosuch", "--dhcp", "DHCPCD",
                                  "--driver", "Wired", "--timeout", "2.5", "--dhcp-timeout", "600", "--json"])
        #expect(try result.jsonError()["domain"] as? String == "profile", "\(result.stderr)")
    }
}
