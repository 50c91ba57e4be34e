import Foundation
@testable import Orchestration
import ProfileModel
import StructuredErrors
import Testing

/// The login-window lists on disk and the use cases around them (units through a fake service manager).
@Suite struct LoginWindowProfilesTests {
    let base: String

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("loginwin-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    }

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aListIsKeptInOrderInItsOwnFile() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let lists = LoginWindowProfiles(stateDirectory: base)
        let (machine, user) = (ProfileID.new(), ProfileID.new())
        try lists.set(interface: "eth0", profileIDs: [machine, user])
        let path = base + "/system/login-window/eth0.json"
        #expect(try mode(path) == 0o600)
        #expect(try mode(base + "/system/login-window") == 0o700)
        #expect(try lists.get(interface: "eth0")?.profileIDs == [machine, user])
        try lists.set(interface: "eth0", profileIDs: [user, machine])
        #expect(try lists.get(interface: "eth0")?.profileIDs == [user, machine], "a second set replaces the list, order included")
        #expect(try lists.get(interface: "eth1") == nil)
        #expect(try lists.clear(interface: "eth0"))
        #expect(try !lists.clear(interface: "eth0"))
        #expect(try lists.get(interface: "eth0") == nil)
    }

    @Test func emptyDuplicateAndOverlongListsAreRefusedAndNothingIsWritten() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let lists = LoginWindowProfiles(stateDirectory: base)
        let a = ProfileID.new()
        let empty = try #require(throws: UsageError.self) { try lists.set(interface: "eth0", profileIDs: []) }
        #expect(empty.code == .missingArgument)
        let twice = try #require(throws: UsageError.self) { try lists.set(interface: "eth0", profileIDs: [a, ProfileID.new(), a]) }
        #expect(twice.code == .invalidArgument && twice.details["profileID"] == .string(a.description))
        let long = (0...LoginWindowProfiles.maximumCount).map { _ in ProfileID.new() }
        let tooMany = try #require(throws: UsageError.self) { try lists.set(interface: "eth0", profileIDs: long) }
        #expect(tooMany.details["count"] == .int(LoginWindowProfiles.maximumCount + 1))
        #expect(try lists.get(interface: "eth0") == nil)
        try lists.set(interface: "eth0", profileIDs: Array(long.prefix(LoginWindowProfiles.maximumCount)))
        #expect(try lists.get(interface: "eth0")?.profileIDs.count == LoginWindowProfiles.maximumCount)
    }

    @Test func interfaceNamesThatAreNotLinuxNamesNeverBecomePaths() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let lists = LoginWindowProfiles(stateDirectory: base)
        for bad in ["../../etc/x", "eth0/..", ".hidden", "a b", "waytoolonginterfacename", ""] {
            let error = try #require(throws: UsageError.self) { try lists.set(interface: bad, profileIDs: [ProfileID.new()]) }
            #expect(error.code == .invalidArgument, "\(bad)")
        }
        #expect(!FileManager.default.fileExists(atPath: base + "/system"))
    }

    @Test func aFileForAnotherInterfaceOrWithADuplicateIsRefusedOnRead() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let lists = LoginWindowProfiles(stateDirectory: base)
        let a = ProfileID.new()
        try lists.set(interface: "eth1", profileIDs: [a])
        // A file copied under another interface's name.
        try FileManager.default.copyItem(atPath: base + "/system/login-window/eth1.json", toPath: base + "/system/login-window/eth2.json")
        let moved = try #require(throws: ProfileError.self) { try lists.get(interface: "eth2") }
        #expect(moved.code == .invalidJSON && moved.message.contains("eth1"))
        // A hand-edited duplicate.
        let text = "{\"interface\":\"eth3\",\"profileIDs\":[\"\(a)\",\"\(a)\"],\"setAt\":\"2026-01-01T00:00:00Z\"}"
        try text.write(toFile: base + "/system/login-window/eth3.json", atomically: true, encoding: .utf8)
        let twice = try #require(throws: ProfileError.self) { try lists.get(interface: "eth3") }
        #expect(twice.code == .invalidJSON && twice.hint.contains("setLoginWindowProfiles --interface eth3"))
        // all() ignores names that are not IF.json, but does not hide a broken list.
        try "x".write(toFile: base + "/system/login-window/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: ProfileError.self) { try lists.all() }
        try FileManager.default.removeItem(atPath: base + "/system/login-window/eth2.json")
        try FileManager.default.removeItem(atPath: base + "/system/login-window/eth3.json")
        #expect(try lists.all().map(\.interface) == ["eth1"])
    }

    @Test func settingEnablesTheUnitAndClearingKeepsItWhileASystemProfileNeedsIt() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let services = FakeWatchServices()
        let setup = SystemProfileSetup(configuration: SystemProfiles(stateDirectory: base), services: services)
        let (a, b) = (ProfileID.new(), ProfileID.new())
        let (entry, service) = try setup.setLoginWindow(interface: "eth0", profileIDs: [a, b])
        #expect(entry.profileIDs == [a, b])
        #expect(service.action == .enabled && service.unit == "eapolctl-watch@eth0.service")
        // The system profile and the list share the unit: clearing one keeps it for the other.
        _ = try setup.set(interface: "eth0", profileID: a)
        let keptForList = try setup.clear(interface: "eth0").service
        #expect(keptForList.action == .kept && keptForList.reason?.contains("login-window") == true)
        _ = try setup.set(interface: "eth0", profileID: a)
        let (removed, keptForProfile) = try setup.clearLoginWindow(interface: "eth0")
        #expect(removed?.profileIDs == [a, b])
        #expect(keptForProfile.action == .kept && keptForProfile.reason?.contains("system profile") == true)
        #expect(!services.calls.contains("disable eapolctl-watch@eth0.service"))
        // With neither left, the unit is disabled.
        _ = try setup.clear(interface: "eth0")
        #expect(services.calls.last == "disable eapolctl-watch@eth0.service")
        let (none, disabled) = try setup.clearLoginWindow(interface: "eth0")
        #expect(none == nil && disabled.action == .disabled)
    }

    @Test func withoutSystemdTheCommandsAreReturned() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let services = FakeWatchServices(unavailableReason: "EAPOLCTL_NO_SYSTEMD is set")
        let setup = SystemProfileSetup(configuration: SystemProfiles(stateDirectory: base), services: services)
        let set = try setup.setLoginWindow(interface: "eth0", profileIDs: [ProfileID.new()]).service
        #expect(set.action == .manual && set.command == "systemctl enable --now eapolctl-watch@eth0.service")
        let cleared = try setup.clearLoginWindow(interface: "eth0").service
        #expect(cleared.action == .manual && cleared.command == "systemctl disable --now eapolctl-watch@eth0.service")
        #expect(services.calls.isEmpty)
    }

    @Test func watchUsesTheSystemProfileThenTheListThenTheEthernetProfile() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        let setup = SystemProfileSetup(configuration: SystemProfiles(stateDirectory: base), services: FakeWatchServices())
        let (own, first, second, wired) = (ProfileID.new(), ProfileID.new(), ProfileID.new(), ProfileID.new())
        try setup.configuration.setEthernet(profileID: wired)
        let ethernet = try #require(try setup.configuration.ethernet())
        #expect(try setup.requireWatchChoice(interface: "eth0", isWired: true) == .ethernet(ethernet))
        #expect(throws: ProfileError.self) { try setup.requireWatchChoice(interface: "wlan0", isWired: false) }
        _ = try setup.setLoginWindow(interface: "eth0", profileIDs: [first, second])
        #expect(try setup.requireWatchChoice(interface: "eth0", isWired: true).profileIDs == [first, second])
        #expect(setup.hasOwnConfiguration(interface: "eth0") && !setup.hasOwnConfiguration(interface: "eth1"))
        _ = try setup.set(interface: "eth0", profileID: own)
        #expect(try setup.requireWatchChoice(interface: "eth0", isWired: true).profileIDs == [own])
        let statuses = try setup.loginWindowInterfaces()
        #expect(statuses.map(\.entry.interface) == ["eth0"] && statuses.first?.shadowedBySystemProfile == true)
    }
}

/// Which profile of a list comes next.
@Suite struct LoginWindowSelectionTests {
    private func profiles(_ n: Int) -> [Profile] {
        (0..<n).map { Profile(name: "p\($0)", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "u")) }
    }

    @Test func freshRoundsStartFromTheFirstAndRepeatsFromTheOneThatWorked() {
        var selection = LoginWindowSelection(profiles: profiles(3))
        #expect(selection.order(.fromFirst) == [0, 1, 2])
        #expect(selection.order(.fromWorking) == [0, 1, 2], "nothing worked yet")
        selection.succeeded(2)
        #expect(selection.order(.fromWorking) == [2, 0, 1])
        #expect(selection.order(.fromFirst) == [0, 1, 2])
        #expect(selection.isOnFallback)
        selection.exhausted()
        #expect(selection.working == nil && selection.order(.fromWorking) == [0, 1, 2])
        selection.succeeded(0)
        #expect(!selection.isOnFallback)
    }

    @Test func reasonsMapToRounds() {
        #expect(LoginWindowSelection.start(for: .start) == .fromFirst)
        #expect(LoginWindowSelection.start(for: .linkUp) == .fromFirst)
        #expect(LoginWindowSelection.start(for: .retry) == .fromWorking)
        #expect(LoginWindowSelection.start(for: .supplicantReturned) == .fromWorking)
    }

    @Test func networksAreMatchedByTheirEapolctlIDString() {
        let list = profiles(2)
        let selection = LoginWindowSelection(profiles: list)
        #expect(selection.index(ofNetworkIDString: "eapolctl:\(list[1].id)") == 1)
        #expect(selection.index(ofNetworkIDString: "eapolctl:\(ProfileID.new())") == nil)
        #expect(selection.index(ofNetworkIDString: nil) == nil)
    }
}
