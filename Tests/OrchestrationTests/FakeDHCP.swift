import DHCPClient
import HostOS
import Foundation
import Orchestration

/// A DHCP trigger that records calls and answers from a script (a result, or an error).
final class FakeTrigger: DHCPTrigger, @unchecked Sendable {
    // @unchecked: `_calls` and `failures` are only touched under `lock`.
    private let lock = NSLock()
    private var _calls: [String] = []
    private var failures: [DHCPError]
    let backend: DHCPBackend
    let delay: Duration

    init(backend: DHCPBackend = .builtin, failures: [DHCPError] = [], delay: Duration = .zero) {
        self.backend = backend
        self.failures = failures
        self.delay = delay
    }

    var calls: [String] { lock.withLock { _calls } }

    func renew(interface: String, timeout: Duration) async throws -> DHCPResult {
        let failure = lock.withLock { () -> DHCPError? in
            _calls.append("renew \(interface)")
            return failures.isEmpty ? nil : failures.removeFirst()
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        if let failure { throw failure }
        return FakeTrigger.result(interface: interface, backend: backend, count: calls.count)
    }

    func release(interface: String) async throws { lock.withLock { _calls.append("release \(interface)") } }

    static func result(interface: String, backend: DHCPBackend, count: Int) -> DHCPResult {
        DHCPResult(backend: backend, interface: interface, exchange: .initReboot,
                   address: IPv4Address(198, 18, 0, UInt8(100 + count)), prefixLength: 24,
                   router: IPv4Address(198, 18, 0, 1), serverIdentifier: IPv4Address(198, 18, 0, 1),
                   leaseTime: .seconds(120), renewalTime: .seconds(60), rebindingTime: .seconds(105),
                   leaseEndsAt: Date() + 120, elapsed: .milliseconds(3), renewedAutomatically: backend != .builtin)
    }
}

/// A lease keeper whose events the test plays.
actor FakeKeeper: LeaseMaintaining {
    nonisolated let events: AsyncStream<LeaseEvent>
    private let continuation: AsyncStream<LeaseEvent>.Continuation
    private(set) var renewals = 0
    private(set) var stopped = false

    init() { (events, continuation) = AsyncStream.makeStream(of: LeaseEvent.self) }

    func start() {}
    func stop() { stopped = true; continuation.finish() }
    func renewNow(timeout: Duration?) async -> DHCPResult? {
        renewals += 1
        let r = FakeTrigger.result(interface: "eth9", backend: .builtin, count: renewals)
        continuation.yield(.bound(r))
        return r
    }
    nonisolated func play(_ e: LeaseEvent) { continuation.yield(e) }
}

/// Link states the test sends.
final class FakeLink: LinkMonitoring, @unchecked Sendable {
    // @unchecked: `continuation` is only touched under `lock`.
    private let lock = NSLock()
    private var continuation: AsyncStream<LinkState>.Continuation?

    func states(of interface: String) throws -> AsyncStream<LinkState> {
        let (s, c) = AsyncStream.makeStream(of: LinkState.self)
        lock.withLock { continuation = c }
        c.yield(LinkState(interface: interface, adminUp: true, carrier: true, operstate: "up"))
        return s
    }

    func set(up: Bool) {
        lock.withLock { continuation }?.yield(
            LinkState(interface: "eth9", adminUp: true, carrier: up, operstate: up ? "up" : "lowerlayerdown"))
    }
}
