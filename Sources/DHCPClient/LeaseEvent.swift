public import Foundation

/// What a `LeaseKeeper` reports while it keeps a lease alive.
public enum LeaseEvent: Sendable {
    /// A lease was (re)acquired from scratch: at start, after "link came back", or after expiry.
    case bound(DHCPResult)
    /// The lease was extended at T1 (unicast RENEW) or after T2 (broadcast REBIND).
    case renewed(DHCPResult)
    /// T2 passed without a renewal; the keeper now broadcasts to any server.
    case rebinding(interface: String, leaseEndsAt: Date)
    /// The lease ended; its address was removed from the interface.
    case expired(interface: String, address: IPv4Address)
    /// An attempt failed; `nextAttempt` says when the keeper tries again (nil: it stopped).
    case failed(DHCPError, nextAttempt: Date?)
}
