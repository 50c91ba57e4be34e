/// Tells, from the signals of one EAP exchange, whether wpa_supplicant resumed an earlier TLS session.
///
/// wpa_supplicant 2.10 says so only on its control socket (`STATUS-VERBOSE` → `tls_session_reused=1`); over D-Bus
/// there is no property for it. What D-Bus does show is the handshake itself: in a full handshake OpenSSL runs the
/// certificate verification callback for every certificate the server sends, and wpa_supplicant turns each call
/// into a `Certification` signal (`TLS_PEER_CERTIFICATE`) and the end of the chain into the EAP status
/// `remote certificate verification` (`TLS_CERT_CHAIN_SUCCESS`/`_FAILURE`). An abbreviated (resumed) handshake
/// carries no server certificate, so neither appears. The rule is therefore: the exchange started, accepted a
/// TLS-based method (TLS, PEAP, TTLS all are), completed with success, and saw no `Certification` signal and no
/// verification status. It labels the outcome only; it never decides success (that takes the confirmed State).
public struct SessionResumptionDetector: Sendable, Equatable {
    /// EAP method names (as in `accept proposed method`) whose outer layer is TLS.
    public static let tlsMethods: Set<String> = ["TLS", "PEAP", "TTLS", "FAST", "TEAP"]

    private var started = false
    private var tlsMethodAccepted = false
    private var certificates = 0
    private var verificationReported = false
    private var succeeded = false

    public init() {}

    /// Feeds one event; a new `started` begins a new exchange.
    public mutating func observe(_ event: AuthenticationEvent) {
        switch event {
        case .eapStatus(.started, _):
            self = SessionResumptionDetector()
            started = true
        case .eapStatus(.acceptProposedMethod, let method):
            if Self.tlsMethods.contains(method.uppercased()) { tlsMethodAccepted = true }
        case .eapStatus(.remoteCertificateVerification, _):
            verificationReported = true
        case .eapStatus(.completion, let result):
            succeeded = result == "success"
        case .certification:
            certificates += 1
        default:
            break
        }
    }

    /// How many `Certification` signals the current exchange had.
    public var certificateCount: Int { certificates }

    /// True once the current exchange succeeded without the server presenting a certificate.
    public var resumed: Bool {
        started && tlsMethodAccepted && succeeded && certificates == 0 && !verificationReported
    }

    /// True once the current exchange completed with success (resumed or full).
    public var completedSuccessfully: Bool { started && succeeded }
}
