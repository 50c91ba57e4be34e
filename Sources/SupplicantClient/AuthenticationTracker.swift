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
    public private(set) var state = "unknown"
    /// Fields wpa_supplicant asked for that the caller answered.
    public private(set) var answeredRequests: [String] = []

    // One EAP exchange (reset by a new `started`).
    private var started = false
    private var everStarted = false
    private var accepted: [String] = []
    private var refused: [String] = []
    private var chain: [Int: ServerCertificate] = [:]
    private var verified = false
    private var verificationFailure: String?
    private var alerts: [(local: Bool, description: String)] = []
    private var completionSuccess = false
    private var lastStatus: String?
    // Attempt-wide.
    private var pendingRequests: [String] = []
    private var announcedFields: Set<String> = []
    private var completedSince: Duration?
    private var authMode: String?
    private var linkWentDown = false
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
            if mode != "INACTIVE" && !mode.isEmpty { authMode = mode }
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
                details: ["interface": .string(configuration.interfaceName), "lastState": .string(state)])), at: now)
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
        case .tick:
            break
        }
        if outcome == nil, successConditionsMet, let since = completedSince, now - since >= configuration.settleWindow {
            succeed(at: now, into: &out)
        }
        return out
    }

    // MARK: - Signals

    private mutating func handleEAPStatus(
        _ status: String, _ parameter: String, at now: Duration, into out: inout [AuthenticationProgress]
    ) {
        if timings.firstEAPStatus == nil { timings.firstEAPStatus = now }
        lastStatus = status
        switch status {
        case "started":
            resetExchange()
            started = true
            everStarted = true
            timings.exchangeStarted = now
            out.append(.eapStarted)
        case "accept proposed method":
            accepted.append(parameter)
            out.append(.methodAccepted(parameter))
        case "refuse proposed method":
            refused.append(parameter)
            out.append(.methodRefused(parameter))
        case "remote certificate verification":
            if parameter == "success" {
                verified = true
                out.append(configuration.anchor == .none ? .certificateNotValidated : .certificateVerified)
            } else {
                verificationFailure = parameter
                out.append(.verificationFailed(reason: parameter))
            }
        case "local TLS alert", "remote TLS alert":
            let local = status.hasPrefix("local")
            alerts.append((local, parameter))
            out.append(.tlsAlert(local: local, description: parameter))
        case "eap parameter needed":
            if !pendingRequests.contains(parameter) && !answeredRequests.contains(parameter) {
                pendingRequests.append(parameter)
            }
            if announcedFields.insert(parameter).inserted { out.append(.parameterNeeded(field: parameter)) }
        case "completion":
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

    private mutating func handleState(_ newState: String, at now: Duration, into out: inout [AuthenticationProgress]) {
        guard newState != state else { return }
        state = newState
        out.append(.stateChange(newState))
        if newState == "completed" {
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
        if newState == "interface_disabled" {
            decide(.supplicantFailure(SupplicantError(
                .unexpectedState, "interface \(configuration.interfaceName) was disabled during authentication",
                hint: "Check that the interface is up (`ip link set \(configuration.interfaceName) up`).",
                details: ["interface": .string(configuration.interfaceName), "state": .string(newState)])), at: now)
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
        guard state == "completed", !linkWentDown else { return false }
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

    private func deadlineError() -> EAPError {
        let iface = configuration.interfaceName
        if let field = pendingRequests.first { return credentialsMissing(field: field, storeKey: nil) }
        var details: [String: ErrorDetail] = ["interface": .string(iface), "lastState": .string(state)]
        if linkWentDown { details["linkDown"] = .bool(true) }
        if completionSuccess {
            if configuration.isWired {
                return EAPError(.timeout, "EAP succeeded on \(iface) but the port did not open (last state \(state))",
                                hint: "Check the switch port's 802.1X settings and the authenticator's log; "
                                    + "`eapolctl auth state --interface \(iface)` shows the supplicant's state.",
                                details: details)
            }
            return EAPError(.keyHandshakeIncomplete,
                            "EAP succeeded on \(iface) but the 4-way key handshake did not complete (last state \(state))",
                            details: details)
        }
        if !everStarted {
            if configuration.isWired || ["associated", "4way_handshake", "group_handshake"].contains(state) {
                let why = linkWentDown ? " (the link went down)" : ""
                return EAPError(.noAuthenticator, "no 802.1X authenticator answered on \(iface)\(why)", details: details)
            }
            return EAPError(.timeout, "could not associate on \(iface) in time (last state \(state))",
                            hint: "Check that the network is in range and the SSID is right (`iw dev \(iface) scan` lists the "
                                + "networks in range).",
                            details: details)
        }
        if let last = lastStatus { details["lastEAPStatus"] = .string(last) }
        if let method = accepted.last { details["method"] = .string(method) }
        return EAPError(.authenticationStalled,
                        "EAP started on \(iface) but did not complete (last step: \(lastStatus ?? "started"))",
                        details: details)
    }

    private func credentialsMissing(field: String, storeKey: String?) -> EAPError {
        var details: [String: ErrorDetail] = ["field": .string(field), "profile": .string(configuration.profileName)]
        if let storeKey { details["storeKey"] = .string(storeKey) }
        let tried = storeKey.map { " (store item \($0) not found)" } ?? ""
        return EAPError(.credentialsMissing,
                        "wpa_supplicant asked for \(field) for profile \(configuration.profileName)\(tried)",
                        hint: "Store it with `eapolctl password set --profile \(configuration.profileName) --username NAME`.",
                        details: details)
    }

    private func untrusted(reason: String) -> EAPError {
        let certs = serverChain
        var details: [String: ErrorDetail] = [
            "reason": .string(reason),
            "chainSubjects": .list(certs.map(\.subject)),
            "configuredCAs": .list(configuration.configuredCASubjects),
        ]
        if let leaf = certs.first(where: { $0.depth == 0 }) ?? certs.first {
            details["serverFingerprint"] = .string(leaf.sha256Hex)
        }
        let what = reason == "Server certificate mismatch"
            ? "the server certificate does not match the pinned fingerprint"
            : "the server certificate is not trusted (\(reason))"
        return EAPError(.serverCertificateUntrusted, "profile \(configuration.profileName): \(what)",
                        hint: "See what the server presents: `eapolctl profile probe --interface \(configuration.interfaceName) "
                            + "--profile \(configuration.profileName)`; after checking the fingerprint with your network "
                            + "administrator, trust its CA with `eapolctl profile edit \(configuration.profileName) --add-ca-cert FILE`.",
                        details: details)
    }

    private func nameMismatch(reason: String) -> EAPError {
        let leaf = serverChain.first { $0.depth == 0 }
        let names = leaf?.names ?? []
        return EAPError(.serverNameMismatch,
                        "profile \(configuration.profileName): the server certificate names (\(names.joined(separator: ", "))) "
                            + "match none of \(configuration.serverNames.joined(separator: ", "))",
                        hint: "See what the server presents: `eapolctl profile probe --interface \(configuration.interfaceName) "
                            + "--profile \(configuration.profileName)`; once your network administrator confirms the name, add it "
                            + "with `eapolctl profile edit \(configuration.profileName) --add-server-name NAME`.",
                        details: ["reason": .string(reason), "configuredNames": .list(configuration.serverNames),
                                  "certificateNames": .list(names),
                                  "serverFingerprint": .string(leaf?.sha256Hex ?? "")])
    }

    private func methodRefused() -> EAPError {
        let ours = configuration.outerMethod.rawValue
        return EAPError(.methodRefused,
                        "the server proposed \(refused.joined(separator: ", ")) but profile \(configuration.profileName) "
                            + "uses \(ours)",
                        hint: "Set the profile's method to one the server proposes: "
                            + "`eapolctl profile edit \(configuration.profileName) --method METHOD`, or ask the administrator.",
                        details: ["configuredMethod": .string(ours), "serverProposed": .list(refused)])
    }

    private func credentialsRejected(stage: String, alert: String?) -> EAPError {
        var details: [String: ErrorDetail] = ["stage": .string(stage), "profile": .string(configuration.profileName)]
        if let alert { details["alert"] = .string(alert) }
        if let method = accepted.last { details["method"] = .string(method) }
        let hint = stage == "client certificate"
            ? "Check the client certificate of profile \(configuration.profileName) and that the server trusts its issuer "
                + "(store another with `eapolctl identity set --profile \(configuration.profileName) --pkcs12 FILE`)."
            : "Check the user name and password (store them again with "
                + "`eapolctl password set --profile \(configuration.profileName) --username NAME`)."
        return EAPError(.credentialsRejected,
                        "the server rejected the \(stage) of profile \(configuration.profileName)",
                        hint: hint, details: details)
    }
}
