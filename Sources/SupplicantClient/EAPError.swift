public import StructuredErrors

/// Failures of the 802.1X/EAP authentication itself: trust, names, credentials, timing (exit status 70).
public typealias EAPError = DomainError<EAPErrorCode>

/// The stable codes of the `eap` domain (801…).
public struct EAPErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case credentialsRejected = 801
        case serverCertificateUntrusted = 802
        case serverNameMismatch = 803
        case methodRefused = 804
        case tlsAlert = 805
        case credentialsMissing = 806
        case noAuthenticator = 807
        case authenticationStalled = 808
        case timeout = 809
        case keyHandshakeIncomplete = 810
        case noServerCertificate = 811
        case incompleteChain = 812
        case tlsVersionMismatch = 813
        case tlsNoSharedCipher = 814
        case tlsHandshakeFailure = 815
        case tlsServerAlert = 816
        case noPasspointMatch = 817
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    /// The server rejected the identity, password or client certificate.
    public static let credentialsRejected = Self(.credentialsRejected)
    /// The server certificate does not chain to a configured CA (or does not match the pin).
    public static let serverCertificateUntrusted = Self(.serverCertificateUntrusted)
    /// The server certificate is trusted but carries none of the configured server names.
    public static let serverNameMismatch = Self(.serverNameMismatch)
    /// The server and eapolctl could not agree on an EAP method.
    public static let methodRefused = Self(.methodRefused)
    /// The TLS handshake was aborted by an alert.
    public static let tlsAlert = Self(.tlsAlert)
    /// wpa_supplicant asked for a credential that eapolctl does not have.
    public static let credentialsMissing = Self(.credentialsMissing)
    /// No EAP request arrived: nothing on the link speaks 802.1X.
    public static let noAuthenticator = Self(.noAuthenticator)
    /// EAP started but did not complete in time.
    public static let authenticationStalled = Self(.authenticationStalled)
    /// The authentication did not finish in time for another reason.
    public static let timeout = Self(.timeout)
    /// The server sent its certificate without the issuer (intermediate CA) certificate that links it to a trusted CA.
    public static let incompleteChain = Self(.incompleteChain)
    /// EAP succeeded on Wi-Fi but the 4-way key handshake with the access point did not complete.
    public static let keyHandshakeIncomplete = Self(.keyHandshakeIncomplete)

    /// The server and the profile share no TLS version (reported by an alert, or inferred: see `details.inferred`).
    public static let tlsVersionMismatch = Self(.tlsVersionMismatch)
    /// The server and the profile share no cipher suite.
    public static let tlsNoSharedCipher = Self(.tlsNoSharedCipher)
    /// The TLS handshake failed before the tunnel was up, without a more specific cause.
    public static let tlsHandshakeFailure = Self(.tlsHandshakeFailure)
    /// The server aborted the TLS handshake with an alert (named in the message) before the tunnel was up.
    public static let tlsServerAlert = Self(.tlsServerAlert)

    /// A Passpoint selection found no access point advertising the profile's roaming consortiums, realm or domains.
    public static let noPasspointMatch = Self(.noPasspointMatch)

    /// A certificate probe ended without the server presenting any certificate.
    public static let noServerCertificate = Self(.noServerCertificate)

    public static let domain = ErrorDomain.eap
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .credentialsRejected:
            info("credentials-rejected", "The authentication server rejected the credentials.",
                 "Check the user name and password (store them again with `eapolctl password set --profile PROFILE --username NAME`) "
                     + "or the client certificate (`eapolctl identity set --profile PROFILE --pkcs12 FILE`).")
        case .serverCertificateUntrusted:
            info("server-certificate-untrusted", "The server certificate is not issued by a CA the profile trusts.",
                 "See what the server presents: `eapolctl profile probe --interface IF --profile PROFILE`; compare its fingerprint "
                     + "with your administrator's, then trust its CA with `eapolctl profile edit PROFILE --add-ca-cert FILE`.")
        case .serverNameMismatch:
            info("server-name-mismatch", "The server certificate does not carry any of the profile's server names.",
                 "See what the server presents: `eapolctl profile probe --interface IF --profile PROFILE`; once your administrator "
                     + "confirms the name, add it with `eapolctl profile edit PROFILE --add-server-name NAME`.")
        case .methodRefused:
            info("method-refused", "The server and the profile do not share an EAP method.",
                 "Set the profile's EAP method to one the server proposes (see details) with "
                     + "`eapolctl profile edit PROFILE --method METHOD`, or ask the administrator.")
        case .tlsAlert:
            info("tls-alert", "The TLS handshake was aborted by an alert.",
                 "Check the profile's certificates and TLS version bounds (`eapolctl profile show PROFILE`; change them with "
                     + "`eapolctl profile edit PROFILE --tls-min V --tls-max V`); the details name the alert.")
        case .credentialsMissing:
            info("credentials-missing", "wpa_supplicant asked for a credential that is not stored.",
                 "Store it with `eapolctl password set --profile PROFILE --username NAME` (a client certificate: "
                     + "`eapolctl identity set --profile PROFILE --pkcs12 FILE`).")
        case .noAuthenticator:
            info("no-authenticator", "No 802.1X authenticator answered on the link.",
                 "Check the cable and the switch port, and that 802.1X is enabled on that port.")
        case .authenticationStalled:
            info("authentication-stalled", "EAP started but did not complete in time.",
                 "Check the RADIUS server's reachability from the authenticator and its logs; try again.")
        case .timeout:
            info("timeout", "The authentication did not finish in time.",
                 "Check the link (`eapolctl auth state --interface IF` shows the supplicant's last state), then run the command "
                     + "again with a longer --timeout.")
        case .incompleteChain:
            info("incomplete-chain",
                 "The server sent its certificate without the intermediate CA certificate that links it to a trusted CA.",
                 "Ask the RADIUS administrator to send the intermediate CA certificate with the server's (the details name "
                     + "the missing issuer); if that issuer is not part of your CA's chain, the profile trusts the wrong CA.")
        case .keyHandshakeIncomplete:
            info("key-handshake-incomplete",
                 "EAP succeeded on Wi-Fi, but the 4-way key handshake with the access point did not complete.",
                 "The access point and the profile disagree on the Wi-Fi security (WPA2/WPA3, management frame protection): "
                     + "set the network's security with `eapolctl profile edit PROFILE --security X`.")
        case .tlsVersionMismatch:
            info("tls-version-mismatch", "The server and the profile share no TLS version.",
                 "Widen the profile's TLS bounds (the message names them and, where known, the server's): "
                     + "`eapolctl profile edit PROFILE --tls-min 1.2 --tls-max 1.3`.")
        case .tlsNoSharedCipher:
            info("tls-no-shared-cipher", "The server and the profile share no TLS cipher suite.",
                 "Check the profile's TLS bounds (`eapolctl profile show PROFILE`; TLS 1.3 brings its own cipher suites: "
                     + "`eapolctl profile edit PROFILE --tls-max 1.3`), or ask the RADIUS administrator which ciphers it allows.")
        case .tlsHandshakeFailure:
            info("tls-handshake-failure", "The TLS handshake failed before the tunnel was up.",
                 "Check the profile's TLS bounds (`eapolctl profile show PROFILE`; change them with "
                     + "`eapolctl profile edit PROFILE --tls-min V --tls-max V`) and the RADIUS server's log.")
        case .tlsServerAlert:
            info("tls-server-alert", "The server aborted the TLS handshake with an alert.",
                 "The message names the alert; check the profile's certificates and TLS bounds (`eapolctl profile show PROFILE`; "
                     + "change the bounds with `eapolctl profile edit PROFILE --tls-min V --tls-max V`) and the RADIUS server's log.")
        case .noPasspointMatch:
            info("no-passpoint-match", "No access point in range matches the Passpoint profile (roaming consortium OIs, NAI realm).",
                 "Compare the profile's OIs and realm (`eapolctl profile show PROFILE`) with what the network's operator "
                     + "publishes; check that a Hotspot 2.0 access point is in range (`iw dev IF scan`).")
        case .noServerCertificate:
            info("no-server-certificate", "The probe ended without the server presenting a certificate.",
                 "Check that the network uses PEAP or TTLS (EAP-TLS-only servers cannot be probed), then probe again with a longer timeout (`eapolctl profile probe --interface IF --wired --timeout 60`).")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}
