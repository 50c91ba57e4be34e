import DHCPClient
public import HostOS

/// The live ``LinkMonitoring``: rtnetlink `RTMGRP_LINK` through `HostOS.LinkMonitor`.
public struct NetlinkLinkMonitor: LinkMonitoring {
    /// The namespace to watch from (`/run/netns/NAME`), or nil for the current one.
    public var networkNamespace: String?

    /// Creates the monitor.
    public init(networkNamespace: String? = nil) { self.networkNamespace = networkNamespace }

    /// - Throws: `DHCPError` `permission-denied` or `backend-failed` when the netlink socket cannot be opened
    ///   (watch reports link failures in the DHCP domain, as it always has).
    public func states(of interface: String) async throws -> AsyncStream<LinkState> {
        do {
            return try await LinkMonitor.states(of: interface, networkNamespace: networkNamespace)
        } catch let failure as HostFailure {
            throw DHCPError(failure)
        }
    }
}
