public import ProfileModel
import StructuredErrors
import SupplicantClient

extension Authenticator {
    /// `auth start` for a Passpoint profile: wpa_supplicant's interworking selection finds the access point
    /// (``PasspointSelector``; the credential and settings are gone again when it returns), then the profile
    /// authenticates as a WPA2-Enterprise profile for the matched SSID, within the same overall timeout. The report
    /// carries the match (`passpoint`).
    /// - Throws: ``EAPError`` `no-passpoint-match` (nothing in range matches), ``SupplicantError``
    ///   `interworking-unsupported`, ``ProfileError`` `wrong-port-kind` on a wired interface, and every error of a
    ///   Wi-Fi authentication.
    public func authenticatePasspoint(profile: Profile, settings: PasspointSettings, options: AuthenticationOptions,
                                      progress: @escaping @Sendable (AuthenticationUpdate) -> Void = { _ in }) async throws
        -> AuthenticationReport {
        guard let interworking = supplicant as? any InterworkingControlling else {
            throw SupplicantError(.interworkingUnsupported, "this supplicant connection has no Passpoint calls",
                                  details: ["interface": .string(options.interfaceName)])
        }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + options.timeout
        let resolved = try await resolveCredentials(for: profile, oneTimePassword: options.oneTimePassword)
        let (iface, takeOver) = try await InterfaceClaim(supplicant: supplicant, networkManager: supplicant.networkManager,
                                                         takeOver: options.takeOver)
            .claim(options.interfaceName, driver: options.driver, profile: profile.id.description) { kind in
                progress(AuthenticationUpdate(kind, elapsed: clock.now - start))
            }
        _ = try PortUse.decide(profile: profile, interfaceName: iface.name, driver: iface.driver)
        let selectionStart = clock.now
        var selection = try await PasspointSelector(supplicant: supplicant, interworking: interworking)
            .select(profile: profile, settings: settings, credentials: resolved, interface: iface, deadline: deadline)
        let took = clock.now - selectionStart
        selection.selectionMs = took.milliseconds
        var matched = profile
        matched.binding = .wifi(ssid: try SSID(parsing: selection.ssidHex), security: .wpa2, hidden: false)
        var remaining = options
        remaining.timeout = max(deadline - clock.now, .seconds(1))
        // The credentials the selection used, read once (the matched SSID may key another stored item).
        var report = try await authenticate(profile: matched, options: remaining, resolvedCredentials: resolved,
                                            claimed: (iface, takeOver), progress: progress)
        report.passpoint = selection
        return report
    }
}
