import Foundation
import StructuredErrors
import SupplicantClient

/// Watches one probe exchange: sends EAPOL-Start on a wired port, collects the `Certification` signals, and ends
/// when wpa_supplicant has judged the chain (in probe mode it always rejects it after the last certificate), when
/// EAP completes, or at the deadline.
struct ProbeWatch: Sendable {
    let supplicant: any SupplicantControlling
    let interface: SupplicantInterface
    let request: Prober.Request
    let clock: ContinuousClock
    let deadline: ContinuousClock.Instant
    let emit: @Sendable (AuthenticationUpdate.Kind) -> Void

    private enum Input: Sendable {
        case event(AuthenticationEvent)
        case deadline
        case ended
        case repeatStart
    }

    /// The state of one exchange, fed event by event; pure, so unit tests can drive it.
    struct Exchange: Sendable {
        var chain: [Int: ServerCertificate] = [:]
        var method: String?
        var refused: [String] = []
        var started = false
        var state: SupplicantState = .unknown
        var lastStatus: EAPStatus?

        enum Step: Equatable { case proceed, done }

        /// Feeds one event; `.done` once the chain is complete (or EAP is over).
        mutating func handle(_ event: AuthenticationEvent, interfaceName: String) throws -> Step {
            switch event {
            case .eapStatus(.started, _):
                self = Exchange(state: state)
                started = true
            case .eapStatus(let status, let parameter):
                lastStatus = status
                switch status {
                case .acceptProposedMethod: method = parameter
                case .refuseProposedMethod: refused.append(parameter)
                case .remoteCertificateVerification:
                    // Probe mode rejects the server certificate right after the last Certification signal.
                    if !chain.isEmpty { return .done }
                case .completion:
                    if !chain.isEmpty { return .done }
                    throw noCertificate(interfaceName: interfaceName, ended: "EAP ended (\(parameter))")
                default: break
                }
            case .certification(let depth, let subject, let alts, let hash, let der):
                chain[depth] = ServerCertificate(depth: depth, subject: subject, altSubjects: alts, sha256Hex: hash,
                                                 der: der)
            case .stateChanged(let s):
                state = s
            case .networkRequest(let field, _):
                // The probe never answers a request for a credential.
                if !chain.isEmpty { return .done }
                throw noCertificate(interfaceName: interfaceName,
                                    ended: "wpa_supplicant asked for \(field), which the probe never sends")
            case .supplicantVanished:
                throw SupplicantError(.vanished, "wpa_supplicant exited while probing on \(interfaceName)",
                                      details: ["interface": .string(interfaceName)])
            default:
                break
            }
            return .proceed
        }

        /// What the deadline means: the chain so far, or why there is none.
        func atDeadline(interfaceName: String, wired: Bool) throws -> Step {
            if !chain.isEmpty { return .done }
            guard started else {
                var details: [String: ErrorDetail] = ["interface": .string(interfaceName), "lastState": .string(state.rawValue)]
                if !wired { details["wifi"] = .bool(true) }
                if wired || state == .associated {
                    throw EAPError(.noAuthenticator, "no 802.1X authenticator answered the probe on \(interfaceName)",
                                   details: details)
                }
                throw EAPError(.timeout, "could not associate on \(interfaceName) to probe (last state \(state))",
                               hint: "Check that the network is in range and the SSID is right, then probe again with a longer timeout (`eapolctl profile probe --interface \(interfaceName) --ssid SSID --timeout 60`).",
                               details: details)
            }
            throw noCertificate(interfaceName: interfaceName, ended: "no certificate before the deadline (last step: \(lastStatus ?? "started"))")
        }

        private func noCertificate(interfaceName: String, ended: String) -> EAPError {
            if method == nil, !refused.isEmpty {
                return EAPError(.methodRefused,
                                "the server proposed \(refused.joined(separator: ", ")) but the probe offers only PEAP and TTLS "
                                    + "(tunnelled methods; EAP-TLS cannot be probed without a private key)",
                                details: ["serverProposed": .list(refused), "interface": .string(interfaceName)])
            }
            var details: [String: ErrorDetail] = ["interface": .string(interfaceName)]
            if let method { details["method"] = .string(method) }
            if let lastStatus { details["lastEAPStatus"] = .string(lastStatus.rawValue) }
            return EAPError(.noServerCertificate, "the server presented no certificate on \(interfaceName): \(ended)",
                            details: details)
        }
    }

    func run(_ events: AsyncThrowingStream<AuthenticationEvent, any Error>) async throws
        -> (chain: [ServerCertificate], method: String?) {
        let clock = self.clock
        let pump = SignalPump(events: events, clock: clock, deadline: deadline, event: Input.event, ended: .ended,
                              deadlineReached: .deadline)
        let (inputs, continuation) = (pump.inputs, pump.continuation)
        var repeater: Task<Void, Never>?
        defer {
            repeater?.cancel()
            pump.stop()
        }
        let wired = interface.driver.isWired
        let name = interface.name
        var exchange = Exchange()
        var startCount = 0
        /// The first EAPOL-Start at association, then one per repeat tick until EAP starts (a second one while EAP
        /// runs would make the authenticator restart the exchange).
        func sendStart(repeating: Bool = false) {
            guard wired, request.sendEAPOLStart, !exchange.started, repeating || startCount == 0 else { return }
            startCount += 1
            emit(.eapolStart(supplicant.sendEAPOLStart(on: interface), count: startCount))
            guard repeater == nil else { return }
            repeater = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Attempt.eapolStartRepeat, clock: clock)
                    if Task.isCancelled { break }
                    continuation.yield(.repeatStart)
                }
            }
        }
        if wired, (try? await supplicant.state(of: interface)) == .associated {
            exchange.state = .associated
            sendStart()
        }

        for await input in inputs {
            let step: Exchange.Step
            switch input {
            case .event(let event):
                step = try exchange.handle(event, interfaceName: name)
                report(event)
                if case .stateChanged(.associated) = event { sendStart() }
                if exchange.started { repeater?.cancel() }
            case .repeatStart:
                if exchange.state == .associated { sendStart(repeating: true) }
                step = .proceed
            case .deadline:
                step = try exchange.atDeadline(interfaceName: name, wired: wired)
            case .ended:
                step = try exchange.handle(.supplicantVanished, interfaceName: name)
            }
            if step == .done {
                return (exchange.chain.values.sorted { $0.depth < $1.depth }, exchange.method)
            }
        }
        throw CancellationError()
    }

    /// The progress line of an event (the names `auth start` uses).
    private func report(_ event: AuthenticationEvent) {
        switch event {
        case .eapStatus(.started, _): emit(.exchange(.eapStarted))
        case .eapStatus(.acceptProposedMethod, let m): emit(.exchange(.methodAccepted(m)))
        case .eapStatus(.refuseProposedMethod, let m): emit(.exchange(.methodRefused(m)))
        case .certification(let depth, let subject, _, let hash, _):
            emit(.probeCertificate(depth: depth, subject: subject, sha256: hash))
        case .stateChanged(let s): emit(.probeState(s))
        default: break
        }
    }
}
