import Foundation
import Testing
@testable import DHCPClient

/// Builtin client against a real dnsmasq in throwaway network namespaces.
@Suite("Builtin client against dnsmasq", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct BuiltinClientIntegrationTests {
    @Test("first lease via DISCOVER, then address and default route are on the interface")
    func firstLeaseViaDiscover() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer(ping: true)
        let result = try await net.client().renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        #expect(result.exchange == .discover)
        print("DHCP timing: builtin first lease via DISCOVER with dnsmasq's ping check: \(String(format: "%.0f", result.elapsed.seconds * 1000)) ms")
        #expect(result.backend == .builtin)
        #expect(result.address >= IPv4Address(198, 18, 0, 100) && result.address <= IPv4Address(198, 18, 0, 199))
        #expect(result.prefixLength == 24)
        #expect(result.router == IPv4Address(198, 18, 0, 1))
        #expect(result.serverIdentifier == IPv4Address(198, 18, 0, 1))
        #expect(result.leaseTime == .seconds(120))
        #expect(result.renewalTime == .seconds(60))
        #expect(result.rebindingTime == .seconds(105))
        #expect(result.renewedAutomatically == false)
        #expect(result.notice.contains("nothing will renew it"))
        let addrs = try net.clientAddresses()
        let applied = try #require(addrs.first { $0.address == result.address })
        #expect(applied.prefixLength == 24)
        #expect((applied.validLifetime ?? 0) > 100 && (applied.validLifetime ?? 0) <= 120)
        #expect(try net.clientDefaultRouter() == "198.18.0.1")
        let recorded = try #require(try net.client().recordedLease(interface: TestNetwork.clientInterface))
        #expect(recorded.address == result.address)
        let attrs = try FileManager.default.attributesOfItem(
            atPath: net.stateDirectory.appendingPathComponent("leases/\(TestNetwork.clientInterface).json").path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("INIT-REBOOT reuses the recorded lease and is fast (timings printed)")
    func initRebootIsFast() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer()
        let client = net.client()
        let first = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        #expect(first.exchange == .discover)
        var times: [Double] = []
        for _ in 0 ..< 15 {
            let r = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
            #expect(r.exchange == .initReboot)
            #expect(r.address == first.address)
            times.append(r.elapsed.seconds * 1000)
        }
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2]
        print("DHCP timing: builtin DISCOVER first lease \(String(format: "%.1f", first.elapsed.seconds * 1000)) ms; "
              + "INIT-REBOOT to address bound (incl. ip apply) ms: median \(String(format: "%.1f", median)), "
              + "min \(String(format: "%.1f", sorted.first!)), max \(String(format: "%.1f", sorted.last!)), n=\(times.count)")
        #expect(median <= 50, "INIT-REBOOT median \(median) ms exceeds the 50 ms target")
        #expect(try net.clientAddresses().contains { $0.address == first.address })
    }

    @Test("a NAKed INIT-REBOOT discards the recorded lease and its address, then DISCOVER gets a new one")
    func nakThenDiscover() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer(extra: ["--dhcp-authoritative"])
        let client = net.client()
        let first = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        // Pretend we hold 198.18.0.50 (outside the range): record it and put it on the interface.
        var stale = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        stale.address = IPv4Address(198, 18, 0, 50)
        try LeaseStore(stateDirectory: net.stateDirectory).save(stale)
        try net.ip(["-n", net.clientNamespace, "addr", "del", "\(first.address)/24", "dev", TestNetwork.clientInterface])
        try net.ip(["-n", net.clientNamespace, "addr", "add", "198.18.0.50/24", "dev", TestNetwork.clientInterface])
        let r = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        #expect(r.exchange == .discover)
        #expect(r.address != IPv4Address(198, 18, 0, 50))
        #expect(net.dnsmasqLog.contains("DHCPNAK"))
        let addrs = try net.clientAddresses().map(\.address)
        #expect(!addrs.contains(IPv4Address(198, 18, 0, 50)))
        #expect(addrs.contains(r.address))
        #expect(try client.recordedLease(interface: TestNetwork.clientInterface)?.address == r.address)
    }

    @Test("a RENEW the server refuses throws nak naming the server, and drops the lease")
    func renewNak() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer(extra: ["--dhcp-authoritative"])
        let client = net.client()
        _ = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        var stale = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        stale.address = IPv4Address(198, 18, 0, 50)
        try net.ip(["-n", net.clientNamespace, "addr", "add", "198.18.0.50/24", "dev", TestNetwork.clientInterface])
        do {
            _ = try await client.extend(stale, rebinding: false, timeout: .seconds(3))
            Issue.record("expected a NAK")
        } catch let e as DHCPError {
            #expect(e.code == .nak)
            #expect(e.details["server"] == .string("198.18.0.1"))
            #expect(e.message.contains(TestNetwork.clientInterface))
        }
        #expect(try client.recordedLease(interface: TestNetwork.clientInterface) == nil)
        #expect(!(try net.clientAddresses().map(\.address).contains(IPv4Address(198, 18, 0, 50))))
    }

    @Test("no server: no-server error within the timeout, naming the interface and the attempts")
    func noServer() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let start = ContinuousClock.now
        do {
            // Long enough for two DISCOVERs (the first backoff is about a second) even when a fresh veth takes a
            // while to show carrier on a loaded machine.
            _ = try await net.client().renew(interface: TestNetwork.clientInterface, timeout: .seconds(5))
            Issue.record("expected no-server")
        } catch let e as DHCPError {
            let took = start.duration(to: .now)
            #expect(e.code == .noServer)
            #expect(e.message.contains(TestNetwork.clientInterface))
            if case .int(let n)? = e.details["attempts"] { #expect(n >= 2) } else { Issue.record("no attempts detail") }
            // Not before the timeout, and not long after it (generous: this is about not hanging, not speed).
            #expect(took >= .milliseconds(4900) && took < .seconds(8))
        }
    }

    @Test("cancelling the task stops the exchange promptly")
    func cancellation() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let client = net.client()
        let task = Task { try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(300))
        let start = ContinuousClock.now
        task.cancel()
        let outcome = await task.result
        #expect(start.duration(to: .now) < .seconds(1))
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    @Test("LeaseKeeper renews at T1 by unicast (a server's 2 s T1 raised to 10 s), then renewNow does INIT-REBOOT; release removes the address")
    func keeperRenewsAtT1() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        try net.startServer(extra: ["--dhcp-option=option:T1,2", "--dhcp-option=option:T2,4"])
        let client = net.client()
        let first = try await client.renew(interface: TestNetwork.clientInterface, timeout: .seconds(10))
        // dnsmasq sends T1 ≈ 2 s, T2 ≈ 4 s: T1 is raised to the 10 s minimum, and T2, now below it, falls back to
        // 0.875 × lease.
        #expect(first.renewalTime == .seconds(10))
        #expect(first.rebindingTime == .seconds(105))
        let lease = try #require(try client.recordedLease(interface: TestNetwork.clientInterface))
        // The keeper's time is moved by hand (the RENEW itself is real), so the test does not wait 10 s.
        let clock = ManualLeaseClock(now: lease.obtainedAt)
        let keeper = LeaseKeeper(client: client, interface: TestNetwork.clientInterface, lease: lease, clock: clock)
        await keeper.start()
        let waitsUntil = await clock.pendingSleep()
        #expect(waitsUntil == lease.obtainedAt + 10)
        clock.advance(to: lease.renewAt)
        let events = keeper.events
        let renewed = try #require(await withTimeout(.seconds(8)) { () async -> LeaseEvent? in
            for await e in events { return e }
            return nil
        })
        guard case .renewed(let r) = renewed else { Issue.record("expected renewed, got \(renewed)"); return }
        #expect(r.exchange == .renew)
        #expect(r.address == first.address)
        #expect(r.renewedAutomatically)
        #expect(net.dnsmasqLog.contains("DHCPACK(\(TestNetwork.serverInterface)) \(first.address)"))
        let now = await keeper.renewNow()
        #expect(now?.exchange == .initReboot)
        await keeper.stop()
        try await client.release(interface: TestNetwork.clientInterface)
        #expect(!(try net.clientAddresses().map(\.address).contains(first.address)))
        #expect(try client.recordedLease(interface: TestNetwork.clientInterface) == nil)
        #expect(net.dnsmasqLog.contains("DHCPRELEASE"))
    }
}

/// Runs `body`, returning nil if it takes longer than `limit`.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async -> T?) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await body() }
        group.addTask { try? await Task.sleep(for: limit); return nil }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
