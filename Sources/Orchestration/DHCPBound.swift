public import DHCPClient

/// An address bound after an authentication, with what it is measured from: the one value behind the `dhcp-bound`
/// events of `auth start` and `watch`.
public struct DHCPBound: Sendable, Equatable {
    public var result: DHCPResult
    /// Time from the authentication's success to the bound address (nil when no authentication preceded it).
    public var authenticatedToBound: Duration?
    /// What started the cycle (`watch` only).
    public var trigger: WatchTrigger?
    /// Time from the trigger to the bound address (`watch`, when the cycle began with a trigger).
    public var sinceTrigger: Duration?

    public init(result: DHCPResult, authenticatedToBound: Duration? = nil, trigger: WatchTrigger? = nil,
                sinceTrigger: Duration? = nil) {
        self.result = result
        self.authenticatedToBound = authenticatedToBound
        self.trigger = trigger
        self.sinceTrigger = sinceTrigger
    }
}
