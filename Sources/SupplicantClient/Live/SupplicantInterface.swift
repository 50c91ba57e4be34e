/// An interface controlled by wpa_supplicant, as the live client found or created it.
public struct SupplicantInterface: Sendable, Equatable {
    /// The D-Bus object path, e.g. `/fi/w1/wpa_supplicant1/Interfaces/3`.
    public let path: String
    /// The kernel interface name.
    public let name: String
    /// The driver it runs with.
    public let driver: InterfaceDriver
    /// True when this client created it (CreateInterface) rather than finding it (GetInterface).
    public let created: Bool

    public init(path: String, name: String, driver: InterfaceDriver, created: Bool) {
        self.path = path
        self.name = name
        self.driver = driver
        self.created = created
    }
}
