import Testing
@testable import eapolctl

/// eapolcfg's command table, written down from its source (eap8021x-368.0.3, `eapolcfg.tproj/eapolcfg.c`: the
/// `commands[]` table and each command function's `longopts[]`), checked against the command tree ArgumentParser
/// builds for `eapolctl`. eapolctl may accept more (its own options); it must accept all of these.
@Suite struct EapolcfgParityTests {
    /// How eapolcfg's getopt_long declares an option.
    enum Kind: Equatable, CustomStringConvertible {
        /// `required_argument`: an eapolctl option taking a value.
        case value
        /// `no_argument`: an eapolctl flag.
        case flag
        /// `no_argument` followed by positional values (`setLoginWindowProfiles --profileID A B ...`): a flag, or an
        /// option taking several values, either fits.
        case list

        var description: String {
            switch self {
            case .value: "an option taking a value"
            case .flag: "a flag"
            case .list: "a flag or a repeating option"
            }
        }
    }

    struct Command {
        let name: String
        let options: [(String, Kind)]
    }

    private static let profileSelection: [(String, Kind)] = [
        ("--profileID", .value), ("--profileid", .value), ("--SSID", .value), ("--ssid", .value), ("--domain", .value),
    ]
    private static let itemSelection: [(String, Kind)] = [("--system", .flag), ("--default", .flag)] + profileSelection
    private static let information: [(String, Kind)] = [("--applicationID", .value), ("--applicationid", .value)]
        + profileSelection

    /// eapolcfg's 27 commands (`commands[]`, in its order) and the long options each command's function accepts.
    /// Where one function serves several commands and rejects an option for some of them (`--information` outside
    /// setProfileInformation, `--certificate` outside setIdentity), only the usage line's options are listed.
    static let table: [Command] = [
        Command(name: "listProfiles", options: [("--details", .flag)]),
        Command(name: "showProfile", options: profileSelection),
        Command(name: "exportProfile", options: profileSelection),
        Command(name: "removeProfile", options: profileSelection),
        Command(name: "importProfile", options: [("--replace", .flag)]),
        Command(name: "createProfile", options: [
            ("--authType", .value), ("--domain", .value), ("--userDefinedName", .value), ("--SSID", .value),
            ("--securityType", .value), ("--trustedCertificate", .value), ("--trustedServerName", .value),
            ("--oneTimePassword", .flag), ("--outerIdentity", .value), ("--TTLSInnerAuthentication", .value),
            ("--EAPFASTUsePAC", .flag), ("--EAPFASTProvisionPAC", .flag), ("--EAPFASTProvisionPACAnonymously", .flag),
        ]),
        Command(name: "setProfileInformation", options: information + [("--information", .value)]),
        Command(name: "getProfileInformation", options: information),
        Command(name: "clearProfileInformation", options: information),
        Command(name: "setPasswordItem", options: itemSelection + [("--password", .value), ("--name", .value)]),
        Command(name: "getPasswordItem", options: itemSelection + [("--password", .flag), ("--name", .flag)]),
        Command(name: "removePasswordItem", options: itemSelection),
        Command(name: "setIdentity", options: itemSelection + [("--certificate", .value)]),
        Command(name: "clearIdentity", options: itemSelection),
        Command(name: "getIdentity", options: itemSelection),
        Command(name: "getSystemEthernetProfile", options: [("--details", .flag)]),
        Command(name: "setSystemEthernetProfile", options: [("--profileID", .value), ("--profileid", .value)]),
        Command(name: "clearSystemEthernetProfile", options: []),
        Command(name: "getLoginWindowProfiles", options: [("--interface", .value)]),
        Command(name: "setLoginWindowProfiles", options: [
            ("--interface", .value), ("--profileID", .list), ("--profileid", .list), ("--SSID", .list), ("--ssid", .list),
        ]),
        Command(name: "clearLoginWindowProfiles", options: [("--interface", .value)]),
        Command(name: "getSystemProfile", options: [("--interface", .value)]),
        Command(name: "setSystemProfile", options: [
            ("--interface", .value), ("--profileID", .value), ("--profileid", .value), ("--SSID", .value), ("--ssid", .value),
        ]),
        Command(name: "clearSystemProfile", options: [("--interface", .value)]),
        Command(name: "getLoginWindowInterfaces", options: [("--details", .flag)]),
        Command(name: "getSystemInterfaces", options: [("--details", .flag)]),
        Command(name: "startAuthentication", options: [
            ("--system", .flag), ("--default", .flag), ("--domain", .value), ("--interface", .value), ("--no-ui", .flag),
            ("--profileID", .value), ("--profileid", .value), ("--SSID", .value), ("--ssid", .value),
        ]),
    ]

    /// What the table has and eapolctl does not have yet: commands by name, options as `command --option`.
    ///
    /// Pending (issue 12 items 3 and 5): the login-window commands and createProfile's EAP-FAST options, which other
    /// work adds (item 2's system-profile commands have landed). When a command or option lands, this test fails
    /// until its entry is removed here: adding a command means updating this list. A command that exists cannot
    /// quietly lose an eapolcfg option either, since anything missing and not listed fails the test.
    static let expectedMissing: Set<String> = [
    ]

    static let tree = CommandTree.eapolctl

    @Test func theTableHasEapolcfgs27Commands() {
        #expect(Self.table.count == 27)
        #expect(Set(Self.table.map { $0.name.lowercased() }).count == 27)
    }

    /// Every table command eapolctl has takes each of the command's eapolcfg options that it has in the same way
    /// (a value where eapolcfg takes one, a flag where eapolcfg takes none).
    @Test func everyPresentOptionHasEapolcfgsKind() {
        var wrong: [String] = []
        for command in Self.table {
            guard let node = Self.tree.root.child(command.name, caseInsensitive: false) else { continue }
            for (option, kind) in command.options {
                guard let argument = node.argument(named: option) else { continue }
                let fits = switch kind {
                case .value: argument.kind == .option
                case .flag: argument.kind == .flag
                case .list: argument.kind == .flag || (argument.kind == .option && argument.isRepeating)
                }
                if !fits { wrong.append("\(command.name) \(option) is \(argument.kind.rawValue), eapolcfg's is \(kind)") }
            }
        }
        #expect(wrong == [])
    }

    /// Exactly the table entries in ``expectedMissing`` are missing from eapolctl's command tree.
    @Test func onlyThePendingEntriesAreMissing() {
        var missing: Set<String> = []
        for command in Self.table {
            guard let node = Self.tree.root.child(command.name, caseInsensitive: false) else {
                missing.insert(command.name)
                continue
            }
            for (option, _) in command.options where node.argument(named: option) == nil {
                missing.insert("\(command.name) \(option)")
            }
        }
        #expect(missing.subtracting(Self.expectedMissing).sorted() == [], "eapolcfg commands or options eapolctl lacks")
        #expect(Self.expectedMissing.subtracting(missing).sorted() == [],
                "these now exist: remove them from EapolcfgParityTests.expectedMissing")
    }

    /// `startAuthentication --system` parses (authenticating as the system is what eapolctl, run as root, always
    /// does), and so does `--domain` (a Passpoint profile's home domain); `--domain` with `--SSID` names two profiles.
    @Test func startAuthenticationTakesSystemAndDomain() throws {
        let command = try Eapolctl.parseAsRoot(["startAuthentication", "--interface", "eth9", "--ssid", "corp", "--system", "--no-ui"])
        #expect(command is Eapolcfg.StartAuthentication)
        #expect(try Eapolctl.parseAsRoot(["startAuthentication", "--interface", "eth9", "--domain", "example.com"]) is Eapolcfg.StartAuthentication)
        #expect(throws: (any Error).self) {
            try Eapolctl.parseAsRoot(["startAuthentication", "--interface", "eth9", "--domain", "example.com", "--SSID", "corp"])
        }
    }

    /// eapolcfg matches command names case-insensitively; so does eapolctl, for every table command it has.
    @Test func everyPresentCommandIsFoundInAnyCase() {
        for command in Self.table where Self.tree.root.child(command.name, caseInsensitive: false) != nil {
            #expect(EapolcfgCommandNames.normalize([command.name.lowercased(), "--help"]) == [command.name, "--help"])
            #expect(EapolcfgCommandNames.normalize([command.name.uppercased()]) == [command.name])
        }
    }
}
