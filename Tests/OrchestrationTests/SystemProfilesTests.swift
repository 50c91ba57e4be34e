import Foundation
@testable import Orchestration
import ProfileModel
import StructuredErrors
import Testing

/// A service manager that records what it is asked to do (systemd itself is never touched in unit tests).
final class FakeWatchServices: WatchServiceManaging, @unchecked Sendable {
    private let lock = NSLock()
    private var _calls: [String] = []
    let unavailableReason: String?
    let failEnable: Bool

    init(unavailableReason: String? = nil, failEnable: Bool = false) {
        self.unavailableReason = unavailableReason
        self.failEnable = failEnable
    }

    var calls: [String] { lock.withLock { _calls } }

    func enable(unit: String) throws {
        lock.withLock { _calls.append("enable \(unit)") }
        if failEnable { throw SystemError(.commandFailed, "systemctl enable --now \(unit) exited with status 1: no such unit") }
    }

    func disable(unit: String) throws { lock.withLock { _calls.append("disable \(unit)") } }

    func activeState(unit: String) -> String? { unavailableReason == nil ? "active" : nil }
}

@Suite struct SystemProfilesTests {
    let base: String

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("sysprof-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    }

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func setWritesOneFilePerInterfaceAndEnablesItsUnit() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let services = FakeWatchServices()
        let setup = SystemProfileSetup(configuration: SystemProfiles(stateDirectory: base), services: services)
        let id = ProfileID.new()
        let (entry, service) = try setup.set(interface: "eth0", profileID: id)
        #expect(entry.profileID == id && entry.interface == "eth0")
        #expect(service.action == .enabled && service.unit == "eapolctl-watch@eth0.service")
        #expect(services.calls == ["enable eapolctl-watch@eth0.service"])
        let path = base + "/system/interfaces/eth0.json"
        #expect(try mode(path) == 0o600)
        #expect(try mode(base + "/system") == 0o700)
        #expect(try SystemProfiles(stateDirectory: base).get(interface: "eth0")?.profileID == id)
        #expect(try SystemProfiles(stateDirectory: base).get(interface: "eth1") == nil)
    }

    @Test func withoutSystemdTheCommandIsReturnedAndNothingIsCalled() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let services = FakeWatchServices(unavailableReason: "systemd is not running")
        let setup = SystemProfileSetup(configuration: SystemProfiles(stateDirectory: base), services: services)
        let (_, service) = try setup.set(interface: "enp3s0", profileID: .new())
        #expect(service.action == .manual)
        #expect(service.command == "systemctl enable --now eapolctl-watch@enp3s0.service")
        let (removed, cleared) = try setup.clear(interface: "enp3s0")
        #expect(removed != nil)
        #expect(cleared.command == "systemctl disable --now eapolctl-watch@enp3s0.service")
        #expect(services.calls.isEmpty)
    }

    @Test func aFailedEnableKeepsTheConfigurationAndSaysSo() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let setup = SystemProfileSetup(configuration: SystemProfiles(stateDirectory: base),
                                       services: FakeWatchServices(failEnable: true))
        let id = ProfileID.new()
        let error = try #require(throws: SystemError.self) { try setup.set(interface: "eth0", profileID: id) }
        #expect(error.code == .commandFailed)
        #expect(error.message.contains("was saved") && error.message.contains("eapolctl-watch@eth0.service"))
        #expect(error.details["configured"] == .bool(true))
        #expect(try setup.configuration.get(interface: "eth0")?.profileID == id)
    }

    @Test func clearRemovesTheFileAndDisablesTheUnitEvenWhenNoneWasSet() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let services = FakeWatchServices()
        let setup = SystemProfileSetup(configuration: SystemProfiles(stateDirectory: base), services: services)
        _ = try setup.set(interface: "eth0", profileID: .new())
        let (removed, _) = try setup.clear(interface: "eth0")
        #expect(removed?.interface == "eth0")
        #expect(!FileManager.default.fileExists(atPath: base + "/system/interfaces/eth0.json"))
        let (again, _) = try setup.clear(interface: "eth0")
        #expect(again == nil)
        #expect(services.calls == ["enable eapolctl-watch@eth0.service", "disable eapolctl-watch@eth0.service",
                                   "disable eapolctl-watch@eth0.service"])
    }

    @Test(arguments: ["", ".", "..", "../etc", "a/b", "eth0:1", "with space", "sixteen-bytes-xx", ".hidden", "tab\t"])
    func interfaceNamesThatAreNoLinuxNameAreRefusedBeforeAnyPath(name: String) throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let profiles = SystemProfiles(stateDirectory: base)
        let error = try #require(throws: UsageError.self) { try profiles.set(interface: name, profileID: .new()) }
        #expect(error.code == .invalidArgument)
        #expect(!FileManager.default.fileExists(atPath: base + "/system"))
    }

    @Test func resolutionPrefersTheInterfaceThenEthernetForWiredOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let profiles = SystemProfiles(stateDirectory: base)
        let own = ProfileID.new(), wired = ProfileID.new()
        #expect(try profiles.resolve(interface: "eth0", isWired: true) == nil)
        try profiles.setEthernet(profileID: wired)
        #expect(try profiles.resolve(interface: "eth0", isWired: true)?.entry.profileID == wired)
        #expect(try profiles.resolve(interface: "eth0", isWired: true)?.source == .ethernet)
        #expect(try profiles.resolve(interface: "wlan0", isWired: false) == nil)
        try profiles.set(interface: "eth0", profileID: own)
        #expect(try profiles.resolve(interface: "eth0", isWired: true)?.entry.profileID == own)
        #expect(try profiles.resolve(interface: "eth0", isWired: true)?.source == .interface)
        #expect(try profiles.clearEthernet())
        #expect(try profiles.ethernet() == nil)
        let setup = SystemProfileSetup(configuration: profiles, services: FakeWatchServices())
        let error = try #require(throws: ProfileError.self) { try setup.requireWatchChoice(interface: "eth1", isWired: true) }
        #expect(error.code == .noSystemProfile)
        #expect(error.hint.contains("eapolctl setSystemProfile --interface eth1"))
    }

    @Test func allListsValidEntriesSortedAndIgnoresForeignFiles() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let profiles = SystemProfiles(stateDirectory: base)
        #expect(try profiles.all().isEmpty)
        try profiles.set(interface: "eth1", profileID: .new())
        try profiles.set(interface: "eth0", profileID: .new())
        try Data("x".utf8).write(to: URL(fileURLWithPath: profiles.interfacesDirectory + "/notes.txt"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: profiles.interfacesDirectory + "/.x.json"))
        #expect(try profiles.all().map(\.interface) == ["eth0", "eth1"])
    }

    @Test func aTamperedFileIsAnErrorNamingItNeverAnotherInterfacesProfile() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let profiles = SystemProfiles(stateDirectory: base)
        try profiles.set(interface: "eth0", profileID: .new())
        // eth1.json copied from eth0.json: the entry names eth0, so it is refused for eth1.
        try FileManager.default.copyItem(atPath: profiles.interfacesDirectory + "/eth0.json",
                                         toPath: profiles.interfacesDirectory + "/eth1.json")
        let copied = try #require(throws: ProfileError.self) { try profiles.get(interface: "eth1") }
        #expect(copied.code == .invalidJSON && copied.message.contains("names interface 'eth0'"))
        try Data("not json".utf8).write(to: URL(fileURLWithPath: profiles.interfacesDirectory + "/eth0.json"))
        let garbage = try #require(throws: ProfileError.self) { try profiles.get(interface: "eth0") }
        #expect(garbage.code == .invalidJSON && garbage.message.contains("eth0.json"))
        #expect(garbage.hint.contains("eapolctl clearSystemProfile --interface eth0"))
    }
}

/// The systemd side with a real process: a stand-in `systemctl` script in a temporary directory (the host's
/// systemd is never called).
@Suite struct SystemdWatchServicesTests {
    @Test func unavailableWithoutTheRunDirectoryOrWhenDisabledByEnvironment() throws {
        let missing = SystemdWatchServices(environment: [:], runDirectory: "/nonexistent-\(UUID().uuidString)")
        #expect(missing.unavailableReason?.contains("systemd is not running") == true)
        let dir = FileManager.default.temporaryDirectory.path
        let disabled = SystemdWatchServices(environment: ["EAPOLCTL_NO_SYSTEMD": "1"], runDirectory: dir, systemctl: "/bin/true")
        #expect(disabled.unavailableReason == "EAPOLCTL_NO_SYSTEMD is set")
        let present = SystemdWatchServices(environment: [:], runDirectory: dir, systemctl: "/bin/true")
        #expect(present.unavailableReason == nil)
    }

    @Test func enableAndDisableRunSystemctlWithNowAndAFailureCarriesItsMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("systemctl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log").path, script = dir.appendingPathComponent("systemctl").path
        try """
            #!/bin/sh
            echo "$@" >> '\(log)'
            case "$1" in is-active) echo active ;; disable) echo 'Unit not found.' >&2; exit 5 ;; esac
            """.write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let services = SystemdWatchServices(environment: [:], runDirectory: dir.path, systemctl: script)
        try services.enable(unit: "eapolctl-watch@eth0.service")
        #expect(services.activeState(unit: "eapolctl-watch@eth0.service") == "active")
        let error = try #require(throws: SystemError.self) { try services.disable(unit: "eapolctl-watch@eth0.service") }
        #expect(error.code == .commandFailed)
        #expect(error.message.contains("status 5") && error.message.contains("Unit not found."))
        #expect(error.hint.contains("systemctl disable --now eapolctl-watch@eth0.service"))
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(calls == ["enable --now eapolctl-watch@eth0.service", "is-active eapolctl-watch@eth0.service",
                          "disable --now eapolctl-watch@eth0.service"])
    }
}
