import Foundation
import HostOS
import Orchestration
import Testing

/// A scripted rtnetlink: the test adds and removes links.
final class FakeAnnouncer: LinkAnnouncing, @unchecked Sendable {
    // @unchecked: `continuation` is only touched under `lock`.
    private let lock = NSLock()
    private var continuation: AsyncStream<LinkState>.Continuation?
    private let initial: [String]

    init(initial: [String]) { self.initial = initial }

    func allLinks() async throws -> AsyncStream<LinkState> {
        let (s, c) = AsyncStream.makeStream(of: LinkState.self)
        lock.withLock { continuation = c }
        for name in initial { c.yield(LinkState(interface: name, adminUp: true, carrier: true, operstate: "up")) }
        return s
    }

    func add(_ name: String) { lock.withLock { continuation }?.yield(LinkState(interface: name, adminUp: true, carrier: true, operstate: "up")) }
    func remove(_ name: String) {
        lock.withLock { continuation }?.yield(LinkState(interface: name, adminUp: false, carrier: false, operstate: "down", removed: true))
    }
}

/// Records the supervisor's events and the watches it runs.
final class SupervisorLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [SupervisorEvent] = []
    private var runs: [String] = []
    private var active: Set<String> = []
    private var forgot: [(name: String, whileRunning: Bool)] = []
    func add(_ e: SupervisorEvent) { lock.withLock { list.append(e) } }
    /// The ports whose supplicant state was forgotten, and whether their watch still ran at that moment.
    var forgotten: [(name: String, whileRunning: Bool)] { lock.withLock { forgot } }
    func forget(_ name: String) { lock.withLock { forgot.append((name, active.contains(name))) } }
    var events: [SupervisorEvent] { lock.withLock { list } }
    var started: [String] { lock.withLock { runs } }
    var running: Set<String> { lock.withLock { active } }
    func begin(_ name: String) { lock.withLock { runs.append(name); active.insert(name) } }
    func end(_ name: String) { _ = lock.withLock { active.remove(name) } }

    func wait(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, until: () -> Bool) async {
        for _ in 0..<300 {
            if until() { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("timed out waiting for \(what); events \(events)", sourceLocation: sourceLocation)
    }
}

@Suite struct WiredSupervisorTests {
    private func supervisor(_ links: FakeAnnouncer, _ log: SupervisorLog, failFirst: Set<String> = []) -> WiredSupervisor {
        let failures = FailOnce(failFirst)
        return WiredSupervisor(links: links, serves: { $0.hasPrefix("eth") }, hasOwnConfiguration: { $0 == "eth5" },
                               retryDelay: .milliseconds(100), forget: { log.forget($0) }) { name, stop, _ in
            if failures.take(name) { throw SupervisorTestError.cannotStart(name) }
            log.begin(name)
            for await _ in stop { break }
            log.end(name)
        }
    }

    @Test func aWatchRunsOnEveryServedPortIncludingOnesThatAppearLater() async throws {
        let links = FakeAnnouncer(initial: ["lo", "eth0", "eth5", "wlan0"])
        let log = SupervisorLog()
        let (stop, stopper) = AsyncStream.makeStream(of: Void.self)
        let task = Task { try await supervisor(links, log).run(stop: stop) { log.add($0) } }
        await log.wait("eth0's watch") { log.running == ["eth0"] }
        links.add("eth7")
        await log.wait("eth7's watch (hot-plug)") { log.running == ["eth0", "eth7"] }
        links.remove("eth7")
        await log.wait("eth7 removed") { log.running == ["eth0"] }
        // `removed` comes once the watch has stopped and the vanished link's supplicant interface is forgotten.
        await log.wait("eth7's removed event") { log.events.contains(.removed(interface: "eth7")) }
        #expect(log.forgotten.map(\.name) == ["eth7"] && log.forgotten.allSatisfy { !$0.whileRunning })
        links.add("eth7")
        await log.wait("eth7 back") { log.running == ["eth0", "eth7"] }
        stopper.yield()
        try await task.value
        #expect(log.running.isEmpty, "every watch was stopped before run returned")
        #expect(log.started == ["eth0", "eth7", "eth7"])
        #expect(log.forgotten.map(\.name) == ["eth7"], "stopping the supervisor forgets nothing: the ports are still there")
        #expect(log.events.contains(.skipped(interface: "eth5", reason: .ownConfiguration)))
        #expect(log.events.contains(.skipped(interface: "lo", reason: .notServed)))
        #expect(log.events.contains(.skipped(interface: "wlan0", reason: .notServed)))
        #expect(log.events.last == .stopping)
    }

    @Test func aWatchThatCannotStartIsStartedAgainAfterTheDelay() async throws {
        let links = FakeAnnouncer(initial: ["eth0"])
        let log = SupervisorLog()
        let (stop, stopper) = AsyncStream.makeStream(of: Void.self)
        let task = Task { try await supervisor(links, log, failFirst: ["eth0"]).run(stop: stop) { log.add($0) } }
        await log.wait("eth0's second start") { log.running == ["eth0"] }
        stopper.yield()
        try await task.value
        let failed = log.events.compactMap { if case .watchFailed(let name, let error, let retryIn) = $0 { (name, error.message, retryIn) } else { nil } }
        #expect(failed.count == 1 && failed.first?.0 == "eth0" && failed.first?.2 == .milliseconds(100))
        #expect(failed.first?.1.contains("eth0") == true)
    }

    @Test func theClassifierServesPhysicalEthernetByDefaultAndNamedOnesWithPatterns() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sysfs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        func make(_ name: String, type: String = "1", dirs: [String] = []) throws {
            try FileManager.default.createDirectory(atPath: "\(root)/\(name)", withIntermediateDirectories: true)
            try type.write(toFile: "\(root)/\(name)/type", atomically: true, encoding: .utf8)
            for d in dirs { try FileManager.default.createDirectory(atPath: "\(root)/\(name)/\(d)", withIntermediateDirectories: true) }
        }
        try make("eth0", dirs: ["device"])
        try make("veth-x")
        try make("wlan0", dirs: ["device", "wireless"])
        try make("br0", dirs: ["bridge"])
        try make("lo", type: "772")
        try make("tun0", type: "65534")
        let physical = WiredPortClassifier(sysfsRoot: root)
        #expect(["eth0", "veth-x", "wlan0", "br0", "lo", "tun0", "gone0"].filter(physical.serves) == ["eth0"])
        let named = WiredPortClassifier(patterns: ["veth-*"], sysfsRoot: root)
        #expect(["eth0", "veth-x", "wlan0", "br0"].filter(named.serves) == ["veth-x"])
    }
}

enum SupervisorTestError: Error { case cannotStart(String) }

/// Fails the first start of each named port.
final class FailOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: Set<String>
    init(_ names: Set<String>) { pending = names }
    func take(_ name: String) -> Bool { lock.withLock { pending.remove(name) != nil } }
}
