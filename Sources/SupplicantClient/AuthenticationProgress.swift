/// What the live view and JSON lines show while an authentication runs.
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
    case authenticationRestarted(state: String)
    case authenticated(authMode: String)
    case stateChange(String)
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

    /// The event's fields as strings, for JSON lines and the human view.
    public var fields: [String: String] {
        switch self {
        case .eapStarted, .certificateVerified, .certificateNotValidated, .linkDown: [:]
        case .methodAccepted(let m), .methodRefused(let m): ["method": m]
        case .serverCertificate(let depth, let subject, let fp, let sans):
            ["depth": String(depth), "subject": subject, "sha256": fp, "subjectAltNames": sans.joined(separator: ", ")]
        case .verificationFailed(let reason): ["reason": reason]
        case .tlsAlert(let local, let d): ["origin": local ? "local" : "remote", "description": d]
        case .parameterNeeded(let f): ["field": f]
        case .eapCompleted(let s): ["result": s ? "success" : "failure"]
        case .authenticationRestarted(let s), .stateChange(let s): ["state": s]
        case .authenticated(let m): ["authMode": m]
        }
    }
}
