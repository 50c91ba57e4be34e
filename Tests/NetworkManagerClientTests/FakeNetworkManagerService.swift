import DBusKit
import Foundation
import NetworkManagerClient
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A private bus for one test (TestSupport's daemon), ready once a connection succeeds.
final class NMTestBus: Sendable {
    let daemon: PrivateDBusDaemon

    private init(daemon: PrivateDBusDaemon) { self.daemon = daemon }

    static func start() async throws -> NMTestBus {
        let daemon = try PrivateDBusDaemon.launch(prefix: "nmclient")
        let bus = NMTestBus(daemon: daemon)
        for _ in 0..<500 {
            if FileManager.default.fileExists(atPath: daemon.socket),
               let probe = try? await DBusConnection.connect(address: daemon.address) {
                probe.close()
                return bus
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        bus.stop()
        throw DBusError(.busUnreachable, "test dbus-daemon did not create \(daemon.socket)")
    }

    func connect() async throws -> DBusConnection { try await DBusConnection.connect(address: daemon.address) }

    /// Kills the daemon by its pid and removes its directory.
    func stop() { daemon.stop() }
}

/// NetworkManager's D-Bus surface as far as eapolctl uses it, exported on its own connection: one device per
/// interface name, `Managed` writable (false also sets State to unmanaged), and a delay before every answer.
final class FakeNetworkManagerService: @unchecked Sendable {
    // @unchecked: `devices` and `setCalls` are only touched while holding `lock`.
    struct Device { var path: String; var managed: Bool; var state: UInt32 }
    private let lock = NSLock()
    private var devices: [String: Device]
    private var _setCalls = 0
    let connection: DBusConnection
    let delay: Duration

    var setCalls: Int { lock.withLock { _setCalls } }
    func device(_ name: String) -> Device? { lock.withLock { devices[name] } }

    private init(connection: DBusConnection, devices: [String: Device], delay: Duration) {
        self.connection = connection
        self.devices = devices
        self.delay = delay
    }

    /// Connects, exports the manager and the devices, and takes `org.freedesktop.NetworkManager`.
    static func start(on bus: NMTestBus, devices: [String: Device], delay: Duration = .zero,
                      takeName: Bool = true) async throws -> FakeNetworkManagerService {
        let connection = try await bus.connect()
        let service = FakeNetworkManagerService(connection: connection, devices: devices, delay: delay)
        try connection.exportObject(at: NetworkManagerNames.rootPath) { [service] invocation in
            try await service.answer(invocation)
        }
        for device in devices.values {
            try connection.exportObject(at: device.path) { [service] invocation in try await service.answer(invocation) }
        }
        if takeName { _ = try await connection.requestName(NetworkManagerNames.service) }
        return service
    }

    private func answer(_ invocation: DBusMethodInvocation) async throws -> [DBusValue] {
        if delay > .zero { try await Task.sleep(for: delay) }
        switch (invocation.interface, invocation.member) {
        case (NetworkManagerNames.rootInterface, "GetDeviceByIpIface"):
            let name = invocation.arguments.first?.stringValue ?? ""
            guard let device = device(name) else {
                throw DBusError.remote(name: NetworkManagerNames.unknownDeviceError, message: "No device found for the requested iface.")
            }
            return [.objectPath(device.path)]
        case ("org.freedesktop.DBus.Properties", "Get"):
            guard let property = invocation.arguments.last?.stringValue,
                  let device = lock.withLock({ devices.values.first { $0.path == invocation.path } }) else {
                throw DBusError.remote(name: "org.freedesktop.DBus.Error.UnknownProperty", message: "no such property")
            }
            switch property {
            case "Managed": return [.variant(.bool(device.managed))]
            case "State": return [.variant(.uint32(device.state))]
            default: throw DBusError.remote(name: "org.freedesktop.DBus.Error.UnknownProperty", message: property)
            }
        case ("org.freedesktop.DBus.Properties", "Set"):
            guard invocation.arguments.count == 3, invocation.arguments[1].stringValue == "Managed",
                  case .variant(.bool(let managed)) = invocation.arguments[2] else {
                throw DBusError.remote(name: "org.freedesktop.DBus.Error.InvalidArgs", message: "only Managed is writable")
            }
            lock.withLock {
                _setCalls += 1
                for (name, var device) in devices where device.path == invocation.path {
                    device.managed = managed
                    device.state = managed ? 30 : 10
                    devices[name] = device
                }
            }
            return []
        default:
            throw DBusError.remote(name: "org.freedesktop.DBus.Error.UnknownMethod", message: invocation.member)
        }
    }

    func close() { connection.close() }
}
