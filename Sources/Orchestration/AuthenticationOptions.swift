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

    public init(interfaceName: String, driver: InterfaceDriver? = nil, timeout: Duration = .seconds(30),
                wait: Bool = true, sendEAPOLStart: Bool = true, settleWindow: Duration = .milliseconds(25),
                preferredCAFingerprint: String? = nil) {
        self.interfaceName = interfaceName
        self.driver = driver
        self.timeout = timeout
        self.wait = wait
        self.sendEAPOLStart = sendEAPOLStart
        self.settleWindow = settleWindow
        self.preferredCAFingerprint = preferredCAFingerprint
    }
}
