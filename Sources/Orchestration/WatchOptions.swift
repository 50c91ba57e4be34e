public import ProfileModel
public import SupplicantClient

/// How ``Watcher`` runs.
public struct WatchOptions: Sendable {
    /// The kernel interface.
    public var interfaceName: String
    /// The profile to (re-)authenticate with when the supplicant does not hold our network (start, supplicant
    /// restart); nil: only follow what is there.
    public var profile: Profile?
    /// Login-window profiles to try, in order, when `profile` (the list's first) does not authenticate; empty: only
    /// `profile`. A link change starts again from `profile`; see ``LoginWindowSelection``.
    public var fallbackProfiles: [Profile]
    /// The driver when creating the interface.
    public var driver: InterfaceDriver?
    /// The budget of each authentication.
    public var authenticationTimeout: Duration
    /// The budget of each DHCP exchange.
    public var dhcpTimeout: Duration
    /// Sends an EAPOL-Start right after `Reassociate` on wired ports.
    public var sendEAPOLStart: Bool
    /// After link-up, how long to wait for State to return to `completed` before checking it directly.
    public var reauthenticationCheck: Duration
    /// How long to wait before trying again when re-authentication after a supplicant restart failed.
    public var retryDelay: Duration
    /// `--take-over` for every authentication of this watch (``InterfaceClaim``).
    public var takeOver: Bool

    /// Creates options.
    public init(interfaceName: String, profile: Profile? = nil, driver: InterfaceDriver? = nil,
                authenticationTimeout: Duration = .seconds(30), dhcpTimeout: Duration = .seconds(10),
                sendEAPOLStart: Bool = true, reauthenticationCheck: Duration = .seconds(2),
                retryDelay: Duration = .seconds(5), fallbackProfiles: [Profile] = [], takeOver: Bool = false) {
        self.interfaceName = interfaceName
        self.profile = profile
        self.driver = driver
        self.authenticationTimeout = authenticationTimeout
        self.dhcpTimeout = dhcpTimeout
        self.sendEAPOLStart = sendEAPOLStart
        self.reauthenticationCheck = reauthenticationCheck
        self.retryDelay = retryDelay
        self.fallbackProfiles = fallbackProfiles
        self.takeOver = takeOver
    }
}
