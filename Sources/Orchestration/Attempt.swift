import Foundation
import ProfileModel
import Secrets
import StructuredErrors
import SupplicantClient

/// One authentication attempt with one trust anchor: blobs, network, select, watch, clean up on failure.
struct Attempt: Sendable {
    let supplicant: any SupplicantControlling
    let credentials: any CredentialProviding
    let profile: Profile
    let spec: NetworkSpec
    let plan: NetworkPlan
    let interface: SupplicantInterface
    let options: AuthenticationOptions
    let clock: ContinuousClock
    let start: ContinuousClock.Instant
    let deadline: ContinuousClock.Instant
    let emit: @Sendable (AuthenticationUpdate.Kind) -> Void
    /// The session marker blob added with a new network (see ``SessionMarker``).
    var marker: NetworkBlob? = nil
    /// An existing network of this profile (same marker) to re-authenticate on instead of adding one: wpa_supplicant
    /// resumes its TLS session only on the network object that created it. Wired ports only (EAPOL-Start kicks it).
    var reuseNetwork: String? = nil

    struct Result: Sendable {
        /// nil when the caller did not wait, or when the port turned out open (`openPort`).
        var outcome: AuthenticationOutcome?
        var network: String
        var chain: [ServerCertificate]
        var timings: AuthenticationTimings?
        /// No 802.1X authenticator answered and the caller accepts an open port: the network stays selected (the
        /// supplicant answers if the switch starts 802.1X later) and nothing was authenticated.
        var openPort = false
        /// EAP-FAST: the PAC wpa_supplicant held in the plan's PAC blob when the attempt ended (see Attempt+PAC.swift).
        var pac: SecretBytes? = nil
        /// Why the scan hint did not serve (see Attempt+ScanHint.swift); nil when it did or there was none.
        var scanHintFallback: ScanHintMonitor.Reason? = nil
    }

    private enum Input: Sendable {
        case event(AuthenticationEvent)
        case tick
        case deadline
        case ended
        /// Time to repeat the EAPOL-Start: the port is associated and no EAP request has come yet.
        case repeatStart
        /// The port was already `associated` when the network was selected (a retry on the same port: no State
        /// change will be signalled).
        case alreadyAssociated
    }

    /// How often an unanswered EAPOL-Start is repeated on a wired port. The supplicant itself waits `startPeriod`
    /// (30 s) between its own; an authenticator that was still in its quiet period after an earlier failure (hostapd
    /// holds one for 5 s) answers the first repeat after it ends.
    static let eapolStartRepeat: Duration = .seconds(1)

    func run() async throws -> Result {
        if let reuseNetwork { return try await rerun(on: reuseNetwork) }
        var addedBlobs: [String] = []
        var network: String?
        do {
            for blob in plan.blobs + (marker.map { [$0] } ?? []) {
                try await supplicant.addBlob(blob, to: interface)
                addedBlobs.append(blob.name)
            }
            let path = try await supplicant.addNetwork(
                plan.properties, idString: SupplicantNames.idString(profileID: profile.id.description), to: interface)
            network = path
            var fellBack: ScanHintMonitor.Reason?
            var hintMonitor: ScanHintMonitor?
            if let hint = activeScanHint {
                emit(.scanHint(hint))
                let startedAt = clock.now - start
                if let reason = await scanHinted(hint) {
                    fellBack = reason
                    emit(.scanHintFallback(reason: reason, after: clock.now - start - startedAt, network: path))
                } else {
                    hintMonitor = ScanHintMonitor(startedAt: startedAt)
                }
            }
            let events = supplicant.events(of: interface)   // subscribed before SelectNetwork
            try await supplicant.selectNetwork(path, on: interface)
            emit(.networkSelected(network: path, anchor: plan.anchor))
            guard options.wait else {
                return Result(outcome: nil, network: path, chain: [], timings: nil)
            }
            var (outcome, chain, timings) = try await watch(events, network: path, hint: &hintMonitor)
            if outcome.isSuccess { outcome = await confirmed(outcome, network: path) }
            if acceptsAsOpenPort(outcome) {
                emit(.openPort(interface: interface.name))
                return Result(outcome: nil, network: path, chain: [], timings: timings, openPort: true)
            }
            let pac = await readBackPAC()   // before a failure's clean-up removes the blob
            if !outcome.isSuccess {
                let vanished = if case .supplicantFailure(let e) = outcome { e.code == .vanished } else { false }
                if !vanished { await cleanUp(network: path, blobs: withPACBlob(addedBlobs)) }
            }
            if case .fallBack(let reason)? = hintMonitor?.decided { fellBack = reason }
            return Result(outcome: outcome, network: path, chain: chain, timings: timings, pac: pac,
                          scanHintFallback: fellBack)
        } catch {
            if !((error as? SupplicantError)?.code == .vanished) {
                await cleanUp(network: network, blobs: withPACBlob(addedBlobs))
            }
            throw error
        }
    }

    /// Re-authenticates on an existing network (nothing added, nothing removed here: on failure the caller replaces
    /// it). The port is `completed` already, so no State change starts anything: an EAPOL-Start does.
    private func rerun(on network: String) async throws -> Result {
        let events = supplicant.events(of: interface)
        let state = try await supplicant.state(of: interface)
        emit(.networkReused(network: network, state: state))
        var noHint: ScanHintMonitor?
        var (outcome, chain, timings) = try await watch(events, network: network, hint: &noHint, initialState: state)
        if outcome.isSuccess { outcome = await confirmed(outcome, network: network) }
        return Result(outcome: outcome, network: network, chain: chain, timings: timings)
    }

    /// A wired port where no authenticator answered, when the caller accepts open ports.
    private func acceptsAsOpenPort(_ outcome: AuthenticationOutcome) -> Bool {
        guard options.acceptOpenPort, interface.driver.isWired, case .eapFailure(let error) = outcome else { return false }
        return error.code == .noAuthenticator
    }

    /// No answer to `unanswered` EAPOL-Starts and no failure on the port that could hold it: nothing on the link
    /// speaks 802.1X (IEEE 802.1X maxStart), said at once instead of at the deadline.
    private func silentPort(unanswered: Int) -> EAPError {
        let iface = interface.name
        return EAPError(
            .noAuthenticator,
            "no 802.1X authenticator answered \(unanswered) EAPOL-Start\(unanswered == 1 ? "" : "s") on \(iface): the port may not use 802.1X",
            hint: "If the port is open or uses MAC authentication bypass, `eapolctl auth start --interface \(iface) "
                + "--profile \(profile.id) --accept-open-port` goes on to DHCP; otherwise check the cable and that 802.1X "
                + "is enabled on the switch port.",
            details: ["interface": .string(iface), "unansweredEAPOLStarts": .int(unanswered)])
    }

    /// Success stands only when wpa_supplicant confirms it through method calls (State, CurrentAuthMode,
    /// CurrentNetwork): signals can come from anyone on the bus, replies only from the verified owner.
    /// An EAP round the authenticator restarts right after success (``SupplicantSnapshot/isRestartingEAP(network:)``)
    /// is read again every ``eapRestartPoll`` until it has chosen its method, for at most ``eapRestartGrace`` and never
    /// past the deadline; then the usual rules decide.
    private func confirmed(_ outcome: AuthenticationOutcome, network: String) async -> AuthenticationOutcome {
        do {
            let settleBy = min(deadline, clock.now + Self.eapRestartGrace)
            var snapshot = try await snapshotNow()
            while snapshot.isRestartingEAP(network: network), clock.now < settleBy, !Task.isCancelled {
                try? await Task.sleep(until: min(clock.now + Self.eapRestartPoll, settleBy), clock: clock)
                snapshot = try await snapshotNow()
            }
            try snapshot.confirm(network: network, outer: spec.outer, interfaceName: interface.name)
            emit(.outcomeConfirmed(state: snapshot.state, authMode: snapshot.authMode, network: network))
            return outcome
        } catch let error as SupplicantError {
            return .supplicantFailure(error)
        } catch {
            return .supplicantFailure(SupplicantError(
                .outcomeUnconfirmed, "could not confirm success on \(interface.name) with wpa_supplicant: \(error)",
                details: ["interface": .string(interface.name)]))
        }
    }

    static let eapRestartGrace: Duration = .seconds(20)
    static let eapRestartPoll: Duration = .milliseconds(200)

    /// State, CurrentAuthMode and CurrentNetwork, read with method calls.
    private func snapshotNow() async throws -> SupplicantSnapshot {
        SupplicantSnapshot(state: try await supplicant.state(of: interface),
                           authMode: try await supplicant.currentAuthMode(of: interface),
                           currentNetwork: try await supplicant.currentNetwork(of: interface))
    }

    /// Best-effort removal of this attempt's network and blobs (the supplicant must hold nothing of ours after a
    /// failure, or it would retry on its own). Runs even when the task is cancelled.
    func cleanUp(network: String?, blobs: [String]) async {
        let supplicant = self.supplicant
        let interface = self.interface
        await Task.detached {
            if let network { try? await supplicant.removeNetwork(network, from: interface) }
            for blob in blobs { try? await supplicant.removeBlob(named: blob, from: interface) }
        }.value
    }

    private func watch(_ events: AsyncThrowingStream<AuthenticationEvent, any Error>, network: String,
                       hint: inout ScanHintMonitor?, initialState: SupplicantState? = nil) async throws
        -> (AuthenticationOutcome, [ServerCertificate], AuthenticationTimings) {
        var tracker = AuthenticationTracker(configuration: .init(
            spec: spec, plan: plan, interfaceName: interface.name, profileName: profile.name,
            settleWindow: options.settleWindow))
        let clock = self.clock
        let pump = SignalPump(events: events, clock: clock, deadline: deadline, event: Input.event, ended: .ended,
                              deadlineReached: .deadline)
        let (inputs, continuation) = (pump.inputs, pump.continuation)
        var wake: (at: Duration, task: Task<Void, Never>)?
        var repeater: Task<Void, Never>?
        defer {
            wake?.task.cancel()
            repeater?.cancel()
            pump.stop()
        }
        let wired = interface.driver.isWired
        var schedule = EAPOLStartSchedule(maxStart: options.maxStart, recentFailure: options.recentFailureAge)
        var eapolStartSent = false
        var firstStartAt = clock.now
        var eapStarted = false
        var associated = false
        /// Sends the first EAPOL-Start on a wired port (the fast path) and repeats it until EAP starts.
        func startEAPOLIfNeeded() {
            guard wired, options.sendEAPOLStart, !eapolStartSent, !eapStarted else { return }
            eapolStartSent = true
            _ = schedule.first()
            firstStartAt = clock.now
            let result = supplicant.sendEAPOLStart(on: interface)
            emit(.eapolStart(result, count: 1))
            guard case .sent = result else { return }
            repeater = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.eapolStartRepeat, clock: clock)
                    if Task.isCancelled { break }
                    continuation.yield(.repeatStart)
                }
            }
        }
        if let initialState {
            // A reused network: the tracker starts from the current State; the EAPOL-Start restarts EAP.
            for p in tracker.handle(.stateChanged(initialState), at: clock.now - start) { emit(.exchange(p)) }
            continuation.yield(.alreadyAssociated)
        } else if wired, options.sendEAPOLStart, (try? await supplicant.state(of: interface)) == .associated {
            continuation.yield(.alreadyAssociated)
        }
        let uuid = profile.id.uuid
        let ssid = profile.ssid?.bytes

        for await input in inputs {
            var batch: [AuthenticationEvent]
            switch input {
            case .event(let event): batch = [event]
            case .tick: batch = [.tick]
            case .deadline: batch = [.deadlineReached]
            case .ended: batch = [.supplicantVanished]
            case .repeatStart:
                batch = []
                guard associated && !eapStarted else { break }
                for action in schedule.repeatDue(elapsed: clock.now - firstStartAt) {
                    switch action {
                    case .send(let count):
                        emit(.eapolStart(supplicant.sendEAPOLStart(on: interface), count: count))
                    case .quietPeriod(let age, let unanswered):
                        emit(.quietPeriod(interface: interface.name, unanswered: unanswered, failureAge: age))
                    case .giveUp(let unanswered):
                        return (.eapFailure(silentPort(unanswered: unanswered)), tracker.serverChain, tracker.timings)
                    }
                }
            case .alreadyAssociated:
                associated = true
                startEAPOLIfNeeded()
                batch = []
            }
            while !batch.isEmpty {
                let event = batch.removeFirst()
                let now = clock.now - start
                if case .fallBack(let reason)? = hint?.observe(event) {
                    emit(.scanHintFallback(reason: reason, after: now - (hint?.startedAt ?? .zero), network: network))
                }
                for p in tracker.handle(event, at: now) { emit(.exchange(p)) }
                if let outcome = tracker.outcome { return (outcome, tracker.serverChain, tracker.timings) }
                switch event {
                case .stateChanged(let state):
                    associated = state == .associated
                default:
                    break
                }
                if case .eapStatus(.started, _) = event {
                    eapStarted = true
                    repeater?.cancel()
                }
                switch event {
                case .stateChanged(.associated):
                    startEAPOLIfNeeded()
                case .networkRequest(let field, _):
                    batch.insert(await answer(field: field, network: network, uuid: uuid, ssid: ssid), at: 0)
                default:
                    break
                }
            }
            if let next = tracker.nextWakeup, wake?.at != next {
                wake?.task.cancel()
                let at = start + next
                wake = (next, Task {
                    try? await Task.sleep(until: at, clock: clock)
                    if !Task.isCancelled { continuation.yield(.tick) }
                })
            }
        }
        // The input stream only ends when cancelled.
        throw CancellationError()
    }

    /// Answers a NetworkRequest with the credentials resolved before the attempt (the store is not read again in
    /// the middle of an EAP exchange), or declines it (→ credentials-missing naming the keys tried).
    private func answer(field: String, network: String, uuid: UUID, ssid: [UInt8]?) async -> AuthenticationEvent {
        let tried = Authenticator.keysTried(profileID: uuid, ssid: ssid).joined(separator: ", ")
        let value: SecretBytes?
        switch NetworkRequestField(rawValue: field) {
        case .password:
            value = spec.password
        case .identity:
            value = spec.identity.isEmpty ? nil : SecretBytes(spec.identity)
        default:
            value = nil
        }
        guard let value else { return .networkRequestDeclined(field: field, storeKey: tried) }
        do {
            try await supplicant.networkReply(network: network, field: field, value: value, on: interface)
            return .networkRequestAnswered(field: field)
        } catch {
            return .networkRequestDeclined(field: field, storeKey: tried)
        }
    }
}
