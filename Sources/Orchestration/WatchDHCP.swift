public import DHCPClient

/// How `watch` gets an address after each (re-)authentication.
public enum WatchDHCP: Sendable {
    /// No DHCP.
    case none
    /// Run this trigger each time (external clients renew by themselves afterwards).
    case trigger(any DHCPTrigger)
    /// The builtin client under a keeper: `renewNow` each time, T1/T2/expiry in between.
    case keeper(any LeaseMaintaining)
}
