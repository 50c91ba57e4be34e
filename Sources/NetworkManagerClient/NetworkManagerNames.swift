/// The D-Bus names of NetworkManager's API that eapolctl uses (NetworkManager 1.x, `org.freedesktop.NetworkManager`).
public enum NetworkManagerNames {
    /// NetworkManager's bus name.
    public static let service = "org.freedesktop.NetworkManager"
    /// The manager object.
    public static let rootPath = "/org/freedesktop/NetworkManager"
    /// The manager interface (`GetDeviceByIpIface`).
    public static let rootInterface = "org.freedesktop.NetworkManager"
    /// The interface of every device object (`Managed`, `State`).
    public static let device = "org.freedesktop.NetworkManager.Device"
    /// The error `GetDeviceByIpIface` answers for an interface NetworkManager has no device for.
    public static let unknownDeviceError = "org.freedesktop.NetworkManager.UnknownDevice"
}
