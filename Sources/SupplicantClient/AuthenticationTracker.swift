import StructuredErrors

/// A pure state machine that turns wpa_supplicant signals into progress events and one final outcome.
///
/// The caller feeds every signal with a monotonic timestamp, sends ``AuthenticationEvent/tick`` at ``nextWakeup`` and
/// ``AuthenticationEvent/deadlineReached`` at its deadline. Nothing here reads a clock or talks to D-Bus, so tests
/// replay recorded sequences deterministically.
///
/// Success needs `completion success` (or, on Wi-Fi, a PMKSA-cached connection with no EAP at all) and a State of
/// `completed` that stays so for ``Configuration/settleWindow``: a `completed` that falls back to `associated`
/// (the wired start-up race) is reported as a restart, never as success.
public struct AuthenticationTracker: Sendable {
    /// What the tracker needs to know about the attempt.
    public struct Configuration: Sendable {
        public var isWired: Bool
        public var outerMethod: NetworkSpec.OuterMethod
        /// The anchor of this attempt; `.none` means a `verification success` proves nothing.
        public var anchor: TrustAnchor
        /// The subjects of the configured CAs, for error details.
        public var configuredCASubjects: [String]
        /// The configured server names, for error details.
        public var serverNames: [String]
        /// How long State must stay `completed` before success is reported.
        public var settleWindow: Duration
        /// The interface name, for messages.
        public var interfaceName: String
        /// The profile name, for messages and hints.
        public var profileName: String
        /// The profile's TLS bounds as written (nil: not set), for TLS-level diagnoses (``TLSFailureDiagnosis``).
        public var tlsMinVersion: NetworkSpec.TLSVersion?
        public var tlsMaxVersion: NetworkSpec.TLSVersion?

        public init(
            isWired: Bool, outerMethod: NetworkSpec.OuterMethod, anchor: TrustAnchor,
            configuredCASubjects: [String] = [], serverNames: [String] = [],
            settleWindow: Duration = .milliseconds(300), interfaceName: String, profileName: String,
            tlsMinVersion: NetworkSpec.TLSVersion? = nil, tlsMaxVersion: NetworkSpec.TLSVersion? = nil
        ) {
            self.isWired = isWired
            self.outerMethod = outerMethod
            self.anchor = anchor
            self.configuredCASubjects = configuredCASubjects
            self.serverNames = serverNames
            self.settleWindow = settleWindow
            self.interfaceName = interfaceName
            self.profileName = profileName
            self.tlsMinVersion = tlsMinVersion
            self.tlsMaxVersion = tlsMaxVersion
        }

        /// Derives the configuration from the spec and the plan of the attempt.
        public init(spec: NetworkSpec, plan: NetworkPlan, interfaceName: String, profileName: String,
                    settleWindow: Duration = .milliseconds(300)) {
            let isWired = spec.binding == .wired
            var subjects: [String] = []
            switch plan.anchor {
            case .embeddedCA(_, let subject, _): subjects = [subject]
            case .systemBundle(let path): subjects = ["system CAs (\(path))"]
            case .serverPin(let fp): subjects = ["pinned server certificate \(fp)"]
            case .none: subjects = []
            }
            self.init(isWired: isWired, outerMethod: spec.outer, anchor: plan.anchor, configuredCASubjects: subjects,
                      serverNames: spec.serverNames.map(\.name), settleWindow: settleWindow,
                      interfaceName: interfaceName, profileName: profileName,
                      tlsMinVersion: spec.tlsMinVersion, tlsMaxVersion: spec.tlsMaxVersion)
        }
    }

    public let configuration: Configuration
    /// The decided outcome; nil while the attempt runs.
    public private(set) var outcome: AuthenticationOutcome?
    /// Milestone times.
    public private(set) var timings = AuthenticationTimings()
    /// The last `State` value seen.
    public private(set) var state: SupplicantState = .unknown
    /// Fields wpa_supplicant asked for that the caller answered.
    public private(set) var answeredRequests: [String] = []

    // One EAP exchange (reset by a new `started`).
    private(set) var started = false
    private(set) var everStarted = false
    private(set) var accepted: [String] = []
    private(set) var refused: [String] = []
    private(set) var chain: [Int: ServerCertificate] = [:]
    private(set) var verified = false
    private(set) var verificationFailure: String?
    private(set) var alerts: [(local: Bool, description: String)] = []
    private(set) var completionSuccess = false
    private(set) var lastStatus: EAPStatus?
    // Attempt-wide.
    private(set) var pendingRequests: [String] = []
    private(set) var announcedFields: Set<String> = []
    private(set) var completedSince: Duration?
    private(set) var authMode: String?
    private(set) var linkWentDown = false
    private var resumption = SessionResumptionDetector()

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The server chain seen in the current exchange, leaf first.
    public var serverChain: [ServerCertificate] { chain.values.sorted { $0.depth < $1.depth } }

    /// When the caller should send ``AuthenticationEvent/tick``: the end of the settle window, if one is running.
    public var nextWakeup: Duration? {
        guard outcome == nil, successConditionsMet, let since = completedSince else { return nil }
        return since + configuration.settleWindow
    }

    /// Feeds one event observed at monotonic time `now`.
    /// - Returns: the progress events it produced, in order (empty once the outcome is decided).
    public mutating func handle(_ event: AuthenticationEvent, at now: Duration) -> [AuthenticationProgress] {
        guard outcome == nil else { return [] }
        if timings.firstEvent == nil { timings.firstEvent = now }
        resumption.observe(event)
        var out: [AuthenticationProgress] = []
        switch event {
        case .eapStatus(let status, let parameter):
            handleEAPStatus(status, parameter, at: now, into: &out)
        case .certification(let depth, let subject, let alts, let hash, let der):
            let cert = ServerCertificate(depth: depth, subject: subject, altSubjects: alts, sha256Hex: hash, der: der,
                                         issuer: IncompleteChain.issuer(ofDER: der))
            chain[depth] = cert
            out.append(.serverCertificate(depth: depth, subject: subject, fingerprint: cert.sha256Hex,
                                          subjectAltNames: alts))
        case .stateChanged(let newState):
            handleState(newState, at: now, into: &out)
        case .currentAuthMode(let mode):
            if let active = SupplicantNames.activeAuthMode(mode) { authMode = active }
        case .networkRequest(let field, _):
            if !pendingRequests.contains(field) { pendingRequests.append(field) }
            if announcedFields.insert(field).inserted { out.append(.parameterNeeded(field: field)) }
        case .networkRequestAnswered(let field):
            pendingRequests.removeAll { $0 == field }
            answeredRequests.append(field)
            announcedFields.remove(field)
        case .networkRequestDeclined(let field, let storeKey):
            decide(.eapFailure(credentialsMissing(field: field, storeKey: storeKey)), at: now)
        case .supplicantVanished:
            decide(.supplicantFailure(SupplicantError(
                .vanished, "wpa_supplicant exited while authenticating on \(configuration.interfaceName)",
                details: ["interface": .string(configuration.interfaceName), "lastState": .string(state.rawValue)])), at: now)
        case .deadlineReached:
            if successConditionsMet && completedSince != nil {
                succeed(at: now, into: &out)
            } else {
                decide(.eapFailure(deadlineError()), at: now)
            }
        case .linkDown:
            linkWentDown = true
            completedSince = nil
            out.append(.linkDown)
        case .tick, .scanDone, .currentBSS:
            break
        }
        if outcome == nil, successConditionsMet, let since = completedSince, now - since >= configuration.settleWindow {
            succeed(at: now, into: &out)
        }
        return out
    }

    // MARK: - Signals

    private mutating func handleEAPStatus(
        _ status: EAPStatus, _ parameter: String, at now: Duration, into out: inout [AuthenticationProgress]
    ) {
        if timings.firstEAPStatus == nil { timings.firstEAPStatus = now }
        lastStatus = status
        switch status {
        case .started:
            resetExchange()
            started = true
            everStarted = true
            timings.exchangeStarted = now
            out.append(.eapStarted)
        case .acceptProposedMethod:
            accepted.append(parameter)
            out.append(.methodAccepted(parameter))
        case .refuseProposedMethod:
            refused.append(parameter)
            out.append(.methodRefused(parameter))
        case .remoteCertificateVerification:
            if parameter == "success" {
                verified = true
                out.append(configuration.anchor == .none ? .certificateNotValidated : .certificateVerified)
            } else {
                verificationFailure = parameter
                out.append(.verificationFailed(reason: parameter))
            }
        case .localTLSAlert, .remoteTLSAlert:
            let local = status == .localTLSAlert
            alerts.append((local, parameter))
            out.append(.tlsAlert(local: local, description: parameter))
        case .eapParameterNeeded:
            if !pendingRequests.contains(parameter) && !answeredRequests.contains(parameter) {
                pendingRequests.append(parameter)
            }
            if announcedFields.insert(parameter).inserted { out.append(.parameterNeeded(field: parameter)) }
        case .completion:
            timings.eapCompletion = now
            if parameter == "success" {
                completionSuccess = true
                out.append(.eapCompleted(success: true))
            } else {
                out.append(.eapCompleted(success: false))
                decide(.eapFailure(classifyFailure()), at: now)
            }
        default:
            break
        }
    }

    private mutating func handleState(_ newState: SupplicantState, at now: Duration, into out: inout [AuthenticationProgress]) {
        guard newState != state else { return }
        state = newState
        out.append(.stateChange(newState))
        if newState == .completed {
            if timings.completed == nil { timings.completed = now }
            completedSince = now
            return
        }
        if completedSince != nil {
            // `completed` fell back before it settled (the wired start-up race): wait for the next exchange.
            completedSince = nil
            completionSuccess = false
            out.append(.authenticationRestarted(state: newState))
        }
        if newState == .interfaceDisabled {
            decide(.supplicantFailure(SupplicantError(
                .unexpectedState, "interface \(configuration.interfaceName) was disabled during authentication",
                hint: "Check that the interface is up (`ip link set \(configuration.interfaceName) up`).",
                details: ["interface": .string(configuration.interfaceName), "state": .string(newState.rawValue)])), at: now)
        }
    }

    private mutating func resetExchange() {
        accepted = []
        refused = []
        chain = [:]
        verified = false
        verificationFailure = nil
        alerts = []
        completionSuccess = false
        timings.eapCompletion = nil
    }

    // MARK: - Decisions

    private var successConditionsMet: Bool {
        guard state == .completed, !linkWentDown else { return false }
        if completionSuccess { return true }
        // Wi-Fi PMKSA caching connects without any EAP exchange; on wired a bare `completed` proves nothing.
        return !configuration.isWired && !everStarted
    }

    private mutating func succeed(at now: Duration, into out: inout [AuthenticationProgress]) {
        let mode = authMode ?? "EAP-\(configuration.outerMethod.rawValue)"
        out.append(.authenticated(authMode: mode))
        decide(.success(AuthenticationSuccess(
            authMode: mode, serverChain: serverChain, serverValidated: configuration.anchor != .none,
            resumedWithoutEAP: !everStarted, sessionResumed: resumption.resumed)), at: now)
    }

    private mutating func decide(_ result: AuthenticationOutcome, at now: Duration) {
        guard outcome == nil else { return }
        outcome = result
        timings.decided = now
    }

    private static let nameMismatchReasons: Set<String> = [
        "Domain suffix mismatch", "Domain mismatch", "AltSubject mismatch", "Subject mismatch",
    ]
    private static let clientCertificateAlerts: Set<String> = [
        "bad certificate", "unsupported certificate", "certificate revoked", "certificate expired",
        "certificate unknown", "unknown CA", "access denied",
    ]

    private func classifyFailure() -> EAPError {
        if let field = pendingRequests.first { return credentialsMissing(field: field, storeKey: nil) }
        if let reason = verificationFailure {
            if let error = IncompleteChain.error(reason: reason, chain: serverChain, configuration: configuration) {
                return error
            }
            return Self.nameMismatchReasons.contains(reason) ? nameMismatch(reason: reason) : untrusted(reason: reason)
        }
        let ours = configuration.outerMethod.rawValue
        if !refused.isEmpty && !accepted.contains(ours) { return methodRefused() }
        if configuration.outerMethod == .tls, verified,
           let alert = alerts.first(where: { !$0.local && Self.clientCertificateAlerts.contains($0.description) }) {
            return credentialsRejected(stage: "client certificate", alert: alert.description)
        }
        // Before the tunnel is up: the TLS handshake's own cause (alert, or inferred); after it, a rejection.
        if let error = TLSFailureDiagnosis.error(alerts: alerts, certificates: chain.count, verified: verified,
                                                 accepted: accepted, configuration: configuration) { return error }
        if let alert = alerts.first { return TLSFailureDiagnosis.alertError(alert) }
        if verified {
            return credentialsRejected(stage: configuration.outerMethod == .tls ? "client certificate" : "inner authentication",
                                       alert: nil)
        }
        return credentialsRejected(stage: accepted.isEmpty ? "identity" : "outer method", alert: nil)
    }
}
