public import NetworkManagerClient

/// What the interface claim asks of NetworkManager; ``NetworkManagerBus`` is the live implementation (on
/// wpa_supplicant's bus), unit tests use fakes.
public protocol NetworkManagerQuerying: Sendable {
    /// The owner of `org.freedesktop.NetworkManager`, or nil when the name has no owner.
    func owner() async throws -> NetworkManagerPeer?
    /// The device for `interface` (`GetDeviceByIpIface`, `Managed`, `State`), nil when NetworkManager has none.
    func device(named interface: String, owner: NetworkManagerPeer) async throws -> NetworkManagerDevice?
    /// The device's `State`.
    func state(of devicePath: String, owner: NetworkManagerPeer) async throws -> NMDeviceState
    /// Sets the device's `Managed` to false.
    func setUnmanaged(_ devicePath: String, owner: NetworkManagerPeer) async throws
}

extension NetworkManagerBus: NetworkManagerQuerying {}
