import StructuredErrors

/// Names a failure of the TLS handshake itself (before the tunnel is up) from what wpa_supplicant 2.10 signals over
/// D-Bus: its `local TLS alert` / `remote TLS alert` EAP statuses (OpenSSL's long alert names), the `Certification`
/// signals and the `remote certificate verification` status.
///
/// With an alert the cause is reported (`tls-version-mismatch` for `protocol version`, `tls-no-shared-cipher` for
/// `insufficient security`, `tls-handshake-failure` for `handshake failure`, `tls-server-alert` for any other alert
/// from the server). Many servers (FreeRADIUS 3.2 among them) write their fatal alert to their log but answer with a
/// bare EAP-Failure, so the supplicant hears nothing: then the cause is inferred from what happened — a TLS method was
/// accepted, the exchange failed before the server presented any certificate, and the profile's bounds exclude a
/// version (only TLS 1.3, or at most TLS 1.2) — and the message and `details.inferred` say it is an inference.
/// Once the server's certificate was verified the tunnel is up, and a rejection stays `credentials-rejected`.
enum TLSFailureDiagnosis {
    /// EAP methods (as in `accept proposed method`) that run a TLS handshake first.
    static let tlsMethods = SessionResumptionDetector.tlsMethods

    /// The TLS-level error for a failed exchange, or nil when the failure is not one (the caller decides then).
    /// - Parameters:
    ///   - alerts: the TLS alerts of this exchange, in order.
    ///   - certificates: how many `Certification` signals the exchange had.
    ///   - verified: whether the server certificate was verified (`remote certificate verification` `success`).
    ///   - accepted: the methods accepted in this exchange (`accept proposed method`).
    static func error(alerts: [(local: Bool, description: String)], certificates: Int, verified: Bool,
                      accepted: [String], configuration: AuthenticationTracker.Configuration) -> EAPError? {
        guard !verified else { return nil }
        let bounds = Bounds(configuration)
        if let alert = alerts.first {
            switch alert.description {
            case "protocol version":
                return versionMismatch(bounds, configuration, evidence: alertEvidence(alert), alert: alert, inferred: false)
            case "insufficient security":
                return noSharedCipher(bounds, configuration, alert: alert)
            case "handshake failure":
                return handshakeFailure(bounds, configuration, alert: alert)
            default:
                return alert.local ? nil : serverAlert(alert, bounds, configuration)
            }
        }
        guard certificates == 0, let method = accepted.last, tlsMethods.contains(method.uppercased()) else { return nil }
        let evidence = "the server ended the exchange after \(method) was agreed and before it presented any "
            + "certificate, without a TLS alert"
        if bounds.excludesOneVersion {
            return versionMismatch(bounds, configuration, evidence: evidence, alert: nil, inferred: true)
        }
        return handshakeFailure(bounds, configuration, evidence: evidence)
    }

    /// `tls-alert`: an alert no rule above names (one of eapolctl's side, or any after the tunnel is up).
    static func alertError(_ alert: (local: Bool, description: String)) -> EAPError {
        let origin = alert.local ? "local" : "remote"
        let who = alert.local ? "eapolctl's side" : "the server"
        return EAPError(.tlsAlert, "TLS handshake aborted by \(who): \(alert.description)",
                        details: ["origin": .string(origin), "description": .string(alert.description)])
    }

    /// The profile's TLS bounds as wpa_supplicant 2.10 applies them: minimum 1.2 and (without `--tls-max`) TLS 1.3
    /// kept off.
    struct Bounds {
        let min: NetworkSpec.TLSVersion
        let max: NetworkSpec.TLSVersion
        let maxWasSet: Bool

        init(_ configuration: AuthenticationTracker.Configuration) {
            min = configuration.tlsMinVersion ?? .v1_2
            max = configuration.tlsMaxVersion ?? Swift.max(min, .v1_2)
            maxWasSet = configuration.tlsMaxVersion != nil
        }

        /// Only TLS 1.3, or nothing above TLS 1.2: a server with the other version only shares none.
        var excludesOneVersion: Bool { min >= .v1_3 || max <= .v1_2 }

        var text: String {
            let range = min == max ? "TLS \(min.rawValue) only" : "TLS \(min.rawValue)–\(max.rawValue)"
            return maxWasSet || max >= .v1_3 ? range : range + " (no --tls-max: wpa_supplicant keeps TLS 1.3 off)"
        }

        /// What the server probably supports, given that it shares no version with these bounds: a sentence and a
        /// short form for the details (nil when the bounds cover both TLS 1.2 and 1.3).
        var likelyServer: (sentence: String, short: String)? {
            if min >= .v1_3 { return ("the server probably does not offer TLS 1.3", "probably at most TLS 1.2") }
            if max <= .v1_2 { return ("the server probably requires TLS 1.3", "probably TLS 1.3 only") }
            return nil
        }

        var details: [String: ErrorDetail] {
            ["profileTLSMin": .string(min.rawValue), "profileTLSMax": .string(max.rawValue)]
        }
    }

    private static func alertEvidence(_ alert: (local: Bool, description: String)) -> String {
        alert.local ? "eapolctl's side sent the TLS alert '\(alert.description)'"
            : "the server sent the TLS alert '\(alert.description)'"
    }

    private static func hint(_ configuration: AuthenticationTracker.Configuration, _ lead: String) -> String {
        "\(lead) `eapolctl profile edit \(configuration.profileName) --tls-min 1.2 --tls-max 1.3` lets the server choose "
            + "TLS 1.2 or 1.3 (`eapolctl profile show \(configuration.profileName)` shows the bounds)."
    }

    private static func details(_ bounds: Bounds, _ configuration: AuthenticationTracker.Configuration,
                                alert: (local: Bool, description: String)?, inferred: Bool) -> [String: ErrorDetail] {
        var details = bounds.details
        details["profile"] = .string(configuration.profileName)
        details["inferred"] = .bool(inferred)
        if let alert {
            details["alert"] = .string(alert.description)
            details["origin"] = .string(alert.local ? "local" : "remote")
        }
        return details
    }

    private static func versionMismatch(_ bounds: Bounds, _ configuration: AuthenticationTracker.Configuration,
                                        evidence: String, alert: (local: Bool, description: String)?,
                                        inferred: Bool) -> EAPError {
        let head = inferred ? "probably a TLS version mismatch" : "TLS version mismatch"
        let why = inferred ? "inferred: \(evidence)" : evidence
        var details = details(bounds, configuration, alert: alert, inferred: inferred)
        var server = ""
        if let likely = bounds.likelyServer {
            details["serverTLS"] = .string(likely.short)
            server = ", and \(likely.sentence)"
        }
        return EAPError(.tlsVersionMismatch,
                        "\(head): profile \(configuration.profileName) allows \(bounds.text)\(server) (\(why))",
                        hint: hint(configuration, "Widen the profile's TLS bounds:"), details: details)
    }

    private static func noSharedCipher(_ bounds: Bounds, _ configuration: AuthenticationTracker.Configuration,
                                       alert: (local: Bool, description: String)) -> EAPError {
        EAPError(.tlsNoSharedCipher,
                 "profile \(configuration.profileName) (\(bounds.text)) and the server share no cipher suite "
                    + "(\(alertEvidence(alert)))",
                 hint: hint(configuration, "TLS 1.3 has its own cipher suites:") + " Otherwise ask the RADIUS "
                    + "administrator which cipher suites the server allows.",
                 details: details(bounds, configuration, alert: alert, inferred: false))
    }

    private static func handshakeFailure(_ bounds: Bounds, _ configuration: AuthenticationTracker.Configuration,
                                         alert: (local: Bool, description: String)? = nil,
                                         evidence: String? = nil) -> EAPError {
        let why = alert.map(alertEvidence) ?? "inferred: \(evidence ?? "")"
        return EAPError(.tlsHandshakeFailure,
                        "the TLS handshake of profile \(configuration.profileName) (\(bounds.text)) failed before the "
                            + "tunnel was up: the two sides found no common TLS parameters (\(why))",
                        hint: hint(configuration, "Check the TLS bounds, and the RADIUS server's log for its reason;"),
                        details: details(bounds, configuration, alert: alert, inferred: alert == nil))
    }

    private static func serverAlert(_ alert: (local: Bool, description: String), _ bounds: Bounds,
                                    _ configuration: AuthenticationTracker.Configuration) -> EAPError {
        EAPError(.tlsServerAlert,
                 "the server aborted the TLS handshake of profile \(configuration.profileName) (\(bounds.text)) with "
                    + "the alert '\(alert.description)' before the tunnel was up",
                 hint: "The alert names the server's reason; check the profile's certificates and TLS bounds "
                    + "(`eapolctl profile show \(configuration.profileName)`; change the bounds with "
                    + "`eapolctl profile edit \(configuration.profileName) --tls-min V --tls-max V`) and the RADIUS "
                    + "server's log.",
                 details: details(bounds, configuration, alert: alert, inferred: false))
    }
}
