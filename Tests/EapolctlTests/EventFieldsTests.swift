import DHCPClient
import Foundation
import HostOS
import NetworkManagerClient
import Orchestration
import ProfileModel
import SupplicantClient
import Testing
@testable import eapolctl

/// Every progress and watch event has a JSON name and fields, and the Docs tables list each name with each field
/// (Docs/authentication.md for `auth start` and `profile probe`, Docs/watch.md for `watch`).
@Suite struct EventFieldsTests {
    // MARK: samples: one of every case (the coverage switches below fail to compile when a case is added)

    static let peer = SupplicantPeer(uniqueName: ":1.7", uid: 0, pid: 42, busAddress: "unix:path=/run/dbus/system_bus_socket",
                                     busSource: .option)
    static let iface = SupplicantInterface(path: "/fi/w1/wpa_supplicant1/Interfaces/1", name: "eth0", driver: .wired, created: true)
    static let result = DHCPResult(backend: .builtin, interface: "eth0", exchange: .initReboot,
                                   address: IPv4Address(198, 18, 0, 101), prefixLength: 24,
                                   router: IPv4Address(198, 18, 0, 1), serverIdentifier: IPv4Address(198, 18, 0, 1),
                                   leaseTime: .seconds(120), renewalTime: .seconds(60), rebindingTime: .seconds(105),
                                   leaseEndsAt: Date(timeIntervalSince1970: 1_800_000_000), elapsed: .milliseconds(3),
                                   renewedAutomatically: false)
    static let error = EventError(DHCPError(.nak, "refused"))

    static let progress: [AuthenticationProgress] = [
        .eapStarted, .methodAccepted("PEAP"), .methodRefused("MD5"),
        .serverCertificate(depth: 0, subject: "/CN=r", fingerprint: "ab", subjectAltNames: ["DNS:r"]),
        .certificateVerified, .certificateNotValidated, .verificationFailed(reason: "expired"),
        .tlsAlert(local: false, description: "unknown CA"), .parameterNeeded(field: "PASSWORD"), .eapCompleted(success: true),
        .authenticationRestarted(state: "associated"), .authenticated(authMode: "EAP-PEAP"), .stateChange("associated"),
        .linkDown,
    ]

    static var updates: [AuthenticationUpdate.Kind] {
        get throws {
            [
                .supplicant(peer), .interfaceReady(iface),
                .portUse(.eapSettingsOnWiredPort, interface: "eth0", profile: "corp", ssid: try SSID(parsing: "corp")),
                .warning("pin wins"), .staleRemoved(networks: 1, blobs: 2),
                .networkSelected(network: "/n/0", anchor: .serverPin(sha256Hex: "ab")),
                .networkReused(network: "/n/0", state: "completed"), .networkReuseFailed(network: "/n/0", error: error),
                .eapolStart(.sent, count: 1), .quietPeriod(interface: "eth0", unanswered: 2, failureAge: .milliseconds(1949.6)),
                .openPort(interface: "eth0"), .outcomeConfirmed(state: "completed", authMode: "EAP-PEAP", network: "/n/0"),
                .caRetry(anchor: .systemBundle(path: "/etc/ssl/certs/ca-certificates.crt"), reason: "untrusted"),
                .dhcpStarted(backend: .builtin, interface: "eth0"),
                .dhcpBound(DHCPBound(result: result, authenticatedToBound: .milliseconds(12.5))),
                .probeStarted(network: "/n/1", identity: "anonymous", methods: [.peap, .ttls]),
                .probeCertificate(depth: 0, subject: "/CN=r", sha256: "ab"), .probeState("associated"),
                .networkRemoved(network: "/n/1"), .fastPAC(.stored(.provisioned)), .fastPAC(.retryWithNewPAC(quietPeriod: true)),
                .networkManagerReleased(interface: "eth0", release: NetworkManagerRelease(
                    device: "/org/freedesktop/NetworkManager/Devices/2", previousState: .activated, state: .unmanaged)),
                .foreignNetworksKept(interface: "eth0", count: 2),
                .scanHint(ScanHint(frequencies: [2412, 5180], bssids: ["02:00:00:00:01:01"], source: .remembered)), .scanHintIgnored(reason: .tooOld),
                .scanHintFallback(reason: .noMatch, after: .milliseconds(812), network: "/n/2"),
            ] + progress.map { .exchange($0) }
        }
    }

    static let link = LinkState(interface: "eth0", adminUp: true, carrier: true, operstate: "up")
    static let watchEvents: [WatchEvent.Kind] = [
        .started(interface: "eth0", dhcp: .builtin, pid: 7, profile: "lab"),
        .link(.state, link, interface: "eth0"), .link(.down, link, interface: "eth0"), .link(.up, link, interface: "eth0"),
        .link(.removed, link, interface: "eth0"), .linkMonitorFailed(interface: "eth0"),
        .waiting(.notAuthenticated(state: "disconnected")), .waiting(.interfaceMissing(interface: "eth0")),
        .reauthenticating(reason: .linkUp), .eapolStart(.notPermitted), .reauthenticationPending(state: "associated"),
        .reauthenticationFailed(error, retryIn: .seconds(5)), .stateChange("completed"),
        .stateUnconfirmed(state: "associated", authMode: "INACTIVE", profileNetwork: false), .stateCheckFailed(error),
        .eapStarted(parameter: ""), .eapCompleted(result: "success"), .authenticating(profile: "lab", reason: .start),
        .authenticated(reason: .stateCompleted, authMode: "EAP-PEAP", resumed: true, trigger: .linkUp,
                       sinceTrigger: .milliseconds(14.6)),
        .dhcpStarted(backend: .dhclient),
        .dhcpBound(DHCPBound(result: result, authenticatedToBound: .milliseconds(4), trigger: .linkUp,
                             sinceTrigger: .milliseconds(18.8))),
        .dhcpBound(DHCPBound(result: result, authenticatedToBound: .milliseconds(4), trigger: .supplicant,
                             sinceTrigger: .milliseconds(18.8))),
        .dhcpFailed(error, nextAttempt: Date(timeIntervalSince1970: 1_800_000_000)), .leaseRenewed(result),
        .leaseRebinding(leaseEndsAt: Date(timeIntervalSince1970: 1_800_000_000)),
        .leaseExpired(address: IPv4Address(198, 18, 0, 101)), .supplicantVanished, .supplicantReturned, .stopping,
        .loginWindow(.profileFailed(attempt, error)), .loginWindow(.profileSelected(attempt)),
        .loginWindow(.exhausted(failures: [.init(attempt, error)], retryIn: .seconds(30))),
        .roamed(Roam(from: "02:00:00:00:00:00", to: "02:00:00:00:02:00", kind: .ft, duration: .milliseconds(41.5))),
        .dhcpBound(DHCPBound(result: result, authenticatedToBound: .milliseconds(4), trigger: .roamed,
                             sinceTrigger: .milliseconds(60.2))),
    ]
    static let attempt = LoginWindowEvent.Try(profile: "guest", profileID: ProfileID.new(), position: 2, count: 3)

    /// Index of each case, without `default`: a new case does not compile until it is numbered here.
    static func number(_ kind: AuthenticationUpdate.Kind) -> Int {
        switch kind {
        case .supplicant: 0
        case .interfaceReady: 1
        case .portUse: 2
        case .warning: 3
        case .staleRemoved: 4
        case .networkSelected: 5
        case .networkReused: 6
        case .networkReuseFailed: 7
        case .eapolStart: 8
        case .quietPeriod: 9
        case .openPort: 10
        case .exchange: 11
        case .outcomeConfirmed: 12
        case .caRetry: 13
        case .dhcpStarted: 14
        case .dhcpBound: 15
        case .probeStarted: 16
        case .probeCertificate: 17
        case .probeState: 18
        case .networkRemoved: 19
        case .fastPAC: 20
        case .networkManagerReleased: 21
        case .foreignNetworksKept: 22
        case .scanHint: 23
        case .scanHintIgnored: 24
        case .scanHintFallback: 25
        }
    }

    static func number(_ kind: WatchEvent.Kind) -> Int {
        switch kind {
        case .started: 0
        case .link: 1
        case .linkMonitorFailed: 2
        case .waiting: 3
        case .reauthenticating: 4
        case .eapolStart: 5
        case .reauthenticationPending: 6
        case .reauthenticationFailed: 7
        case .stateChange: 8
        case .stateUnconfirmed: 9
        case .stateCheckFailed: 10
        case .eapStarted: 11
        case .eapCompleted: 12
        case .authenticating: 13
        case .authenticated: 14
        case .dhcpStarted: 15
        case .dhcpBound: 16
        case .dhcpFailed: 17
        case .leaseRenewed: 18
        case .leaseRebinding: 19
        case .leaseExpired: 20
        case .supplicantVanished: 21
        case .supplicantReturned: 22
        case .stopping: 23
        case .loginWindow: 24
        case .roamed: 25
        }
    }

    static func number(_ progress: AuthenticationProgress) -> Int {
        switch progress {
        case .eapStarted: 0
        case .methodAccepted: 1
        case .methodRefused: 2
        case .serverCertificate: 3
        case .certificateVerified: 4
        case .certificateNotValidated: 5
        case .verificationFailed: 6
        case .tlsAlert: 7
        case .parameterNeeded: 8
        case .eapCompleted: 9
        case .authenticationRestarted: 10
        case .authenticated: 11
        case .stateChange: 12
        case .linkDown: 13
        }
    }

    @Test func samplesCoverEveryCase() throws {
        #expect(Set(try Self.updates.map(Self.number)) == Set(0...25))
        #expect(Set(Self.progress.map(Self.number)) == Set(0...13))
        #expect(Set(Self.watchEvents.map(Self.number)) == Set(0...25))
    }

    // MARK: the docs tables

    /// `name -> the backticked words of its row's fields column`, from the first table after `heading`.
    static func table(in file: String, after heading: String) throws -> [String: Set<String>] {
        let text = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Docs/\(file)"), encoding: .utf8)
        let start = try #require(text.range(of: heading), "no \(heading) in \(file)")
        var rows: [String: Set<String>] = [:]
        var inTable = false
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                if inTable { break }
                continue
            }
            inTable = true
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3 else { continue }
            let fields = Set(Self.backticked(cells[2]))
            for name in Self.backticked(cells[1]) { rows[name, default: []].formUnion(fields) }
        }
        return rows
    }

    static func backticked(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { $0.offset % 2 == 1 ? String($0.element) : nil }
    }

    @Test func authenticationEventsAreDocumentedWithTheirFields() throws {
        let rows = try Self.table(in: "authentication.md", after: "## JSON")
        for kind in try Self.updates {
            let documented = try #require(rows[kind.name], "Docs/authentication.md has no row for \(kind.name)")
            let undocumented = Set(kind.fields.keys).subtracting(documented)
            #expect(undocumented.isEmpty, "\(kind.name): fields \(undocumented.sorted()) are not in its row")
        }
    }

    @Test func watchEventsAreDocumentedWithTheirFields() throws {
        let rows = try Self.table(in: "watch.md", after: "## JSON lines")
        for kind in Self.watchEvents {
            let documented = try #require(rows[kind.name], "Docs/watch.md has no row for \(kind.name)")
            let undocumented = Set(kind.fields.keys).subtracting(documented)
            #expect(undocumented.isEmpty, "\(kind.name): fields \(undocumented.sorted()) are not in its row")
        }
    }

    // MARK: exact lines (what the refactoring kept byte for byte)

    @Test func authenticationLinesAreUnchanged() throws {
        func line(_ kind: AuthenticationUpdate.Kind) -> (json: String, human: String?) {
            let l = AuthEventLine(update: AuthenticationUpdate(kind, elapsed: .milliseconds(12.5)))
            return (Output.encode(l), l.human)
        }
        #expect(line(.supplicant(Self.peer)).json == #"{"bus":"unix:path=/run/dbus/system_bus_socket","busSource":"--bus","elapsedMs":12.5,"event":"supplicant","owner":":1.7","pid":"42","uid":"0"}"#)
        #expect(line(.supplicant(Self.peer)).human == "    12.5 ms  wpa_supplicant :1.7 (uid 0, pid 42) on unix:path=/run/dbus/system_bus_socket (from --bus)")
        #expect(line(.interfaceReady(Self.iface)).json == #"{"created":"true","driver":"wired","elapsedMs":12.5,"event":"interface-ready","interface":"eth0","path":"/fi/w1/wpa_supplicant1/Interfaces/1"}"#)
        #expect(line(.eapolStart(.failed(errno: 19), count: 3)).json == #"{"count":"3","elapsedMs":12.5,"event":"eapol-start","result":"failed(errno: 19)"}"#)
        #expect(line(.eapolStart(.failed(errno: 19), count: 3)).human == nil)
        #expect(line(.eapolStart(.sent, count: 1)).human == "    12.5 ms  EAPOL-Start sent")
        let quiet = line(.quietPeriod(interface: "eth0", unanswered: 2, failureAge: .milliseconds(1949.6)))
        #expect(quiet.json == #"{"elapsedMs":12.5,"event":"quiet-period","failureAgeMs":"1950","interface":"eth0","unanswered":"2"}"#)
        #expect(quiet.human?.contains("no answer to 2 EAPOL-Starts") == true && quiet.human?.contains("failure 1.9 s ago") == true)
        let bound = line(.dhcpBound(DHCPBound(result: Self.result, authenticatedToBound: .milliseconds(12.5))))
        #expect(bound.json == #"{"address":"198.18.0.101","authenticatedToBoundMs":"12.500","backend":"builtin","elapsedMs":12.5,"event":"dhcp-bound","exchange":"init-reboot","prefixLength":"24"}"#)
        #expect(bound.human == "    12.5 ms  address 198.18.0.101/24 bound (init-reboot, 12.500 ms after authentication)")
        #expect(line(.exchange(.serverCertificate(depth: 1, subject: "/CN=ca", fingerprint: "ab", subjectAltNames: ["DNS:a", "DNS:b"]))).json
                == #"{"depth":"1","elapsedMs":12.5,"event":"server-certificate","sha256":"ab","subject":"/CN=ca","subjectAltNames":"DNS:a, DNS:b"}"#)
        #expect(line(.probeCertificate(depth: 1, subject: "/CN=ca", sha256: "ab")).json
                == #"{"depth":"1","elapsedMs":12.5,"event":"server-certificate","sha256":"ab","subject":"/CN=ca"}"#)
        #expect(line(.probeStarted(network: "/n/1", identity: "anonymous", methods: [.peap, .ttls])).json
                == #"{"elapsedMs":12.5,"event":"probe-started","identity":"anonymous","methods":"PEAP TTLS","network":"/n/1"}"#)
        let released = line(.networkManagerReleased(interface: "eth0", release: NetworkManagerRelease(
            device: "/org/freedesktop/NetworkManager/Devices/2", previousState: .activated, state: .unmanaged)))
        #expect(released.json == #"{"device":"/org/freedesktop/NetworkManager/Devices/2","elapsedMs":12.5,"event":"network-manager-released","interface":"eth0","previousState":"activated","state":"unmanaged"}"#)
        #expect(released.human == "    12.5 ms  --take-over: NetworkManager told to leave eth0 alone (device /org/freedesktop/NetworkManager/Devices/2, activated → unmanaged)")
        #expect(line(.networkReuseFailed(network: "/n/0", error: Self.error)).json
                == #"{"code":"nak","elapsedMs":12.5,"event":"network-reuse-failed","message":"refused","network":"/n/0"}"#)
    }

    @Test func watchLinesAreUnchanged() throws {
        func line(_ kind: WatchEvent.Kind) -> (json: String, human: String) {
            let l = WatchEventLine(event: WatchEvent(kind, time: Date(timeIntervalSince1970: 0), elapsed: .milliseconds(2.5)))
            return (Output.encode(l), l.human ?? "")
        }
        let bound = line(.dhcpBound(DHCPBound(result: Self.result, authenticatedToBound: .milliseconds(4), trigger: .linkUp,
                                              sinceTrigger: .milliseconds(18.8))))
        #expect(bound.json == #"{"address":"198.18.0.101","authenticatedToBoundMs":4,"backend":"builtin","elapsedMs":2.5,"event":"dhcp-bound","exchange":"init-reboot","exchangeMs":3,"leaseEndsAt":"2027-01-15T08:00:00Z","linkUpToBoundMs":18.8,"prefixLength":24,"server":"198.18.0.1","time":"1970-01-01T00:00:00.000","trigger":"link-up"}"#)
        #expect(bound.human.hasSuffix("  dhcp-bound  198.18.0.101/24 (init-reboot), 18.800 ms after link-up"))
        let keeper = line(.dhcpBound(DHCPBound(result: Self.result, trigger: .keeper)))
        #expect(keeper.json.contains(#""trigger":"keeper""#) && !keeper.json.contains("ToBoundMs"))
        #expect(keeper.human.hasSuffix("  dhcp-bound  198.18.0.101/24 (init-reboot)"))
        let other = line(.dhcpBound(DHCPBound(result: Self.result, trigger: .supplicant, sinceTrigger: .milliseconds(1))))
        #expect(other.json.contains(#""triggerToBoundMs":1"#))
        let failed = line(.reauthenticationFailed(Self.error, retryIn: .seconds(5)))
        #expect(failed.json == #"{"code":"nak","domain":"dhcp","elapsedMs":2.5,"event":"reauthentication-failed","message":"refused","retryInMs":5000,"time":"1970-01-01T00:00:00.000"}"#)
        #expect(failed.human.hasSuffix("  reauthentication-failed  refused"))
        let link = line(.link(.down, Self.link, interface: "eth0"))
        #expect(link.human.hasSuffix("  link-down  adminUp=1 carrier=1 interface=eth0 operstate=up"))
        let authenticated = line(.authenticated(reason: .linkUp, authMode: "EAP-TLS", resumed: true, trigger: .linkUp,
                                                sinceTrigger: .milliseconds(14.636)))
        #expect(authenticated.json == #"{"authMode":"EAP-TLS","elapsedMs":2.5,"event":"authenticated","reason":"link-up","resumed":"true","sinceTriggerMs":14.636,"time":"1970-01-01T00:00:00.000","trigger":"link-up"}"#)
        #expect(authenticated.human.hasSuffix("  authenticated  link-up (session resumed)"))
        #expect(line(.started(interface: "eth0", dhcp: nil, pid: 7, profile: nil)).json
                == #"{"dhcp":"none","elapsedMs":2.5,"event":"started","interface":"eth0","pid":"7","time":"1970-01-01T00:00:00.000"}"#)
        #expect(line(.stateUnconfirmed(state: "associated", authMode: "INACTIVE", profileNetwork: false)).human
                .hasSuffix("  state-unconfirmed  authMode=INACTIVE profileNetwork=no signalled=completed state=associated"))
        #expect(line(.waiting(.notAuthenticated(state: "disconnected"))).human
                .hasSuffix("  waiting  reason=not authenticated yet; no --profile to start with state=disconnected"))
    }

    @Test func scanHintLineNamesTheRememberedBSSIDsOnly() {
        func json(_ hint: ScanHint) -> String {
            Output.encode(AuthEventLine(update: AuthenticationUpdate(.scanHint(hint), elapsed: .milliseconds(12.5))))
        }
        #expect(json(ScanHint(frequencies: [2412], bssids: ["02:00:00:00:01:01", "02:00:00:00:01:02"], source: .remembered))
            == #"{"bssids":"02:00:00:00:01:01,02:00:00:00:01:02","elapsedMs":12.5,"event":"scan-hint","frequencies":"2412","limitMs":"3000","source":"remembered"}"#)
        #expect(json(ScanHint(frequencies: [2412, 5180], source: .given))
            == #"{"elapsedMs":12.5,"event":"scan-hint","frequencies":"2412,5180","limitMs":"3000","source":"given"}"#)
    }
}
