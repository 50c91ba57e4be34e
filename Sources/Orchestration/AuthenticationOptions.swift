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

    public init(interfaceName: String, driver: InterfaceDriver? = nil, timeout: Duration = .seconds(30),
                wait: Bool = true, sendEAPOLStart: Bool = true, settleWindow: Duration = .milliseconds(25)) {
        self.interfaceName = interfaceName
        self.driver = driver
        self.timeout = timeout
        self.wait = wait
        self.sendEAPOLStart = sendEAPOLStart
        self.settleWindow = settleWindow
    }
}
