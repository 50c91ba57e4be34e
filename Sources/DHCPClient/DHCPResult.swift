public import Foundation

/// What a renew trigger achieved: the lease now in effect and how it was obtained. Encodes to JSON for `--json`.
public struct DHCPResult: Sendable, Equatable, Codable {
    /// The backend that did the work.
    public var backend: DHCPBackend
    /// The interface concerned.
    public var interface: String
    /// How the lease was obtained.
    public var exchange: DHCPExchange
    /// The address now on the interface.
    public var address: IPv4Address
    /// Its prefix length.
    public var prefixLength: Int
    /// The default router, if the server named one.
    public var router: IPv4Address?
    /// The leasing server (unknown for some external backends).
    public var serverIdentifier: IPv4Address?
    /// The lease time granted (for external backends: the valid lifetime left on the address).
    public var leaseTime: Duration?
    /// Renewal time T1, counted from when the lease was obtained.
    public var renewalTime: Duration?
    /// Rebinding time T2, counted from when the lease was obtained.
    public var rebindingTime: Duration?
    /// When the lease ends (`Date.distantFuture` for an infinite lease).
    public var leaseEndsAt: Date
    /// Wall time from starting the trigger to the address being applied.
    public var elapsed: Duration
    /// Whether something keeps renewing the lease after this call returns (a `LeaseKeeper`, a dhclient daemon).
    public var renewedAutomatically: Bool
    /// A sentence for people: when the lease ends and what (if anything) renews it.
    public var notice: String
    /// The classless static routes (option 121) installed instead of a default route via `router`; nil when the
    /// server sent none (builtin client only).
    public var classlessRoutes: [Route]? = nil
    /// Routes of option 121 that were refused, each with its reason (builtin client only; empty when none).
    public var refusedRoutes: [Route] = []

    /// Creates a result.
    public init(
        backend: DHCPBackend, interface: String, exchange: DHCPExchange, address: IPv4Address, prefixLength: Int,
        router: IPv4Address?, serverIdentifier: IPv4Address?, leaseTime: Duration?, renewalTime: Duration?,
        rebindingTime: Duration?, leaseEndsAt: Date, elapsed: Duration, renewedAutomatically: Bool, notice: String? = nil
    ) {
        self.backend = backend
        self.interface = interface
        self.exchange = exchange
        self.address = address
        self.prefixLength = prefixLength
        self.router = router
        self.serverIdentifier = serverIdentifier
        self.leaseTime = leaseTime
        self.renewalTime = renewalTime
        self.rebindingTime = rebindingTime
        self.leaseEndsAt = leaseEndsAt
        self.elapsed = elapsed
        self.renewedAutomatically = renewedAutomatically
        self.notice = notice ?? Self.defaultNotice(
            interface: interface, address: address, prefixLength: prefixLength, leaseEndsAt: leaseEndsAt,
            renewedAutomatically: renewedAutomatically)
    }

    /// Builds the result of the builtin client from a lease.
    init(lease: DHCPLease, exchange: DHCPExchange, elapsed: Duration, renewedAutomatically: Bool = false,
         refusedRoutes: [DHCPClasslessRoute.Refused] = []) {
        self.init(
            backend: .builtin, interface: lease.interface, exchange: exchange, address: lease.address,
            prefixLength: lease.prefixLength, router: lease.router, serverIdentifier: lease.serverIdentifier,
            leaseTime: lease.isInfinite ? nil : .seconds(lease.leaseSeconds),
            renewalTime: lease.isInfinite ? nil : .seconds(lease.renewalSeconds),
            rebindingTime: lease.isInfinite ? nil : .seconds(lease.rebindingSeconds),
            leaseEndsAt: lease.expiresAt, elapsed: elapsed, renewedAutomatically: renewedAutomatically)
        classlessRoutes = lease.staticRoutes.map { $0.map { Route($0) } }
        self.refusedRoutes = refusedRoutes.map { Route($0.route, reason: $0.reason.code) }
    }

    static func defaultNotice(
        interface: String, address: IPv4Address, prefixLength: Int, leaseEndsAt: Date, renewedAutomatically: Bool
    ) -> String {
        if leaseEndsAt == .distantFuture {
            return "\(address)/\(prefixLength) on \(interface) has an infinite lease."
        }
        let when = leaseEndsAt.formatted(.iso8601)
        if renewedAutomatically {
            return "\(address)/\(prefixLength) on \(interface) is leased until \(when) and will be renewed automatically."
        }
        return "\(address)/\(prefixLength) on \(interface) is leased until \(when); nothing will renew it — "
            + "run `eapolctl watch` or `eapolctl dhcp renew` again before then, or the address is removed at expiry."
    }

    private enum CodingKeys: String, CodingKey {
        case backend, interface, exchange, address, prefixLength, router, serverIdentifier
        case leaseSeconds, renewalSeconds, rebindingSeconds, leaseEndsAt, elapsedSeconds, renewedAutomatically, notice
        case classlessRoutes, refusedRoutes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func duration(_ key: CodingKeys) throws -> Duration? {
            try c.decodeIfPresent(Double.self, forKey: key).map { .milliseconds(Int64(($0 * 1000).rounded())) }
        }
        backend = try c.decode(DHCPBackend.self, forKey: .backend)
        interface = try c.decode(String.self, forKey: .interface)
        exchange = try c.decode(DHCPExchange.self, forKey: .exchange)
        address = try c.decode(IPv4Address.self, forKey: .address)
        prefixLength = try c.decode(Int.self, forKey: .prefixLength)
        router = try c.decodeIfPresent(IPv4Address.self, forKey: .router)
        serverIdentifier = try c.decodeIfPresent(IPv4Address.self, forKey: .serverIdentifier)
        leaseTime = try duration(.leaseSeconds)
        renewalTime = try duration(.renewalSeconds)
        rebindingTime = try duration(.rebindingSeconds)
        leaseEndsAt = try c.decode(Date.self, forKey: .leaseEndsAt)
        elapsed = try duration(.elapsedSeconds) ?? .zero
        renewedAutomatically = try c.decode(Bool.self, forKey: .renewedAutomatically)
        notice = try c.decode(String.self, forKey: .notice)
        classlessRoutes = try c.decodeIfPresent([Route].self, forKey: .classlessRoutes)
        refusedRoutes = try c.decodeIfPresent([Route].self, forKey: .refusedRoutes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(backend, forKey: .backend)
        try c.encode(interface, forKey: .interface)
        try c.encode(exchange, forKey: .exchange)
        try c.encode(address, forKey: .address)
        try c.encode(prefixLength, forKey: .prefixLength)
        try c.encodeIfPresent(router, forKey: .router)
        try c.encodeIfPresent(serverIdentifier, forKey: .serverIdentifier)
        try c.encodeIfPresent(leaseTime?.seconds, forKey: .leaseSeconds)
        try c.encodeIfPresent(renewalTime?.seconds, forKey: .renewalSeconds)
        try c.encodeIfPresent(rebindingTime?.seconds, forKey: .rebindingSeconds)
        try c.encode(leaseEndsAt, forKey: .leaseEndsAt)
        try c.encode(elapsed.seconds, forKey: .elapsedSeconds)
        try c.encode(renewedAutomatically, forKey: .renewedAutomatically)
        try c.encode(notice, forKey: .notice)
        try c.encodeIfPresent(classlessRoutes, forKey: .classlessRoutes)
        if !refusedRoutes.isEmpty { try c.encode(refusedRoutes, forKey: .refusedRoutes) }
    }
}

