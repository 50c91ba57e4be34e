/// What NetworkManager says about the device of one kernel interface.
public struct NetworkManagerDevice: Sendable, Equatable {
    /// The device's object path (`/org/freedesktop/NetworkManager/Devices/N`).
    public var path: String
    /// The kernel interface name asked about.
    public var interfaceName: String
    /// The device's `Managed` property.
    public var managed: Bool
    /// The device's `State` property.
    public var state: NMDeviceState

    public init(path: String, interfaceName: String, managed: Bool, state: NMDeviceState) {
        self.path = path
        self.interfaceName = interfaceName
        self.managed = managed
        self.state = state
    }

    /// Whether NetworkManager will act on the interface (bring it up, run DHCP, create or drive wpa_supplicant's
    /// interface for it): `Managed` is true and the state is anything but `unmanaged` (10).
    ///
    /// `unavailable` (20) counts as managed: NetworkManager activates the device as soon as it becomes usable (carrier
    /// back, supplicant up). `unknown` (0) with `Managed` true counts as managed too: when in doubt, eapolctl does not
    /// share the interface.
    public var isManaged: Bool { managed && state != .unmanaged }
}
