public import DHCPClient

/// The result of ``Connector/connect(profile:options:progress:)``: the authentication and, unless DHCP was turned
/// off (or the caller did not wait), the lease obtained right after it.
public struct ConnectionReport: Sendable {
    /// The authentication.
    public var authentication: AuthenticationReport
    /// The lease, or nil with `--dhcp none` or `--no-wait`.
    public var dhcp: DHCPResult?
    /// From the moment authentication was reported successful to the address being applied.
    public var authenticatedToBound: Duration?

    /// Creates a report.
    public init(authentication: AuthenticationReport, dhcp: DHCPResult? = nil, authenticatedToBound: Duration? = nil) {
        self.authentication = authentication
        self.dhcp = dhcp
        self.authenticatedToBound = authenticatedToBound
    }
}
