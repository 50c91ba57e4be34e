public import DBusKit

/// NetworkManager on a bus, through DBusKit: who owns its name, the device of an interface, and making a device
/// unmanaged. Every call has `callTimeout` and is addressed to a verified owner's unique name.
///
/// A value type over a `Sendable` connection: safe from any task.
public struct NetworkManagerBus: Sendable {
    /// The bus connection (wpa_supplicant's: the NetworkManager that matters shares the supplicant's bus).
    public let connection: DBusConnection
    /// The timeout of each call; short, because NetworkManager answers these from memory.
    public let callTimeout: Duration

    public init(connection: DBusConnection, callTimeout: Duration = .seconds(1)) {
        self.connection = connection
        self.callTimeout = callTimeout
    }

    /// The owner of `org.freedesktop.NetworkManager`, or nil when the name has no owner (NetworkManager not running):
    /// one `GetNameOwner` to the bus daemon, answered at once either way; then the owner's uid and pid.
    public func owner() async throws -> NetworkManagerPeer? {
        try await connection.owner(of: NetworkManagerNames.service, timeout: callTimeout)
    }

    /// The device NetworkManager has for `interface` (`GetDeviceByIpIface`, then `Managed` and `State`), nil when it
    /// has none (`UnknownDevice`).
    /// - Throws: ``DBusError`` (a timeout, the owner gone, an unexpected reply).
    public func device(named interface: String, owner: NetworkManagerPeer) async throws -> NetworkManagerDevice? {
        let path: String
        do {
            let reply = try await connection.call(
                MethodCall(destination: owner.uniqueName, path: NetworkManagerNames.rootPath,
                           interface: NetworkManagerNames.rootInterface, member: "GetDeviceByIpIface",
                           arguments: [.string(interface)]),
                expecting: "o", timeout: callTimeout)
            guard let p = reply[0].objectPathValue else { return nil }
            path = p
        } catch let error as DBusError where error.remoteErrorName == NetworkManagerNames.unknownDeviceError {
            return nil
        }
        let managed = try await connection.getProperty(destination: owner.uniqueName, path: path,
                                                       interface: NetworkManagerNames.device, name: "Managed",
                                                       timeout: callTimeout)
        guard let isManaged = managed.boolValue else {
            throw DBusError(.unexpectedReplyType, "NetworkManager's Managed of \(path) is \(managed), not a boolean")
        }
        return NetworkManagerDevice(path: path, interfaceName: interface, managed: isManaged,
                                    state: try await state(of: path, owner: owner))
    }

    /// The device's `State`.
    public func state(of devicePath: String, owner: NetworkManagerPeer) async throws -> NMDeviceState {
        let value = try await connection.getProperty(destination: owner.uniqueName, path: devicePath,
                                                     interface: NetworkManagerNames.device, name: "State",
                                                     timeout: callTimeout)
        guard let raw = value.uint32Value else {
            throw DBusError(.unexpectedReplyType, "NetworkManager's State of \(devicePath) is \(value), not a number")
        }
        return NMDeviceState(rawValue: raw)
    }

    /// Sets the device's `Managed` property to false (`org.freedesktop.DBus.Properties.Set`), what
    /// `nmcli device set IF managed no` does. NetworkManager then deactivates the device and lets go of it
    /// (also of its wpa_supplicant interface); not kept across a NetworkManager restart.
    public func setUnmanaged(_ devicePath: String, owner: NetworkManagerPeer) async throws {
        try await connection.setProperty(destination: owner.uniqueName, path: devicePath,
                                         interface: NetworkManagerNames.device, name: "Managed", value: .bool(false),
                                         timeout: callTimeout)
    }
}
