import Foundation
import Testing
import TestSupport
@testable import DHCPClient

@Suite("Backoff schedule and lease timing")
struct DHCPTimingTests {
    @Test("without jitter: INIT-REBOOT waits 250 ms, 1 s, 2 s, 4 s… and the sum equals the budget")
    func initRebootSchedule() {
        var rng = SplitMix64(seed: 1)
        var b = DHCPBackoff.initReboot
        b.jitter = 0
        let s = b.schedule(budget: .seconds(10), using: &rng)
        #expect(Array(s.prefix(4)) == [.milliseconds(250), .seconds(1), .seconds(2), .seconds(4)])
        #expect(s.last == .milliseconds(2750))
        #expect(s.reduce(.zero, +) == .seconds(10))
    }

    @Test("standard schedule doubles from 1 s and caps at 64 s")
    func standardSchedule() {
        var rng = SplitMix64(seed: 2)
        var b = DHCPBackoff.standard
        b.jitter = 0
        let s = b.schedule(budget: .seconds(300), using: &rng)
        #expect(Array(s.prefix(8)) == [1, 2, 4, 8, 16, 32, 64, 64].map { Duration.seconds($0) })
        #expect(s.reduce(.zero, +) == .seconds(300))
    }

    @Test("jitter stays within ±10 % and varies between seeds")
    func jitter() {
        var a = SplitMix64(seed: 7)
        var c = SplitMix64(seed: 8)
        let s1 = DHCPBackoff.standard.schedule(budget: .seconds(60), using: &a)
        let s2 = DHCPBackoff.standard.schedule(budget: .seconds(60), using: &c)
        #expect(s1 != s2)
        for (i, w) in s1.dropLast().enumerated() {
            let nominal = Double(1 << i)
            #expect(w.seconds >= nominal * 0.9 - 1e-9 && w.seconds <= nominal * 1.1 + 1e-9)
        }
        #expect(abs(s1.reduce(.zero, +).seconds - 60) < 1e-6)
    }

    @Test("a budget smaller than the first wait gives one clipped wait")
    func tinyBudget() {
        var rng = SplitMix64(seed: 3)
        #expect(DHCPBackoff.initReboot.schedule(budget: .milliseconds(100), using: &rng) == [.milliseconds(100)])
        #expect(DHCPBackoff.initReboot.schedule(budget: .zero, using: &rng).isEmpty)
    }

    @Test("T1/T2 default to 0.5 and 0.875 of the lease; server values are used when consistent")
    func timers() {
        #expect(DHCPLease.timers(lease: 3600, renewal: nil, rebinding: nil) == (1800, 3150))
        #expect(DHCPLease.timers(lease: 120, renewal: nil, rebinding: nil) == (60, 105))
        #expect(DHCPLease.timers(lease: 3600, renewal: 600, rebinding: 1200) == (600, 1200))
        #expect(DHCPLease.timers(lease: 3600, renewal: 3000, rebinding: 1200) == (1200, 1200))  // T1 > T2: T1 clipped to T2
        #expect(DHCPLease.timers(lease: 3600, renewal: nil, rebinding: 9999) == (1800, 3150))  // T2 > lease ignored
        #expect(DHCPLease.timers(lease: DHCPLease.infinite, renewal: nil, rebinding: nil) == (DHCPLease.infinite, DHCPLease.infinite))
    }

    @Test("lease dates count from when the REQUEST was sent; infinite leases never end")
    func leaseDates() throws {
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        let lease = DHCPLease(interface: "eth0", hardwareAddress: "02:00:00:00:00:01", address: IPv4Address(198, 18, 0, 100),
                              prefixLength: 24, router: nil, serverIdentifier: IPv4Address(198, 18, 0, 1), leaseSeconds: 120,
                              obtainedAt: t0)
        #expect(lease.renewAt == t0 + 60)
        #expect(lease.rebindAt == t0 + 105)
        #expect(lease.expiresAt == t0 + 120)
        #expect(lease.remainingSeconds(at: t0 + 20) == 100)
        #expect(lease.remainingSeconds(at: t0 + 500) == 0)
        var inf = lease
        inf.leaseSeconds = DHCPLease.infinite
        #expect(inf.expiresAt == .distantFuture)
        let result = DHCPResult(lease: lease, exchange: .discover, elapsed: .milliseconds(5))
        #expect(result.leaseEndsAt == t0 + 120)
        #expect(result.notice.contains("nothing will renew it"))
    }

    @Test("the ip batch replaces the old address, sets lifetimes and an onlink default route")
    func applyCommands() {
        let t0 = Date()
        let old = DHCPLease(interface: "eth0", hardwareAddress: "02:00:00:00:00:01", address: IPv4Address(198, 18, 0, 50),
                            prefixLength: 24, router: nil, serverIdentifier: IPv4Address(198, 18, 0, 1), leaseSeconds: 120, obtainedAt: t0)
        var new = old
        new.address = IPv4Address(198, 18, 0, 101)
        new.router = IPv4Address(198, 18, 0, 1)
        #expect(InterfaceConfigurator.applyCommands(new, replacing: old, now: t0) == [
            "address del 198.18.0.50/24 dev eth0",
            "address replace 198.18.0.101/24 dev eth0 valid_lft 120 preferred_lft 120",
            "route replace default via 198.18.0.1 dev eth0 proto dhcp onlink",
        ])
        #expect(InterfaceConfigurator.applyCommands(old, replacing: old, now: t0 + 30)
                == ["address replace 198.18.0.50/24 dev eth0 valid_lft 90 preferred_lft 90"])
    }
}
