/// What the live view and JSON lines show while an authentication runs (the CLI turns it into text and JSON fields).
public enum AuthenticationProgress: Sendable, Equatable {
    case eapStarted
    case methodAccepted(String)
    case methodRefused(String)
    case serverCertificate(depth: Int, subject: String, fingerprint: String, subjectAltNames: [String])
    /// wpa_supplicant validated the chain against the configured anchor.
    case certificateVerified
    /// wpa_supplicant reported success, but no anchor was configured: nothing was validated.
    case certificateNotValidated
    case verificationFailed(reason: String)
    case tlsAlert(local: Bool, description: String)
    case parameterNeeded(field: String)
    case eapCompleted(success: Bool)
    /// A `completed` state fell back before it settled; authentication continues.
    case authenticationRestarted(state: SupplicantState)
    case authenticated(authMode: String)
    case stateChange(SupplicantState)
    case linkDown

    /// A stable event name for JSON lines.
    public var name: String {
        switch self {
        case .eapStarted: "eap-started"
        case .methodAccepted: "method-accepted"
        case .methodRefused: "method-refused"
        case .serverCertificate: "server-certificate"
        case .certificateVerified: "certificate-verified"
        case .certificateNotValidated: "certificate-not-validated"
        case .verificationFailed: "verification-failed"
        case .tlsAlert: "tls-alert"
        case .parameterNeeded: "parameter-needed"
        case .eapCompleted: "eap-completed"
        case .authenticationRestarted: "authentication-restarted"
        case .authenticated: "authenticated"
        case .stateChange: "state-change"
        case .linkDown: "link-down"
        }
    }
}
