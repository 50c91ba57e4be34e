public import HostOS

/// A source of link-state changes of one interface (rtnetlink in production, scripted in tests).
public protocol LinkMonitoring: Sendable {
    /// The link states of `interface`, starting with the current one.
    /// - Throws: when the source cannot be opened (the live one: `DHCPError` `permission-denied`).
    func states(of interface: String) async throws -> AsyncStream<LinkState>
}
