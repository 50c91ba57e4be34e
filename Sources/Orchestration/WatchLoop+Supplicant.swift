import DHCPClient
import Foundation
import ProfileModel
import StructuredErrors
import SupplicantClient

/// watch's supplicant side: signals of the interface, the supplicant leaving and returning, and (re)authentication.
extension WatchLoop {
    func supplicantEvent(_ event: AuthenticationEvent) async {
        exchange.observe(event)
        roams.observe(event, at: clock.now)
        switch event {
        case .stateChanged(let s):
            let was = lastState
            lastState = s
            guard s != was || reauthPending else { return }
            emit(.stateChange(s))
            if s == .completed && (was != .completed || reauthPending) {
                // A signal is not proof (anyone on the bus can send one): ask the supplicant before renewing DHCP.
                guard await confirmCompleted() else { return }
                reauthPending = false
                if let roam = await roamed() {
                    emit(.roamed(roam))
                    // Another access point may be another subnet behind the same SSID: DHCP runs at once (the
                    // builtin client's INIT-REBOOT, RFC 2131 3.2), timed from the start of the roam.
                    cycle += 1
                    cycleStart = (.roamed, clock.now - roam.duration)
                }
                if cycleStart == nil {
                    cycle += 1
                    cycleStart = (.supplicant, clock.now)
                }
                authenticated(reason: .stateCompleted)
            }
        case .eapStatus(let status, let parameter):
            if status == .started { emit(.eapStarted(parameter: parameter)) }
            if status == .completion { emit(.eapCompleted(result: parameter)) }
        case .supplicantVanished:
            supplicantVanished()
        default:
            break
        }
    }

    /// Whether wpa_supplicant itself (method calls to the verified owner) says the interface is `completed` on the
    /// profile's network (any network when watch has no profile). Emits `state-unconfirmed` when it does not.
    func confirmCompleted() async -> Bool {
        guard let iface else { return false }
        do {
            let state = try await w.supplicant.state(of: iface)
            let mode = try await w.supplicant.currentAuthMode(of: iface)
            let ours = try await holdsProfileNetwork(iface)
            if state == .completed, ours, SupplicantNames.activeAuthMode(mode) != nil { return true }
            lastState = state
            emit(.stateUnconfirmed(state: state, authMode: mode, profileNetwork: ours))
        } catch {
            emit(.stateCheckFailed(EventError(error)))
        }
        return false
    }

    func supplicantVanished() {
        guard present else { return }
        present = false
        emit(.supplicantVanished)
        subscription?.cancel()
        subscription = nil
        iface = nil
        lastState = nil
        reauthPending = false
        roams.reset(bssid: nil)
    }

    func supplicantReturned() async {
        guard !present else { return }
        present = true
        emit(.supplicantReturned)
        cycle += 1
        cycleStart = (.supplicantReturned, clock.now)
        if let profile = w.options.profile {
            await authenticateOrRetry(profile, reason: .supplicantReturned)
        } else if let existing = try? await w.supplicant.existingInterface(named: name) {
            iface = existing
            subscribe(existing)
            lastState = try? await w.supplicant.state(of: existing)
        } else {
            emit(.waiting(.interfaceMissing(interface: name)))
        }
    }

    func authenticateOrRetry(_ profile: Profile, reason: WatchAuthenticationReason) async {
        do {
            try await authenticate(profile, reason: reason)
        } catch {
            emit(.reauthenticationFailed(EventError(error), retryIn: w.options.retryDelay))
            later(w.options.retryDelay, .retry)
        }
    }

    /// A full authentication (interface, network, blobs) with the profile; with a login-window list, a round over
    /// the list instead (WatchLoop+LoginWindow.swift).
    func authenticate(_ profile: Profile, reason: WatchAuthenticationReason) async throws {
        if loginWindow != nil { return await authenticateInOrder(reason: reason) }
        try await authenticateOne(profile, reason: reason)
    }

    /// A full authentication (interface, network, blobs) with the profile.
    func authenticateOne(_ profile: Profile, reason: WatchAuthenticationReason) async throws {
        emit(.authenticating(profile: profile.name, reason: reason))
        let authenticator = Authenticator(supplicant: w.supplicant, credentials: w.credentials)
        let report: AuthenticationReport
        do {
            report = try await authenticator.authenticate(profile: profile, options: AuthenticationOptions(
                interfaceName: name, driver: w.options.driver, timeout: w.options.authenticationTimeout,
                sendEAPOLStart: w.options.sendEAPOLStart, recentFailureAge: lastEAPFailure.map { clock.now - $0 },
                takeOver: w.options.takeOver))
        } catch let error as EAPError where error.code != .noAuthenticator {
            // The exchange reached the authenticator and failed: its quiet period now holds the port.
            lastEAPFailure = clock.now
            throw error
        }
        let current = try await w.supplicant.existingInterface(named: name)
        iface = current
        if let current { subscribe(current) }
        lastState = .completed
        reauthPending = false
        lastEAPFailure = nil
        roams.reset(bssid: report.bss?.checkedBSSIDText)
        authenticated(reason: reason, authMode: report.authMode, resumed: report.resumed)
    }

    /// `resumed`: from the report of a full authentication; otherwise from the exchange the signals showed, if any.
    func authenticated(reason: WatchAuthenticationReason, authMode: String? = nil, resumed: Bool? = nil) {
        authenticatedAt = clock.now
        let resumed = resumed ?? (exchange.completedSuccessfully ? exchange.resumed : nil)
        exchange = SessionResumptionDetector()
        emit(.authenticated(reason: reason, authMode: authMode, resumed: resumed, trigger: cycleStart?.trigger,
                            sinceTrigger: cycleStart.map { clock.now - $0.at }))
        triggerDHCP()
    }
}
