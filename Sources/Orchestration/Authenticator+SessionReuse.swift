import ProfileModel
import StructuredErrors
import SupplicantClient

extension Authenticator {
    /// A second `auth start` with an unchanged profile on a wired port: re-authenticates on the network the first one
    /// left (same ``SessionMarker``), so wpa_supplicant can resume its TLS session. Returns nil when there is no such
    /// network, or when re-authenticating on it failed (the caller then replaces it and runs a full attempt).
    ///
    /// Only a network that is the interface's current one and carries the marker of exactly this profile, plan and
    /// trust anchor qualifies: a changed CA, server name, pin, TLS bound, identity or certificate changes the marker
    /// and forces a new network and a full handshake.
    func reauthenticateKeepingSession(
        profile: Profile, spec: NetworkSpec, plan: NetworkPlan, marker: SessionMarker, iface: SupplicantInterface,
        options: AuthenticationOptions, clock: ContinuousClock, start: ContinuousClock.Instant,
        emit: @escaping @Sendable (AuthenticationUpdate.Kind) -> Void
    ) async throws -> AuthenticationReport? {
        guard options.wait, options.sendEAPOLStart, iface.driver.isWired,
              let network = try await reusableNetwork(on: iface, profile: profile, marker: marker) else { return nil }
        // Half the time at most: a failed re-use leaves time for the full attempt.
        let attempt = Attempt(supplicant: supplicant, credentials: credentials, profile: profile, spec: spec, plan: plan,
                              interface: iface, options: options, clock: clock, start: start,
                              deadline: start + options.timeout / 2, emit: emit, reuseNetwork: network)
        let result = try await attempt.run()
        switch result.outcome {
        case .success(let success)?:
            var r = report(status: .authenticated, result: result, plan: plan, iface: iface, profile: profile,
                           portUse: .asBound, elapsed: clock.now - start)
            r.authMode = success.authMode
            r.serverChain = success.serverChain
            r.serverValidated = success.serverValidated
            r.resumed = success.sessionResumed
            return r
        case .supplicantFailure(let error)? where error.code == .vanished:
            throw error
        case .eapFailure(let error)?:
            emit(.networkReuseFailed(network: network, error: EventError(error)))
            return nil
        case .supplicantFailure(let error)?:
            emit(.networkReuseFailed(network: network, error: EventError(error)))
            return nil
        case nil:
            return nil
        }
    }

    /// The profile's network on `iface` when it is the current network, the only one of ours, and marked `marker`.
    func reusableNetwork(on iface: SupplicantInterface, profile: Profile, marker: SessionMarker) async throws -> String? {
        guard try await supplicant.blobNames(of: iface).contains(marker.blobName),
              let current = try await supplicant.currentNetwork(of: iface) else { return nil }
        var ours: [String] = []
        for network in try await supplicant.networks(of: iface) {
            if SupplicantNames.isOurs(idString: try await supplicant.idString(ofNetwork: network)) {
                ours.append(network)
            }
        }
        guard ours == [current],
              try await supplicant.idString(ofNetwork: current) == SupplicantNames.idString(profileID: profile.id.description)
        else { return nil }
        return current
    }
}
