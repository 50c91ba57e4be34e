import Foundation
public import ProfileModel
public import Secrets
import StructuredErrors
import SupplicantClient

/// The `auth start` / `auth stop` / `auth state` use cases, on protocols so they run against fakes in tests.
public struct Authenticator: Sendable {
    public let supplicant: any SupplicantControlling
    public let credentials: any CredentialProviding
    /// Where EAP-FAST PACs are read and stored; by default `credentials`, when it stores PACs too.
    public let pacs: (any PACStoring)?

    public init(supplicant: any SupplicantControlling, credentials: any CredentialProviding, pacs: (any PACStoring)? = nil) {
        self.supplicant = supplicant
        self.credentials = credentials
        self.pacs = pacs ?? (credentials as? any PACStoring)
    }

    /// The credentials `profile` needs, or `eap.credentials-missing` naming the store keys tried.
    ///
    /// A one-time-password profile takes its password from `oneTimePassword` only (never from the store, not even
    /// the default item) and its username from the profile; without `oneTimePassword` it fails at once with
    /// `eap.credentials-missing` naming `--password-stdin` (details `oneTimePassword: true`).
    public func resolveCredentials(for profile: Profile, oneTimePassword: SecretBytes? = nil) async throws -> ResolvedCredentials {
        let uuid = profile.id.uuid
        let ssid = profile.ssid?.bytes
        let tried = Self.keysTried(profileID: uuid, ssid: ssid)
        if profile.eap.oneTimePassword, profile.eap.outer.usesPassword {
            return try Self.oneTimeCredentials(for: profile, password: oneTimePassword)
        }
        switch profile.eap.outer {
        case .peap, .ttls, .leap, .fast:
            let stored = try await credentials.password(profileID: uuid, ssid: ssid)
            if stored == nil && (profile.eap.username ?? "").isEmpty {
                throw EAPError(.credentialsMissing,
                               "no password item for profile '\(profile.name)' (tried \(tried.joined(separator: ", "))) and the profile has no username",
                               hint: "Store one: `eapolctl password set --profile \(profile.id) --username NAME`.",
                               details: ["profile": .string(profile.id.description), "keysTried": .list(tried)])
            }
            let username = stored.flatMap { $0.username.isEmpty ? nil : $0.username } ?? profile.eap.username
            return ResolvedCredentials(username: username, password: stored?.password)
        case .tls:
            guard let identity = try await credentials.identity(profileID: uuid, ssid: ssid) else {
                throw EAPError(.credentialsMissing,
                               "no client identity for EAP-TLS profile '\(profile.name)' (tried \(tried.joined(separator: ", ")))",
                               hint: "Store one: `eapolctl identity set --profile \(profile.id) --pkcs12 FILE`.",
                               details: ["profile": .string(profile.id.description), "keysTried": .list(tried)])
            }
            return ResolvedCredentials(username: profile.eap.username, clientIdentity: identity.identity)
        }
    }

    /// The credentials of a one-time-password profile: its username and `password`; `eap.credentials-missing` without
    /// either (the message names `--password-stdin`). Callers check this before connecting to anything.
    public static func oneTimeCredentials(for profile: Profile, password: SecretBytes?) throws -> ResolvedCredentials {
        let details: [String: ErrorDetail] = ["profile": .string(profile.id.description), "oneTimePassword": .bool(true)]
        guard let username = profile.eap.username, !username.isEmpty else {
            throw EAPError(.credentialsMissing,
                           "profile '\(profile.name)' uses one-time passwords but has no username (nothing is looked up in the store for it)",
                           hint: "Set one: `eapolctl profile edit \(profile.id) --username NAME`.", details: details)
        }
        guard let password, !password.isEmpty else {
            var more = details
            more["option"] = "--password-stdin"
            throw EAPError(.credentialsMissing,
                           "profile '\(profile.name)' uses one-time passwords: none was given and none is stored",
                           hint: "Type it when `eapolctl auth start` asks on a terminal, or pipe it: "
                               + "`eapolctl auth start --interface IF --profile \(profile.id) --password-stdin`.",
                           details: more)
        }
        return ResolvedCredentials(username: username, password: password)
    }

    static func keysTried(profileID: UUID, ssid: [UInt8]?) -> [String] {
        var keys = ["profile \(profileID.uuidString.uppercased())"]
        if let ssid { keys.append("SSID \(String(decoding: ssid, as: UTF8.self))") }
        keys.append("default")
        return keys
    }

    // MARK: - start

    /// Authenticates `profile` on `options.interfaceName` and waits for the outcome (unless `options.wait` is false).
    ///
    /// On failure every network and blob this run added is removed before the error is thrown; on success they stay
    /// (wpa_supplicant needs them for re-authentication) until `stop`.
    /// - Throws: ``EAPError``, ``SupplicantError`` or a DBus error.
    public func authenticate(profile: Profile, options: AuthenticationOptions,
                             progress: @escaping @Sendable (AuthenticationUpdate) -> Void = { _ in }) async throws
        -> AuthenticationReport {
        if case .passpoint(let settings) = profile.binding {
            return try await authenticatePasspoint(profile: profile, settings: settings, options: options, progress: progress)
        }
        return try await authenticate(profile: profile, options: options, resolvedCredentials: nil, claimed: nil,
                                      progress: progress)
    }

    /// ``authenticate(profile:options:progress:)`` with the credentials already resolved (`nil`: resolve them from
    /// the profile): a Passpoint profile connects with the credentials its selection used, never with an item
    /// stored under the SSID the selection happened to match. `claimed` is the interface its selection already
    /// obtained through ``InterfaceClaim`` (nil: claim it here), so NetworkManager is asked once per run.
    func authenticate(profile: Profile, options: AuthenticationOptions, resolvedCredentials: ResolvedCredentials?,
                      claimed: (SupplicantInterface, TakeOver?)?,
                      progress: @escaping @Sendable (AuthenticationUpdate) -> Void) async throws
        -> AuthenticationReport {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + options.timeout
        let emit: @Sendable (AuthenticationUpdate.Kind) -> Void = { kind in
            progress(AuthenticationUpdate(kind, elapsed: clock.now - start))
        }
        // First line: which bus and which process get the secrets, so a surprising bus is visible.
        if let peer = supplicant.verifiedPeer { emit(.supplicant(peer)) }
        var resolved: ResolvedCredentials
        if let resolvedCredentials {
            resolved = resolvedCredentials
        } else {
            resolved = try await resolveCredentials(for: profile, oneTimePassword: options.oneTimePassword)
        }
        resolved.pac = try await storedPAC(for: profile)
        var spec = NetworkSpec(profile: profile, credentials: resolved)
        var attemptOptions = options
        // Validates the profile's own network before anything is asked of the supplicant.
        var plan = try NetworkConfiguration.make(from: spec, blobPrefix: SupplicantNames.blobPrefix,
                                                 preferredFingerprint: options.preferredCAFingerprint)

        let (iface, takeOver) = if let claimed { claimed } else {
            try await InterfaceClaim(supplicant: supplicant, networkManager: supplicant.networkManager,
                                     takeOver: options.takeOver)
                .claim(options.interfaceName, driver: options.driver, profile: profile.id.description, emit: emit)
        }
        emit(.interfaceReady(iface))
        let portUse = try PortUse.decide(profile: profile, interfaceName: iface.name, driver: iface.driver)
        if portUse != .asBound {
            spec.binding = portUse.binding(for: spec)
            plan = try NetworkConfiguration.make(from: spec, blobPrefix: SupplicantNames.blobPrefix,
                                                 preferredFingerprint: options.preferredCAFingerprint)
            emit(.portUse(portUse, interface: iface.name, profile: profile.name, ssid: profile.ssid))
        }
        for warning in plan.warnings { emit(.warning(warning)) }
        let marker = try SessionMarker(spec: spec, plan: plan, profileID: profile.id.description)
        if let reused = try await reauthenticateKeepingSession(
            profile: profile, spec: spec, plan: plan, marker: marker, iface: iface, options: options, clock: clock,
            start: start, emit: emit) {
            var r = reused
            r.portUse = portUse
            r.takeOver = takeOver
            return r
        }
        let stale = try await removeOurs(on: iface)
        if stale.networks + stale.blobs > 0 {
            emit(.staleRemoved(networks: stale.networks, blobs: stale.blobs))
        }

        var tried: [TrustAnchor] = []
        var pacUse: PACUse?
        var pacRetried = false
        var scanHintFallback: ScanHintMonitor.Reason?
        let usedHint = ScanHint.usable(options.scanHint, for: spec)
        while true {
            // A PAC retry keeps the anchor: it is still the first one tried, and the CA fallback stays open.
            if tried.last != plan.anchor { tried.append(plan.anchor) }
            let attempt = Attempt(supplicant: supplicant, credentials: credentials, profile: profile, spec: spec,
                                  plan: plan, interface: iface, options: attemptOptions, clock: clock, start: start,
                                  deadline: deadline, emit: emit,
                                  marker: try SessionMarker(spec: spec, plan: plan, profileID: profile.id.description).blob)
            let result = try await attempt.run()
            if let reason = result.scanHintFallback, scanHintFallback == nil {
                // A retry (CA, PAC) scans every channel too: the hint already failed once.
                scanHintFallback = reason
                attemptOptions.scanHint = nil
            }
            // EAP-FAST: a PAC wpa_supplicant provisioned or refreshed is stored before anything else happens.
            let use = await keep(pac: result.pac, sent: spec.fast?.pac, profile: profile, emit: emit)
            if pacUse == nil || pacUse == .used { pacUse = use }
            switch result.outcome {
            case nil:
                var r = report(status: result.openPort ? .openPort : .started, result: result, plan: plan, iface: iface,
                               profile: profile, portUse: portUse, elapsed: clock.now - start)
                r.takeOver = takeOver
                return r
            case .success(let success)?:
                var r = report(status: .authenticated, result: result, plan: plan, iface: iface, profile: profile,
                               portUse: portUse, elapsed: clock.now - start)
                r.authMode = success.authMode
                r.serverChain = success.serverChain
                r.serverValidated = success.serverValidated
                r.resumed = success.sessionResumed
                r.pac = pacUse
                r.pacRetried = pacRetried
                r.takeOver = takeOver
                r.scanHint = usedHint
                r.scanHintFallback = scanHintFallback
                if !iface.driver.isWired { r.bss = try? await supplicant.currentBSS(of: iface) }
                return r
            case .eapFailure(let error)?:
                if Self.retriesWithNewPAC(use: use, alreadyRetried: pacRetried), let newPAC = result.pac {
                    // Provisioning ended the exchange with EAP-Failure; the authenticator holds the port for its
                    // quiet period, which the EAPOL-Start schedule waits out (repeating until the deadline).
                    pacRetried = true
                    spec.fast?.pac = newPAC
                    attemptOptions.recentFailureAge = .zero
                    emit(.fastPAC(.retryWithNewPAC(quietPeriod: iface.driver.isWired)))
                    plan = try NetworkConfiguration.make(from: spec, blobPrefix: SupplicantNames.blobPrefix, anchor: plan.anchor)
                    continue
                }
                if tried.count == 1,
                   let next = NetworkConfiguration.nextCACandidate(after: error, chain: result.chain,
                                                                   candidates: plan.trustCandidates, tried: tried) {
                    emit(.caRetry(anchor: next, reason: error.message))
                    // The authenticator just sent an EAP-Failure: it may hold the port in its quiet period.
                    attemptOptions.recentFailureAge = .zero
                    plan = try NetworkConfiguration.make(from: spec, blobPrefix: SupplicantNames.blobPrefix, anchor: next)
                    continue
                }
                throw error
            case .supplicantFailure(let error)?:
                throw error
            }
        }
    }

    func report(status: AuthenticationStatus, result: Attempt.Result, plan: NetworkPlan, iface: SupplicantInterface,
                        profile: Profile, portUse: PortUse, elapsed: Duration) -> AuthenticationReport {
        AuthenticationReport(
            status: status, interfaceName: iface.name, interfacePath: iface.path, networkPath: result.network,
            profileID: profile.id.description, profileName: profile.name, authMode: nil, serverChain: result.chain,
            serverValidated: !plan.insecureNoServerValidation, elapsed: elapsed, eapExchange: result.timings?.eapExchange,
            interfaceCreated: iface.created, anchor: plan.anchor, warnings: plan.warnings, portUse: portUse)
    }

    // MARK: - stop / state

    /// What `stop` removed.
    public struct StopResult: Sendable, Equatable {
        public var interfaceName: String
        public var removedNetworks: Int
        public var removedBlobs: Int
    }

    /// Removes eapolctl's networks (`id_str` starting `eapolctl:`) and blobs (`eapolctl-…`) from the interface and
    /// disconnects it when one of ours was the current network.
    public func stop(interfaceName: String) async throws -> StopResult {
        guard let iface = try await supplicant.existingInterface(named: interfaceName) else {
            return StopResult(interfaceName: interfaceName, removedNetworks: 0, removedBlobs: 0)
        }
        let current = try await supplicant.currentNetwork(of: iface)
        let removed = try await removeOurs(on: iface)
        if let current, removed.paths.contains(current) { try await supplicant.disconnect(iface) }
        return StopResult(interfaceName: interfaceName, removedNetworks: removed.networks, removedBlobs: removed.blobs)
    }

    /// The interface's authentication state.
    public struct State: Sendable, Equatable {
        public var interfaceName: String
        /// wpa_supplicant's State, or `not-controlled` when it does not control the interface.
        public var supplicantState: String
        /// `CurrentAuthMode` when completed, else nil.
        public var authMode: String?
        /// The current network's path.
        public var network: String?
        /// The profile ID from an eapolctl network's `id_str`.
        public var profileID: String?
    }

    /// Reads State, CurrentAuthMode and the current network (and its profile, for networks of ours).
    public func state(interfaceName: String) async throws -> State {
        guard let iface = try await supplicant.existingInterface(named: interfaceName) else {
            return State(interfaceName: interfaceName, supplicantState: "not-controlled")
        }
        let state = try await supplicant.state(of: iface)
        let mode = try await supplicant.currentAuthMode(of: iface)
        let network = try await supplicant.currentNetwork(of: iface)
        var profileID: String?
        if let network { profileID = SupplicantNames.tag(ofIDString: try await supplicant.idString(ofNetwork: network)) }
        return State(interfaceName: interfaceName, supplicantState: state.rawValue,
                     authMode: SupplicantNames.activeAuthMode(mode), network: network, profileID: profileID)
    }

    /// Removes every network and blob of ours from `iface`.
    func removeOurs(on iface: SupplicantInterface) async throws -> (networks: Int, blobs: Int, paths: [String]) {
        var paths: [String] = []
        for network in try await supplicant.networks(of: iface) {
            if SupplicantNames.isOurs(idString: try await supplicant.idString(ofNetwork: network)) {
                try await supplicant.removeNetwork(network, from: iface)
                paths.append(network)
            }
        }
        var blobs = 0
        for name in try await supplicant.blobNames(of: iface) where name.hasPrefix(SupplicantNames.blobPrefix + "-") {
            try await supplicant.removeBlob(named: name, from: iface)
            blobs += 1
        }
        return (paths.count, blobs, paths)
    }
}
