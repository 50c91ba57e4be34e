import DHCPClient
import HostOS
import Foundation
import ProfileModel
import StructuredErrors
import SupplicantClient

/// The `watch` use case: follows the supplicant's signals and the link itself, re-authenticates after a link-up,
/// and runs DHCP on every return to `completed`; keeps a builtin lease alive; re-adds the profile after a
/// supplicant restart. On protocols, so it runs against fakes in tests.
public struct Watcher: Sendable {
    /// The supplicant (live: ``Supplicant``).
    public let supplicant: any ReconnectingSupplicant
    /// Credentials for re-authentication.
    public let credentials: any CredentialProviding
    /// The link-state source (live: ``NetlinkLinkMonitor``).
    public let link: any LinkMonitoring
    /// How addresses are obtained.
    public let dhcp: WatchDHCP
    /// Options.
    public let options: WatchOptions

    /// Creates the use case.
    public init(supplicant: any ReconnectingSupplicant, credentials: any CredentialProviding, link: any LinkMonitoring,
                dhcp: WatchDHCP, options: WatchOptions) {
        self.supplicant = supplicant
        self.credentials = credentials
        self.link = link
        self.dhcp = dhcp
        self.options = options
    }

    /// Runs until `stop` yields (SIGINT/SIGTERM in the CLI), reporting everything through `emit`.
    /// - Throws: only while starting: the link source cannot be opened, the first authentication fails, or
    ///   wpa_supplicant does not control the interface and no profile was given. Later failures are events.
    public func run(stop: AsyncStream<Void>, emit: @escaping @Sendable (WatchEvent) -> Void) async throws {
        let (inputs, continuation) = AsyncStream.makeStream(of: WatchLoop.Input.self)
        let loop = WatchLoop(watcher: self, continuation: continuation, emit: emit)
        defer { loop.cancelAll() }
        try await loop.start(stop: stop)
        for await input in inputs {
            if await !loop.handle(input) { break }
        }
        await loop.finish()
    }
}

/// The state of one `watch` run. Used from the run loop's task only (not Sendable on purpose); helper tasks talk to
/// it through `continuation`.
final class WatchLoop {
    enum Input: Sendable {
        case supplicant(AuthenticationEvent, generation: Int)
        case link(LinkState)
        /// rtnetlink stopped delivering (a socket error): link flaps are no longer seen.
        case linkMonitorEnded
        case presence(Bool)
        case lease(LeaseEvent)
        case dhcpDone(DHCPResult?, DHCPError?, cycle: Int)
        case check(cycle: Int)
        case retry
        case stop
    }

    let w: Watcher
    let continuation: AsyncStream<Input>.Continuation
    private let emitter: @Sendable (WatchEvent) -> Void
    let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    var iface: SupplicantInterface?
    var subscription: Task<Void, Never>?
    var generation = 0
    var lastState: SupplicantState?
    var linkUsable: Bool?
    var cycle = 0
    var cycleStart: (trigger: WatchTrigger, at: ContinuousClock.Instant)?
    var authenticatedAt: ContinuousClock.Instant?
    var reauthPending = false
    /// The EAP exchange seen since the last `authenticated` (a re-authentication's `resumed` comes from it).
    var exchange = SessionResumptionDetector()
    var dhcpTask: Task<Void, Never>?
    /// A renew started by us is running (its result arrives as `dhcpDone`, not as the keeper's `bound`).
    var dhcpInFlight = false
    var present = true
    var lastBound: DHCPResult?
    var helpers: [Task<Void, Never>] = []
    /// The login-window list and the profile of it that worked (nil: a single profile or none).
    var loginWindow: LoginWindowSelection?
    /// When an authentication on this port last ended in an EAP failure: the authenticator then holds the port in its
    /// quiet period and ignores EAPOL-Starts, so the next attempt must not take that silence for a port without 802.1X.
    var lastEAPFailure: ContinuousClock.Instant?
    /// The BSS the interface completed on last, and what happened since (roams; WatchLoop+Roaming.swift).
    var roams = RoamTracker()

    init(watcher: Watcher, continuation: AsyncStream<Input>.Continuation, emit: @escaping @Sendable (WatchEvent) -> Void) {
        w = watcher
        self.continuation = continuation
        emitter = emit
        if let first = watcher.options.profile, !watcher.options.fallbackProfiles.isEmpty {
            loginWindow = LoginWindowSelection(profiles: [first] + watcher.options.fallbackProfiles)
        }
        started = clock.now
    }

    var name: String { w.options.interfaceName }

    func emit(_ kind: WatchEvent.Kind) {
        emitter(WatchEvent(kind, time: Date(), elapsed: clock.now - started))
    }

    // MARK: - start / finish

    func start(stop: AsyncStream<Void>) async throws {
        let continuation = self.continuation
        let backend: DHCPBackend? = switch w.dhcp {
        case .none: nil
        case .trigger(let t): t.backend
        case .keeper: .builtin
        }
        emit(.started(interface: name, dhcp: backend, pid: ProcessInfo.processInfo.processIdentifier,
                      profile: w.options.profile?.name))

        let states = try await w.link.states(of: name)
        helpers.append(Task {
            for await s in states { continuation.yield(.link(s)) }
            // The link monitor only ends on its own when rtnetlink failed: say so rather than watch on blind.
            if !Task.isCancelled { continuation.yield(.linkMonitorEnded) }
        })
        let presence = w.supplicant.presenceChanges()
        helpers.append(Task {
            do { for try await p in presence { continuation.yield(.presence(p)) } } catch {}
        })
        helpers.append(Task {
            for await _ in stop { continuation.yield(.stop); return }
        })
        if case .keeper(let keeper) = w.dhcp {
            let events = keeper.events
            helpers.append(Task { for await e in events { continuation.yield(.lease(e)) } })
        }

        if let existing = try await w.supplicant.existingInterface(named: name),
           try await w.supplicant.state(of: existing) == .completed,
           try await holdsProfileNetwork(existing) {
            iface = existing
            subscribe(existing)
            lastState = .completed
            await noteBSS(of: existing)
            authenticated(reason: .alreadyAuthenticated,
                          authMode: try? await w.supplicant.currentAuthMode(of: existing))
        } else if let profile = w.options.profile {
            try await authenticate(profile, reason: .start)
        } else if let existing = try await w.supplicant.existingInterface(named: name) {
            iface = existing
            subscribe(existing)
            lastState = try await w.supplicant.state(of: existing)
            emit(.waiting(.notAuthenticated(state: lastState ?? .unknown)))
        } else {
            throw SupplicantError(.interfaceUnknown,
                                  "wpa_supplicant does not control \(name) and no profile was given to authenticate with",
                                  hint: "Run `eapolctl auth start --interface \(name) …` first, or give `watch` --profile.",
                                  details: ["interface": .string(name)])
        }
    }

    /// Whether the current network is the profile's (any network will do when no profile was given).
    func holdsProfileNetwork(_ iface: SupplicantInterface) async throws -> Bool {
        guard let profile = w.options.profile else { return true }
        guard let network = try await w.supplicant.currentNetwork(of: iface) else { return false }
        let idString = try await w.supplicant.idString(ofNetwork: network)
        if loginWindow != nil { return loginWindowHolds(idString: idString) }
        return idString == SupplicantNames.idString(profileID: profile.id.description)
    }

    func finish() async {
        emit(.stopping)
        cancelAll()
        if case .keeper(let keeper) = w.dhcp { await keeper.stop() }
    }

    func cancelAll() {
        subscription?.cancel()
        dhcpTask?.cancel()
        for t in helpers { t.cancel() }
        helpers.removeAll()
    }

    func subscribe(_ iface: SupplicantInterface) {
        subscription?.cancel()
        generation += 1
        let g = generation
        let events = w.supplicant.events(of: iface)
        let continuation = self.continuation
        subscription = Task {
            do { for try await e in events { continuation.yield(.supplicant(e, generation: g)) } } catch {}
        }
    }

    func later(_ delay: Duration, _ input: Input) {
        let continuation = self.continuation
        helpers.append(Task {
            try? await Task.sleep(for: delay)
            if !Task.isCancelled { continuation.yield(input) }
        })
    }

    // MARK: - inputs

    /// Handles one input; false ends the run.
    func handle(_ input: Input) async -> Bool {
        switch input {
        case .stop:
            return false
        case .link(let s):
            await linkChanged(s)
        case .linkMonitorEnded:
            emit(.linkMonitorFailed(interface: name))
        case .supplicant(let event, let g):
            guard g == generation else { break }
            await supplicantEvent(event)
        case .presence(let isPresent):
            if isPresent { await supplicantReturned() } else { supplicantVanished() }
        case .lease(let e):
            leaseEvent(e)
        case .dhcpDone(let result, let error, let c):
            dhcpDone(result, error, cycle: c)
        case .check(let c):
            guard c == cycle, reauthPending, let iface else { break }
            let state = (try? await w.supplicant.state(of: iface)) ?? .unknown
            if state == .completed, (try? await holdsProfileNetwork(iface)) == true {
                reauthPending = false
                lastState = state
                authenticated(reason: .linkUp)
            } else if let profile = w.options.profile {
                emit(.reauthenticationPending(state: state))
                reauthPending = false
                await authenticateOrRetry(profile, reason: .linkUp)
            } else {
                emit(.reauthenticationPending(state: state))
            }
        case .retry:
            if present, iface == nil || lastState != .completed, let profile = w.options.profile {
                await authenticateOrRetry(profile, reason: .retry)
            }
        }
        return true
    }

    private func linkChanged(_ s: LinkState) async {
        let usable = s.isUsable
        if s.removed {
            linkUsable = false
            emit(.link(.removed, s, interface: name))
            return
        }
        guard let previous = linkUsable else {
            linkUsable = usable
            emit(.link(.state, s, interface: name))
            return
        }
        guard usable != previous else { return }
        linkUsable = usable
        if !usable {
            emit(.link(.down, s, interface: name))
            dhcpTask?.cancel()
            reauthPending = false
            cycleStart = nil
            return
        }
        emit(.link(.up, s, interface: name))
        // Wi-Fi: the carrier follows wpa_supplicant's own associations (a roam takes it down and up); its State
        // changes drive re-authentication and DHCP. A Reassociate here would undo a roam in progress.
        if let iface, !iface.driver.isWired { return }
        cycle += 1
        cycleStart = (.linkUp, clock.now)
        await reauthenticate()
    }

    /// Link back: `Reassociate`, then an EAPOL-Start on wired ports (the wired driver notices nothing by itself).
    private func reauthenticate() async {
        if await restartLoginWindowAfterLinkUp() { return }
        guard present, let iface else { return }
        reauthPending = true
        emit(.reauthenticating(reason: .linkUp))
        do {
            try await w.supplicant.reassociate(iface)
        } catch {
            emit(.reauthenticationFailed(EventError(error), retryIn: nil))
        }
        if iface.driver.isWired && w.options.sendEAPOLStart {
            emit(.eapolStart(w.supplicant.sendEAPOLStart(on: iface)))
        }
        later(w.options.reauthenticationCheck, .check(cycle: cycle))
    }
}
