import Foundation

/// Keeps a builtin-client lease alive for `watch`: renews at T1 (unicast), rebinds at T2 (broadcast), removes the
/// address at expiry and then tries to get a new lease; `renewNow()` handles "link came back / re-authenticated".
///
/// Retries follow RFC 2131 §4.4.5: after a failed RENEW/REBIND, wait half the time left to T2 (resp. expiry),
/// at least `minimumRetry` and never past T2 (resp. expiry); after a failed acquisition, `minimumRetry`.
/// All times come from a `LeaseClock` (the system clock unless a test injects its own).
public actor LeaseKeeper {
    /// Events in order; finishes when the keeper is stopped.
    public nonisolated let events: AsyncStream<LeaseEvent>
    private let continuation: AsyncStream<LeaseEvent>.Continuation
    private let client: BuiltinDHCPClient
    private let interface: String
    private let attemptTimeout: Duration
    private let minimumRetry: Duration
    private let clock: any LeaseClock
    private var lease: DHCPLease?
    private var loop: Task<Void, Never>?
    /// The expiry of the lease whose REBINDING state was last announced (one `.rebinding` event per lease).
    private var rebindingAnnounced: Date?
    /// When the last RENEW/REBIND succeeded (keeper clock): the next one starts no earlier than
    /// `minimumRenewalInterval` later, whatever T1 the server sent.
    private var lastRenewal: Date?
    /// At most one successful renewal per this interval (the clamped minimum T1 of `DHCPLease`).
    static let minimumRenewalInterval = TimeInterval(DHCPLease.minimumRenewalSeconds)

    /// Creates a keeper for `lease` (typically the one just recorded by `BuiltinDHCPClient.renew`).
    /// - Parameters:
    ///   - client: the builtin client that performs the exchanges.
    ///   - lease: the bound lease to keep; nil to start by acquiring one.
    ///   - interface: the interface to keep a lease on.
    ///   - attemptTimeout: the budget of each RENEW/REBIND/acquire attempt.
    ///   - minimumRetry: the shortest wait between failed attempts.
    ///   - clock: the time source for the schedule (T1, T2, expiry, retry waits).
    public init(client: BuiltinDHCPClient, interface: String, lease: DHCPLease?,
                attemptTimeout: Duration = .seconds(10), minimumRetry: Duration = .seconds(5),
                clock: any LeaseClock = SystemLeaseClock()) {
        (events, continuation) = AsyncStream.makeStream(of: LeaseEvent.self, bufferingPolicy: .bufferingNewest(64))
        self.client = client
        self.interface = interface
        self.lease = lease
        self.attemptTimeout = attemptTimeout
        self.minimumRetry = minimumRetry
        self.clock = clock
    }

    /// The lease currently held, if any.
    public var currentLease: DHCPLease? { lease }

    /// Starts the timer loop (idempotent).
    public func start() {
        guard loop == nil else { return }
        loop = Task { await self.run() }
    }

    /// Stops the loop and finishes `events`. The address stays on the interface (its kernel lifetime still ends it).
    public func stop() async {
        loop?.cancel()
        await loop?.value
        loop = nil
        continuation.finish()
    }

    /// The link came back or was re-authenticated: renew now with INIT-REBOOT (then DISCOVER), and restart the
    /// timers from the new lease.
    /// - Returns: the new result, or nil if the attempt failed (a `.failed` event says why).
    @discardableResult
    public func renewNow(timeout: Duration? = nil) async -> DHCPResult? {
        loop?.cancel()
        await loop?.value
        loop = nil
        let result = await acquire(timeout: timeout ?? attemptTimeout)
        loop = Task { await self.run() }
        return result
    }

    private func acquire(timeout: Duration) async -> DHCPResult? {
        do {
            var r = try await client.renew(interface: interface, timeout: timeout)
            r.renewedAutomatically = true
            r.notice = DHCPResult.defaultNotice(interface: r.interface, address: r.address, prefixLength: r.prefixLength,
                                                leaseEndsAt: r.leaseEndsAt, renewedAutomatically: true)
            lease = try client.recordedLease(interface: interface)
            continuation.yield(.bound(r))
            return r
        } catch is CancellationError {
            return nil
        } catch {
            continuation.yield(.failed(Self.dhcpError(error, interface), nextAttempt: clock.now + minimumRetry.seconds))
            return nil
        }
    }

    private func run() async {
        while !Task.isCancelled {
            guard let current = lease else {
                if await acquire(timeout: attemptTimeout) == nil { await sleep(minimumRetry) }
                continue
            }
            let now = clock.now
            if current.isInfinite { await sleep(.seconds(3600)); continue }
            let renewFrom = Self.renewalStart(renewAt: current.renewAt, lastRenewal: lastRenewal)
            if now < renewFrom && now < current.expiresAt {
                await sleep(until: min(renewFrom, current.expiresAt))
                continue
            }
            if now >= current.expiresAt {
                try? await client.expire(current)
                lease = nil
                continuation.yield(.expired(interface: interface, address: current.address))
                continue
            }
            let rebinding = now >= current.rebindAt
            if rebinding && rebindingAnnounced != current.expiresAt {   // once per lease, not once per attempt
                rebindingAnnounced = current.expiresAt
                continuation.yield(.rebinding(interface: interface, leaseEndsAt: current.expiresAt))
            }
            let limit = rebinding ? current.expiresAt : current.rebindAt
            let budget = min(attemptTimeout, .milliseconds(Int64(max(1, limit.timeIntervalSince(now) * 1000))))
            do {
                let r = try await client.extend(current, rebinding: rebinding, timeout: budget)
                lease = try client.recordedLease(interface: interface) ?? current
                lastRenewal = clock.now
                continuation.yield(.renewed(r))
            } catch is CancellationError {
                return
            } catch let e as DHCPError where e.code == .nak {
                lease = nil  // the client removed the address; start over
                continuation.yield(.failed(e, nextAttempt: clock.now))
            } catch {
                // A lease that could not be applied (the route failed) was removed with its record: start over.
                if (try? client.recordedLease(interface: interface)) == nil {
                    lease = nil
                    continuation.yield(.failed(Self.dhcpError(error, interface), nextAttempt: clock.now + minimumRetry.seconds))
                    await sleep(minimumRetry)
                    continue
                }
                let next = Self.retryAt(after: clock.now, limit: limit, minimumRetry: minimumRetry)
                continuation.yield(.failed(Self.dhcpError(error, interface), nextAttempt: next))
                await sleep(until: next)
            }
        }
    }

    /// When the next RENEW may start: at T1, but never sooner than `minimumRenewalInterval` after the last
    /// successful one (defence in depth behind the T1 clamp of `DHCPLease.timers`).
    static func renewalStart(renewAt: Date, lastRenewal: Date?) -> Date {
        guard let lastRenewal else { return renewAt }
        return max(renewAt, lastRenewal + minimumRenewalInterval)
    }

    /// When to try again after a failed RENEW/REBIND at `now`: half the time left to `limit` (T2, resp. expiry),
    /// at least `minimumRetry`, never past `limit`.
    static func retryAt(after now: Date, limit: Date, minimumRetry: Duration) -> Date {
        let wait = max(minimumRetry.seconds, limit.timeIntervalSince(now) / 2)
        return min(now + wait, limit)
    }

    private func sleep(until date: Date) async {
        await clock.sleep(until: date)
    }

    private func sleep(_ d: Duration) async {
        await clock.sleep(until: clock.now + d.seconds)
    }

    static func dhcpError(_ error: any Error, _ interface: String) -> DHCPError {
        if let e = error as? DHCPError { return e }
        return DHCPError(.backendFailed, "Keeping the lease on \(interface) failed: \(error).", details: ["interface": .string(interface)])
    }
}
