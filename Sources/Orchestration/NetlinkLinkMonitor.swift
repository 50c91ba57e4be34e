public import DHCPClient

/// The live ``LinkMonitoring``: rtnetlink `RTMGRP_LINK` through `DHCPClient.LinkMonitor`.
public struct NetlinkLinkMonitor: LinkMonitoring {
    /// The namespace to watch from (`/run/netns/NAME`), or nil for the current one.
    public var networkNamespace: String?

    /// Creates the monitor.
    public init(networkNamespace: String? = nil) { self.networkNamespace = networkNamespace }

    public func states(of interface: String) async throws -> AsyncStream<LinkState> {
        try await LinkMonitor.states(of: interface, networkNamespace: networkNamespace)
    }
}
