import Foundation
import Testing
@testable import DHCPClient

/// LeaseKeeper's RENEWING → REBINDING → expiry schedule, on a `ManualLeaseClock` against a real dnsmasq that the
/// test stops and starts. The exchanges are real; only the keeper's notion of time is moved by hand. The lease
/// record given to the keeper has artificial T1/T2/expiry (10/20/30 s from when it was obtained) so that a lease
/// the server grants later (120 s, counted on the real clock) lies after every moment the test moves to.
@Suite("LeaseKeeper schedule on a manual clock against dnsmasq", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct LeaseKeeperScheduleTests {
    static let interface = TestNetwork.clientInterface

    /// A real lease from dnsmasq, rewritten to T1 10 s, T2 20 s, lease 30 s.
    func shortLease(_ net: TestNetwork) async throws -> DHCPLease {
        try net.startServer()
        let client = net.client()
        _ = try await client.renew(interface: Self.interface, timeout: .seconds(10))
        var lease = try #require(try client.recordedLease(interface: Self.interface))
        lease.renewalSeconds = 10
        lease.rebindingSeconds = 20
        lease.leaseSeconds = 30
        return lease
    }

    /// The next event, or nil after a generous "no hang" bound.
    func next(_ events: AsyncStream<LeaseEvent>) async -> LeaseEvent? {
        await withTimeout(.seconds(60)) { () async -> LeaseEvent? in
            for await e in events { return e }
            return nil
        }
    }

    func close(_ a: Date?, _ b: Date) -> Bool { a.map { abs($0.timeIntervalSince(b)) < 0.001 } ?? false }

    @Test("no server: RENEW fails at T1 and retries per RFC 2131, rebinding at T2, address removed at expiry, new lease once the server is back",
          .timeLimit(.minutes(3)))
    func noServerUntilExpiry() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let lease = try await shortLease(net)
        net.stopServer()
        let clock = ManualLeaseClock(now: lease.obtainedAt)
        let client = net.client()
        let keeper = LeaseKeeper(client: client, interface: Self.interface, lease: lease,
                                 attemptTimeout: .seconds(2), minimumRetry: .seconds(3), clock: clock)
        let events = keeper.events
        await keeper.start()

        // Bound: the keeper waits for T1.
        #expect(close(await clock.pendingSleep(), lease.renewAt))
        clock.advance(to: lease.renewAt)
        // T1: RENEW gets no answer; the retry is half the time left to T2 (5 s), at least minimumRetry (3 s).
        guard case .failed(let e1, let retry1)? = await next(events) else { Issue.record("expected failed at T1"); return }
        #expect(e1.code == .noServer)
        #expect(close(retry1, lease.renewAt + 5))
        #expect(close(await clock.pendingSleep(), lease.renewAt + 5))
        clock.advance(to: lease.renewAt + 5)
        // Second RENEW at T1+5 s: 5 s left to T2, half is 2.5 s, so minimumRetry (3 s) applies.
        guard case .failed(_, let retry2)? = await next(events) else { Issue.record("expected a second failed RENEW"); return }
        #expect(close(retry2, lease.renewAt + 8))
        clock.advance(to: lease.renewAt + 8)
        // Third at T1+8 s: 2 s left, minimumRetry would overshoot T2, so the next attempt is at T2 itself.
        guard case .failed(_, let retry3)? = await next(events) else { Issue.record("expected a third failed RENEW"); return }
        #expect(close(retry3, lease.rebindAt))
        #expect(try net.clientAddresses().contains { $0.address == lease.address })
        clock.advance(to: lease.rebindAt)

        // T2: REBINDING is announced once, the broadcast REQUEST fails, retry half-way to expiry.
        guard case .rebinding(let ifname, let endsAt)? = await next(events) else { Issue.record("expected rebinding at T2"); return }
        #expect(ifname == Self.interface)
        #expect(endsAt == lease.expiresAt)
        guard case .failed(let e4, let retry4)? = await next(events) else { Issue.record("expected failed REBIND"); return }
        #expect(e4.code == .noServer)
        #expect(close(retry4, lease.rebindAt + 5))
        clock.advance(to: lease.rebindAt + 5)
        guard case .failed(_, let retry5)? = await next(events) else { Issue.record("expected a second failed REBIND"); return }
        #expect(close(retry5, lease.rebindAt + 8))   // 5 s left → minimumRetry 3 s
        #expect(try net.clientAddresses().contains { $0.address == lease.address })

        clock.advance(to: lease.rebindAt + 8)
        guard case .failed(_, let retry6)? = await next(events) else { Issue.record("expected a third failed REBIND"); return }
        #expect(close(retry6, lease.expiresAt))  // 2 s left → minimumRetry would overshoot, so capped at expiry

        // Expiry: the address is removed and the record forgotten.
        clock.advance(to: lease.expiresAt)
        guard case .expired(_, let gone)? = await next(events) else { Issue.record("expected expired"); return }
        #expect(gone == lease.address)
        #expect(!(try net.clientAddresses().contains { $0.address == lease.address }))
        #expect(try client.recordedLease(interface: Self.interface) == nil)
        #expect(await keeper.currentLease == nil)

        // Without a lease it tries to acquire one every minimumRetry; with the server back it gets one.
        guard case .failed(let e7, let retry7)? = await next(events) else { Issue.record("expected failed acquisition"); return }
        #expect(e7.code == .noServer)
        #expect(close(retry7, lease.expiresAt + 3))
        try net.startServer()
        clock.advance(to: lease.expiresAt + 3)
        guard case .bound(let r)? = await next(events) else { Issue.record("expected bound after the server returned"); return }
        #expect(r.renewedAutomatically)
        #expect(try net.clientAddresses().contains { $0.address == r.address })
        await keeper.stop()
    }

    @Test("server back before expiry: the broadcast REBIND at T2 renews the lease and keeps the address",
          .timeLimit(.minutes(2)))
    func serverBackBeforeExpiry() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let lease = try await shortLease(net)
        net.stopServer()
        let clock = ManualLeaseClock(now: lease.obtainedAt)
        let client = net.client()
        let keeper = LeaseKeeper(client: client, interface: Self.interface, lease: lease,
                                 attemptTimeout: .seconds(2), minimumRetry: .seconds(3), clock: clock)
        let events = keeper.events
        await keeper.start()
        #expect(close(await clock.pendingSleep(), lease.renewAt))
        clock.advance(to: lease.renewAt)
        guard case .failed(let e, _)? = await next(events) else { Issue.record("expected failed at T1"); return }
        #expect(e.code == .noServer)

        try net.startServer()
        clock.advance(to: lease.rebindAt)
        guard case .rebinding? = await next(events) else { Issue.record("expected rebinding at T2"); return }
        guard case .renewed(let r)? = await next(events) else { Issue.record("expected renewed by REBIND"); return }
        #expect(r.exchange == .rebind)
        #expect(r.address == lease.address)
        #expect(r.leaseTime == .seconds(120))
        let kept = try #require(await keeper.currentLease)
        #expect(kept.expiresAt > lease.expiresAt)
        #expect(try net.clientAddresses().contains { $0.address == lease.address })
        // The keeper now waits for the new lease's T1; the old expiry passing changes nothing.
        #expect(close(await clock.pendingSleep(), kept.renewAt))
        await keeper.stop()
        #expect(net.dnsmasqLog.contains("DHCPACK(\(TestNetwork.serverInterface)) \(lease.address)"))
    }
}
