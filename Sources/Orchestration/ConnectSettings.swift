public import DHCPClient
public import Secrets
public import SupplicantClient

/// What `auth start`, eapolcfg `startAuthentication` and `onboard --connect` ask of one connection, as parsed,
/// typed values (``ProfileConnection/connect(_:settings:progress:)``).
public struct ConnectSettings: Sendable {
    /// The kernel interface.
    public var interface: String
    /// The authentication's budget.
    public var timeout: Duration
    /// False returns right after SelectNetwork (status `started`).
    public var wait: Bool
    /// The driver for CreateInterface; nil detects it from sysfs.
    public var driver: InterfaceDriver?
    /// The D-Bus address of the bus wpa_supplicant is on; nil for the system bus.
    public var bus: String?
    /// Sends an EAPOL-Start on wired ports once associated.
    public var sendEAPOLStart: Bool
    /// The DHCP step after a successful authentication.
    public var dhcp: DHCPSettings
    /// What a wired port without 802.1X means.
    public var portPolicy: PortPolicy
    /// The password of a one-time-password profile, for this one authentication.
    public var oneTimePassword: SecretBytes?
    /// `--take-over` (``InterfaceClaim``).
    public var takeOver: Bool
    /// Channel centre frequencies to scan first (`--frequency`); empty uses the profile's remembered association.
    public var frequencies: [Int] = []

    public init(interface: String, timeout: Duration = .seconds(30), wait: Bool = true, driver: InterfaceDriver? = nil,
                bus: String? = nil, sendEAPOLStart: Bool = true, dhcp: DHCPSettings, portPolicy: PortPolicy = .standard,
                oneTimePassword: SecretBytes? = nil, takeOver: Bool = false) {
        self.interface = interface
        self.timeout = timeout
        self.wait = wait
        self.driver = driver
        self.bus = bus
        self.sendEAPOLStart = sendEAPOLStart
        self.dhcp = dhcp
        self.portPolicy = portPolicy
        self.oneTimePassword = oneTimePassword
        self.takeOver = takeOver
    }
}

/// The DHCP step after authentication (`--dhcp`, `--dhcp-timeout`, `--dhcp-script`).
public struct DHCPSettings: Sendable, Equatable {
    /// The client; `.none` runs no DHCP.
    public var backend: DHCPBackend
    /// The budget of one exchange.
    public var timeout: Duration
    /// A hook script replacing an external client's (never used by builtin or none).
    public var script: String?

    public init(backend: DHCPBackend, timeout: Duration = .seconds(15), script: String? = nil) {
        self.backend = backend
        self.timeout = timeout
        self.script = script
    }
}
