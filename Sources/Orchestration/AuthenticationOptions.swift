public import Secrets
public import SupplicantClient

/// How ``Authenticator`` runs one authentication.
public struct AuthenticationOptions: Sendable {
    /// The kernel interface.
    public var interfaceName: String
    /// The driver for CreateInterface; nil detects it from sysfs.
    public var driver: InterfaceDriver?
    /// The overall deadline, from the start of the command.
    public var timeout: Duration
    /// False returns right after SelectNetwork (status `started`).
    public var wait: Bool
    /// Sends one EAPOL-Start on wired ports once the network is associated (see Docs/authentication.md).
    public var sendEAPOLStart: Bool
    /// How long State must stay `completed` before success is reported.
    public var settleWindow: Duration
    /// The SHA-256 fingerprint of the profile's CA that verified the server last time: tried first, so a profile
    /// with several CAs does not pay a failed attempt (and the authenticator's quiet period) on every run.
    public var preferredCAFingerprint: String?
    /// Unanswered EAPOL-Starts after which a wired port counts as without 802.1X (IEEE 802.1X maxStart, 3); nil
    /// repeats them until the deadline. Ignored right after a failure on the port (its quiet period).
    public var maxStart: Int?
    /// A wired port without 802.1X is a success path: the report says `open-port` (unauthenticated) and DHCP runs.
    public var acceptOpenPort: Bool
    /// How long ago the last EAP failure on this port was, when known (see ``PortHistory``).
    public var recentFailureAge: Duration?
    /// The password of a one-time-password profile (``EAPSettings/oneTimePassword``), typed or piped in for this one
    /// authentication; never stored, zeroed when the last reference goes. Ignored for other profiles.
    public var oneTimePassword: SecretBytes?
    /// `--take-over`: an interface NetworkManager manages is made unmanaged through its API, and one whose
    /// wpa_supplicant interface holds networks of others is used anyway (``InterfaceClaim``); otherwise both are
    /// refused with `supplicant.interface-busy`.
    public var takeOver: Bool
    /// Frequencies to scan first on a Wi-Fi interface (``ScanHint``); nil scans every channel.
    public var scanHint: ScanHint?

    public init(interfaceName: String, driver: InterfaceDriver? = nil, timeout: Duration = .seconds(30),
                wait: Bool = true, sendEAPOLStart: Bool = true, settleWindow: Duration = .milliseconds(25),
                preferredCAFingerprint: String? = nil, maxStart: Int? = 3, acceptOpenPort: Bool = false,
                recentFailureAge: Duration? = nil, oneTimePassword: SecretBytes? = nil, takeOver: Bool = false,
                scanHint: ScanHint? = nil) {
        self.scanHint = scanHint
        self.interfaceName = interfaceName
        self.driver = driver
        self.timeout = timeout
        self.wait = wait
        self.sendEAPOLStart = sendEAPOLStart
        self.settleWindow = settleWindow
        self.preferredCAFingerprint = preferredCAFingerprint
        self.maxStart = maxStart
        self.acceptOpenPort = acceptOpenPort
        self.recentFailureAge = recentFailureAge
        self.oneTimePassword = oneTimePassword
        self.takeOver = takeOver
    }
}
