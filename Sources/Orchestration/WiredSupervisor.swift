public import HostOS
import Foundation
import StateFiles
import Synchronization

/// Every link of the network namespace as rtnetlink announces it: the ones there at start, then additions, changes
/// and removals (live: ``NetlinkLinkAnnouncer``; scripted in tests).
public protocol LinkAnnouncing: Sendable {
    func allLinks() async throws -> AsyncStream<LinkState>
}

/// What the wired supervisor saw or did (`watch-wired --json`: one line each).
public enum SupervisorEvent: Sendable, Equatable {
    /// The supervisor runs (its pid, for stopping it).
    case started(pid: Int32)
    /// A wired port without a configuration of its own appeared (or was there at start): watch starts on it.
    case watchStarting(interface: String)
    /// A port the supervisor leaves alone.
    case skipped(interface: String, reason: SkipReason)
    /// An event of the watch on `interface`.
    case watch(interface: String, WatchEvent)
    /// The watch on `interface` ended on its own: it could not start (`error`), and is tried again after `retryIn`.
    case watchFailed(interface: String, error: EventError, retryIn: Duration)
    /// The interface disappeared; its watch was stopped.
    case removed(interface: String)
    /// SIGINT/SIGTERM: every watch is being stopped.
    case stopping

    /// Why a port is left alone.
    public enum SkipReason: String, Sendable, Equatable {
        /// Not a wired Ethernet port the supervisor serves (loopback, wireless, a bridge, a virtual interface no
        /// `--match` pattern names, ...).
        case notServed = "not-served"
        /// It has a system profile or login-window profiles: its own `eapolctl-watch@IF.service` serves it.
        case ownConfiguration = "own-configuration"
    }
}

/// `eapolctl watch-wired`: the system Ethernet profile on every wired port, hot-plug included. Follows every link
/// of the namespace (rtnetlink) and runs one watch (``Watcher``, through `runWatch`) per wired port that has no
/// configuration of its own; a port that disappears has its watch stopped, one that comes back gets a new one. A
/// watch that cannot start (no Ethernet profile yet, the first authentication failed) is started again after
/// `retryDelay`.
public struct WiredSupervisor: Sendable {
    /// Runs watch on an interface until its stop stream yields; throws when it cannot start.
    public typealias RunWatch = @Sendable (_ interface: String, _ stop: AsyncStream<Void>,
                                           _ emit: @escaping @Sendable (WatchEvent) -> Void) async throws -> Void

    public let links: any LinkAnnouncing
    /// Whether the supervisor serves this port (a wired Ethernet port; see ``WiredPortClassifier``).
    public let serves: @Sendable (String) -> Bool
    /// Whether the port has its own configuration (system profile or login-window list).
    public let hasOwnConfiguration: @Sendable (String) -> Bool
    public let runWatch: RunWatch
    public let retryDelay: Duration
    /// Called once a removed port's watch has stopped: forgets what the supplicant kept for the vanished link
    /// (wpa_supplicant's wired driver keeps its interface, which a new link of the same name could not use).
    public let forget: @Sendable (String) async -> Void

    public init(links: any LinkAnnouncing, serves: @escaping @Sendable (String) -> Bool,
                hasOwnConfiguration: @escaping @Sendable (String) -> Bool, retryDelay: Duration = .seconds(5),
                forget: @escaping @Sendable (String) async -> Void = { _ in },
                runWatch: @escaping RunWatch) {
        self.links = links
        self.serves = serves
        self.hasOwnConfiguration = hasOwnConfiguration
        self.retryDelay = retryDelay
        self.forget = forget
        self.runWatch = runWatch
    }

    /// Runs until `stop` yields, then stops every watch and waits for them.
    /// - Throws: only when the link source cannot be opened.
    public func run(stop: AsyncStream<Void>, emit: @escaping @Sendable (SupervisorEvent) -> Void) async throws {
        emit(.started(pid: ProcessInfo.processInfo.processIdentifier))
        let states = try await links.allLinks()
        enum Input: Sendable { case link(LinkState), stop }
        let (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
        let feeders = [
            Task { for await s in states { continuation.yield(.link(s)) }; continuation.yield(.stop) },
            Task { for await _ in stop { continuation.yield(.stop); return } },
        ]
        var running: [String: (task: Task<Void, Never>, stop: AsyncStream<Void>.Continuation)] = [:]
        var skipped: [String: SupervisorEvent.SkipReason] = [:]
        for await input in inputs {
            guard case .link(let state) = input else { break }
            let name = state.interface
            if state.removed {
                skipped[name] = nil
                guard let watch = running.removeValue(forKey: name) else { continue }
                watch.stop.yield()
                watch.stop.finish()
                await watch.task.value
                await forget(name)
                emit(.removed(interface: name))
                continue
            }
            guard running[name] == nil else { continue }
            // sysfs and the state files are read off the cooperative pool (the first dump brings every link at once).
            let (serves, hasOwnConfiguration) = (self.serves, self.hasOwnConfiguration)
            let reason: SupervisorEvent.SkipReason? = await BlockingWork.run {
                !serves(name) ? .notServed : hasOwnConfiguration(name) ? .ownConfiguration : nil
            }
            if let reason {
                if skipped[name] != reason { emit(.skipped(interface: name, reason: reason)) }
                skipped[name] = reason
                continue
            }
            skipped[name] = nil
            emit(.watchStarting(interface: name))
            let (stopStream, stopContinuation) = AsyncStream.makeStream(of: Void.self)
            running[name] = (keepWatching(name, stop: stopStream, emit: emit), stopContinuation)
        }
        emit(.stopping)
        for task in feeders { task.cancel() }
        for (_, watch) in running {
            watch.stop.yield()
            watch.stop.finish()
        }
        for (_, watch) in running { await watch.task.value }
    }

    /// One port's watch, started again after `retryDelay` whenever it fails to start, until `stop` yields.
    private func keepWatching(_ name: String, stop: AsyncStream<Void>,
                              emit: @escaping @Sendable (SupervisorEvent) -> Void) -> Task<Void, Never> {
        let (runWatch, retryDelay) = (self.runWatch, self.retryDelay)
        return Task {
            let port = PortStop()
            // The supervisor's stop for this port reaches whichever attempt runs then.
            let relay = Task {
                for await _ in stop { break }
                port.stop()
            }
            defer { relay.cancel() }
            while let attempt = port.newAttempt() {
                do {
                    try await runWatch(name, attempt) { emit(.watch(interface: name, $0)) }
                } catch {
                    if port.isStopped { break }
                    emit(.watchFailed(interface: name, error: EventError(error), retryIn: retryDelay))
                }
                await port.sleep(retryDelay)
            }
        }
    }
}

/// The stop of one port's watch: each attempt gets a stop stream of its own; ``stop()`` ends the current one and
/// every later ``newAttempt()`` returns nil.
final class PortStop: Sendable {
    private struct State {
        var stopped = false
        var current: AsyncStream<Void>.Continuation?
    }

    private let state = Mutex(State())

    var isStopped: Bool { state.withLock { $0.stopped } }

    /// A stop stream for the next attempt, or nil once stopped.
    func newAttempt() -> AsyncStream<Void>? {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        let fresh = state.withLock { s -> Bool in
            guard !s.stopped else { return false }
            s.current = continuation
            return true
        }
        return fresh ? stream : nil
    }

    func stop() {
        let current = state.withLock { s -> AsyncStream<Void>.Continuation? in
            s.stopped = true
            return s.current
        }
        current?.yield()
    }

    /// Sleeps `delay` in 50 ms slices, returning early once stopped.
    func sleep(_ delay: Duration) async {
        let end = ContinuousClock.now + delay
        while !isStopped, ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(50)) }
    }
}
