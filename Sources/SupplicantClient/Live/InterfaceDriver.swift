import Foundation

/// The wpa_supplicant driver of an interface: `wired` for Ethernet 802.1X, `nl80211` for Wi-Fi.
public enum InterfaceDriver: String, Sendable, CaseIterable {
    case wired
    case nl80211

    /// True for ``wired``.
    public var isWired: Bool { self == .wired }

    /// Picks the driver from sysfs: an interface with `/sys/class/net/IF/wireless` or `phy80211` is Wi-Fi.
    /// - Parameters:
    ///   - interface: the kernel interface name.
    ///   - sysfsRoot: the `class/net` directory (tests pass a temporary directory).
    /// - Returns: the driver, or nil when the interface does not exist.
    public static func detect(interface: String, sysfsRoot: String = "/sys/class/net") -> InterfaceDriver? {
        let fm = FileManager.default
        let base = sysfsRoot + "/" + interface
        guard !interface.isEmpty, !interface.contains("/"), fm.fileExists(atPath: base) else { return nil }
        if fm.fileExists(atPath: base + "/wireless") || fm.fileExists(atPath: base + "/phy80211") { return .nl80211 }
        return .wired
    }
}
