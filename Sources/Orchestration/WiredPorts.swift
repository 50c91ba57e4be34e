import DHCPClient
import SupplicantClient
import Foundation
public import HostOS
#if canImport(Glibc)
import Glibc
#endif

/// Which interfaces `watch-wired` serves: wired Ethernet ports (sysfs `type` 1, no `wireless`/`phy80211`, not a
/// bridge or bond, not loopback). By default only physical ones (a `device` link in sysfs: on-board and USB
/// adapters, never veth pairs, bridges' ports of containers or tunnels); with `patterns`, exactly the Ethernet
/// interfaces whose name matches one of them (`fnmatch(3)` globs such as `eth*`), physical or not.
public struct WiredPortClassifier: Sendable {
    public var patterns: [String]
    public var sysfsRoot: String

    public init(patterns: [String] = [], sysfsRoot: String = "/sys/class/net") {
        self.patterns = patterns
        self.sysfsRoot = sysfsRoot
    }

    public func serves(_ interface: String) -> Bool {
        guard (try? SystemProfiles.checkInterface(interface)) != nil, interface != "lo" else { return false }
        let base = sysfsRoot + "/" + interface
        let fm = FileManager.default
        let type = (try? String(contentsOfFile: base + "/type", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard type == "1" else { return false }
        guard InterfaceDriver.detect(interface: interface, sysfsRoot: sysfsRoot) == .wired else { return false }
        for marker in ["bridge", "bonding"] where fm.fileExists(atPath: base + "/" + marker) {
            return false
        }
        if patterns.isEmpty { return fm.fileExists(atPath: base + "/device") }
        return patterns.contains { fnmatch($0, interface, 0) == 0 }
    }
}

/// The live ``LinkAnnouncing``: rtnetlink through `HostOS.LinkMonitor.allStates`.
public struct NetlinkLinkAnnouncer: LinkAnnouncing {
    public var networkNamespace: String?

    public init(networkNamespace: String? = nil) { self.networkNamespace = networkNamespace }

    /// - Throws: `DHCPError` `permission-denied` or `backend-failed` (link failures are reported in the DHCP domain,
    ///   as watch's are) when the netlink socket cannot be opened.
    public func allLinks() async throws -> AsyncStream<LinkState> {
        do {
            return try await LinkMonitor.allStates(networkNamespace: networkNamespace)
        } catch let failure as HostFailure {
            throw DHCPError(failure)
        }
    }
}
