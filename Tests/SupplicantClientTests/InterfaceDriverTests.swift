import Foundation
import Testing
@testable import SupplicantClient

/// A fake `/sys/class/net` in a temporary directory, removed at deinit.
private final class FakeSysfs {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("eapolctl-sysfs-\(UUID().uuidString)").appendingPathComponent("class/net").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }

    /// Adds interface `name` with the given entries (directories, as the kernel shows them, or a symlink for phy80211).
    func add(_ name: String, directories: [String] = [], symlinks: [String: String] = [:]) throws {
        let base = root + "/" + name
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        // Entries every interface has, wired or not.
        FileManager.default.createFile(atPath: base + "/address", contents: Data("02:00:00:00:00:01\n".utf8))
        FileManager.default.createFile(atPath: base + "/type", contents: Data("1\n".utf8))
        try FileManager.default.createDirectory(atPath: base + "/statistics", withIntermediateDirectories: true)
        for d in directories { try FileManager.default.createDirectory(atPath: base + "/" + d, withIntermediateDirectories: true) }
        for (link, target) in symlinks { try FileManager.default.createSymbolicLink(atPath: base + "/" + link, withDestinationPath: target) }
    }
}

@Test func interfaceWithWirelessDirectoryIsNL80211() throws {
    let sysfs = try FakeSysfs()
    try sysfs.add("wlan0", directories: ["wireless"])
    #expect(InterfaceDriver.detect(interface: "wlan0", sysfsRoot: sysfs.root) == .nl80211)
}

@Test func interfaceWithPhy80211LinkIsNL80211() throws {
    let sysfs = try FakeSysfs()
    // The kernel shows phy80211 as a symlink to the wiphy; make the target exist, as it does in sysfs.
    let phy = sysfs.root + "/../../ieee80211/phy0"
    try FileManager.default.createDirectory(atPath: phy, withIntermediateDirectories: true)
    try sysfs.add("wlp2s0", symlinks: ["phy80211": phy])
    #expect(InterfaceDriver.detect(interface: "wlp2s0", sysfsRoot: sysfs.root) == .nl80211)
}

@Test func interfaceWithoutWirelessEntriesIsWired() throws {
    let sysfs = try FakeSysfs()
    try sysfs.add("eth0")
    try sysfs.add("wlan0", directories: ["wireless"])
    #expect(InterfaceDriver.detect(interface: "eth0", sysfsRoot: sysfs.root) == .wired)
    #expect(InterfaceDriver.detect(interface: "eth0", sysfsRoot: sysfs.root)?.isWired == true)
    #expect(InterfaceDriver.detect(interface: "wlan0", sysfsRoot: sysfs.root)?.isWired == false)
}

@Test func unknownOrMalformedInterfaceNameIsNil() throws {
    let sysfs = try FakeSysfs()
    try sysfs.add("eth0")
    #expect(InterfaceDriver.detect(interface: "eth1", sysfsRoot: sysfs.root) == nil)
    #expect(InterfaceDriver.detect(interface: "", sysfsRoot: sysfs.root) == nil)
    // A name with a slash must not walk into another directory (here: eth0's statistics).
    #expect(InterfaceDriver.detect(interface: "eth0/statistics", sysfsRoot: sysfs.root) == nil)
    #expect(InterfaceDriver.detect(interface: "eth0", sysfsRoot: sysfs.root + "/missing") == nil)
}
