public import Foundation

/// A bound DHCP lease as recorded on disk (`STATE/leases/IF.json`) and used for INIT-REBOOT and renewals.
public struct DHCPLease: Sendable, Codable, Equatable {
    /// Lease time meaning "infinite" on the wire (RFC 2131 §3.3).
    public static let infinite: UInt32 = 0xFFFF_FFFF

    /// The interface the lease belongs to.
    public var interface: String
    /// The interface's MAC address (lower-case, colon-separated) when the lease was obtained.
    public var hardwareAddress: String
    /// The leased address (`yiaddr`).
    public var address: IPv4Address
    /// Prefix length from option 1 (subnet mask); 32 when the server sent none.
    public var prefixLength: Int
    /// First router from option 3.
    public var router: IPv4Address?
    /// DNS servers from option 6 (recorded, not applied: resolv.conf is not eapolctl's to edit).
    public var dnsServers: [IPv4Address]
    /// Domain name from option 15.
    public var domainName: String?
    /// The leasing server (option 54).
    public var serverIdentifier: IPv4Address
    /// Lease time in seconds (option 51); `DHCPLease.infinite` for no expiry.
    public var leaseSeconds: UInt32
    /// Renewal time T1 in seconds (option 58 or 0.5 × lease).
    public var renewalSeconds: UInt32
    /// Rebinding time T2 in seconds (option 59 or 0.875 × lease).
    public var rebindingSeconds: UInt32
    /// When the lease was obtained (the time the REQUEST was sent, as RFC 2131 §4.4.1 recommends).
    public var obtainedAt: Date
    /// The validated routes of option 121 (RFC 3442) installed instead of a default route via `router`; nil when
    /// the server sent none (then `router` is the default route). Recorded so release and expiry remove them.
    var staticRoutes: [DHCPClasslessRoute]? = nil

    /// Creates a lease record.
    public init(
        interface: String, hardwareAddress: String, address: IPv4Address, prefixLength: Int, router: IPv4Address?,
        dnsServers: [IPv4Address] = [], domainName: String? = nil, serverIdentifier: IPv4Address,
        leaseSeconds: UInt32, renewalSeconds: UInt32? = nil, rebindingSeconds: UInt32? = nil, obtainedAt: Date
    ) {
        self.interface = interface
        self.hardwareAddress = hardwareAddress
        self.address = address
        self.prefixLength = prefixLength
        self.router = router
        self.dnsServers = dnsServers
        self.domainName = domainName
        self.serverIdentifier = serverIdentifier
        let lease = Self.clampedLease(leaseSeconds)
        self.leaseSeconds = lease
        let timers = Self.timers(lease: lease, renewal: renewalSeconds, rebinding: rebindingSeconds)
        self.renewalSeconds = timers.renewal
        self.rebindingSeconds = timers.rebinding
        self.obtainedAt = obtainedAt
    }

    /// True when the server granted an infinite lease.
    public var isInfinite: Bool { leaseSeconds == Self.infinite }

    /// When to renew (T1); `Date.distantFuture` for an infinite lease.
    public var renewAt: Date { isInfinite ? .distantFuture : obtainedAt + TimeInterval(renewalSeconds) }
    /// When to rebind (T2); `Date.distantFuture` for an infinite lease.
    public var rebindAt: Date { isInfinite ? .distantFuture : obtainedAt + TimeInterval(rebindingSeconds) }
    /// When the lease ends; `Date.distantFuture` for an infinite lease.
    public var expiresAt: Date { isInfinite ? .distantFuture : obtainedAt + TimeInterval(leaseSeconds) }

    /// Seconds of validity left at `now` (0 once expired, `UInt32.max` when infinite).
    public func remainingSeconds(at now: Date = Date()) -> UInt32 {
        if isInfinite { return Self.infinite }
        let left = expiresAt.timeIntervalSince(now)
        return left <= 0 ? 0 : UInt32(min(left.rounded(.down), Double(UInt32.max - 1)))
    }

    /// The shortest lease accepted; shorter ones (1 s from a broken or hostile server) are treated as this long,
    /// as dhcpcd does (its DHCP_MIN_LEASE).
    public static let minimumLeaseSeconds: UInt32 = 20
    /// The shortest renewal time T1: at most one RENEW per 10 s, whatever the server says.
    public static let minimumRenewalSeconds: UInt32 = 10

    /// The lease time used for `seconds` from the server: at least `minimumLeaseSeconds`; infinite stays infinite.
    static func clampedLease(_ seconds: UInt32) -> UInt32 {
        seconds == infinite ? infinite : max(seconds, minimumLeaseSeconds)
    }

    /// T1/T2 for a lease of `lease` seconds (already clamped by `clampedLease`).
    ///
    /// The server's values are used when present, non-zero and ordered T1 ≤ T2 ≤ lease; otherwise 0.5 and 0.875
    /// of the lease (RFC 2131 §4.4.5). Then T1 is raised to at least `minimumRenewalSeconds` (a T1 of 0 or 1 s
    /// would renew in a loop) and T2 kept between T1 and the lease: a T2 below the raised T1 becomes
    /// max(T1, 0.875 × lease).
    static func timers(lease: UInt32, renewal: UInt32?, rebinding: UInt32?) -> (renewal: UInt32, rebinding: UInt32) {
        if lease == infinite { return (infinite, infinite) }
        let defaultT1 = UInt32((Double(lease) * 0.5).rounded(.down))
        let defaultT2 = UInt32((Double(lease) * 0.875).rounded(.down))
        var t2 = rebinding.flatMap { $0 > 0 && $0 <= lease ? $0 : nil } ?? defaultT2
        var t1 = renewal.flatMap { $0 > 0 && $0 <= t2 ? $0 : nil } ?? min(defaultT1, t2)
        if t1 > t2 || t2 > lease { (t1, t2) = (defaultT1, defaultT2) }
        t1 = min(max(t1, minimumRenewalSeconds), lease)
        if t2 < t1 { t2 = min(max(t1, defaultT2), lease) }
        return (t1, t2)
    }
}

extension DHCPLease {
    /// The lease an ACK that passed ``DHCPReplyFilter`` gives, counted from `obtainedAt` (when the REQUEST left).
    /// The one construction the session and the fuzz harness share.
    init(ack: DHCPMessage, accepted: DHCPReplyFilter.Accepted, interface: String, hardwareAddress: String,
         obtainedAt: Date) {
        self.init(
            interface: interface, hardwareAddress: hardwareAddress, address: accepted.address,
            prefixLength: accepted.prefixLength, router: accepted.router,
            dnsServers: ack.addresses(DHCPOptionCode.dnsServers), domainName: ack.string(DHCPOptionCode.domainName),
            serverIdentifier: accepted.server ?? .any, leaseSeconds: accepted.leaseSeconds ?? DHCPLease.minimumLeaseSeconds,
            renewalSeconds: ack.uint32(DHCPOptionCode.renewalTime),
            rebindingSeconds: ack.uint32(DHCPOptionCode.rebindingTime), obtainedAt: obtainedAt)
        staticRoutes = accepted.staticRoutes
    }
}
