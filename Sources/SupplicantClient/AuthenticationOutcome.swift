public import StructuredErrors

/// The final result of one authentication attempt.
public enum AuthenticationOutcome: Sendable {
    case success(AuthenticationSuccess)
    case eapFailure(EAPError)
    case supplicantFailure(SupplicantError)

    /// The error, when the attempt failed.
    public var error: (any StructuredError)? {
        switch self {
        case .success: nil
        case .eapFailure(let e): e
        case .supplicantFailure(let e): e
        }
    }

    /// True for ``success(_:)``.
    public var isSuccess: Bool { if case .success = self { true } else { false } }
}

/// What a successful attempt established.
public struct AuthenticationSuccess: Sendable, Equatable {
    /// The `CurrentAuthMode`, e.g. `EAP-PEAP`; `EAP` when wpa_supplicant did not report one.
    public let authMode: String
    /// The server chain seen in this exchange, leaf first (empty after session resumption).
    public let serverChain: [ServerCertificate]
    /// True when the server was not validated (insecure mode): the CLI must say so.
    public let serverValidated: Bool
    /// True when no EAP exchange took place (Wi-Fi PMKSA caching).
    public let resumedWithoutEAP: Bool
    /// True when the EAP exchange resumed an earlier TLS session (no server certificate was presented: see
    /// ``SessionResumptionDetector``); the server was validated in the full handshake that created the session.
    public let sessionResumed: Bool
}

/// Monotonic times (supplied by the caller) of the milestones of an attempt.
public struct AuthenticationTimings: Sendable, Equatable {
    /// The first event the tracker saw.
    public var firstEvent: Duration?
    /// The first EAP status of the attempt.
    public var firstEAPStatus: Duration?
    /// The `started` of the exchange that decided the outcome.
    public var exchangeStarted: Duration?
    /// `completion success` or `completion failure`.
    public var eapCompletion: Duration?
    /// State `completed`.
    public var completed: Duration?
    /// When the outcome was decided.
    public var decided: Duration?

    /// The EAP exchange alone: its first status to its completion.
    public var eapExchange: Duration? {
        guard let start = exchangeStarted ?? firstEAPStatus, let end = eapCompletion else { return nil }
        return end - start
    }
}
