public import DBusKit
import Foundation
public import Secrets

/// The live wpa_supplicant client: fi.w1.wpa_supplicant1 over DBusKit.
///
/// Holds no mutable state (the connection is thread-safe), so it is `Sendable` and every method may be called from
/// any task. Every call carries a timeout; a supplicant that disappears mid-call becomes ``SupplicantError``
/// `vanished`, an absent one `not-running`.
public final class Supplicant: Sendable {
    /// The bus connection.
    public let connection: DBusConnection
    /// The timeout of each method call.
    public let callTimeout: Duration

    private init(connection: DBusConnection, callTimeout: Duration) {
        self.connection = connection
        self.callTimeout = callTimeout
    }

    /// Connects to the bus and checks that wpa_supplicant owns its name.
    /// - Parameters:
    ///   - busAddress: a D-Bus address (`unix:path=…`); nil uses the system bus (`DBUS_SYSTEM_BUS_ADDRESS` or the
    ///     standard socket).
    ///   - nameTimeout: how long the owner check may take.
    /// - Throws: ``SupplicantError`` `not-running` when nobody owns `fi.w1.wpa_supplicant1`; a ``DBusError`` when the
    ///   bus itself is unreachable.
    public static func connect(busAddress: String? = nil, nameTimeout: Duration = .seconds(2),
                               callTimeout: Duration = .seconds(10)) async throws -> Supplicant {
        let connection = if let busAddress { try await DBusConnection.connect(address: busAddress) }
                         else { try await DBusConnection.system() }
        let owner: String?
        do {
            owner = try await connection.nameOwner(of: SupplicantNames.service, timeout: nameTimeout)
        } catch let error as DBusError where error.code == .timeout {
            connection.close()
            throw SupplicantError(.notRunning, "wpa_supplicant did not answer on \(connection.address) within \(nameTimeout)",
                                  details: ["bus": .string(connection.address)])
        }
        guard owner != nil else {
            connection.close()
            throw SupplicantError(.notRunning,
                                  "nobody owns \(SupplicantNames.service) on the bus \(connection.address): wpa_supplicant is not running with D-Bus control (-u)",
                                  details: ["bus": .string(connection.address)])
        }
        return Supplicant(connection: connection, callTimeout: callTimeout)
    }

    /// Closes the bus connection.
    public func close() { connection.close() }

    // MARK: - Calls

    func call(_ path: String, _ interface: String, _ member: String, _ arguments: [DBusValue] = [],
              timeout: Duration? = nil) async throws -> [DBusValue] {
        do {
            return try await connection.call(
                MethodCall(destination: SupplicantNames.service, path: path, interface: interface, member: member,
                           arguments: arguments), timeout: timeout ?? callTimeout)
        } catch let error as DBusError {
            throw Self.translate(error, member: member)
        }
    }

    /// Maps bus-level "the service is gone" errors to `supplicant.vanished`; everything else stays a DBusError.
    static func translate(_ error: DBusError, member: String) -> any Error {
        let gone: Set<String> = ["org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NoReply",
                                 "org.freedesktop.DBus.Error.NameHasNoOwner"]
        if error.code == .peerVanished || error.code == .serviceUnknown || gone.contains(error.remoteErrorName ?? "") {
            return SupplicantError(.vanished, "wpa_supplicant went away during \(member)",
                                   details: ["method": .string(member)])
        }
        return error
    }

    func interfaceCall(_ interface: SupplicantInterface, _ member: String, _ arguments: [DBusValue] = [],
                       timeout: Duration? = nil) async throws -> [DBusValue] {
        try await call(interface.path, SupplicantNames.interface, member, arguments, timeout: timeout)
    }

    /// Reads one property of the interface.
    public func property(_ name: String, of interface: SupplicantInterface) async throws -> DBusValue {
        do {
            return try await connection.getProperty(destination: SupplicantNames.service, path: interface.path,
                                                    interface: SupplicantNames.interface, name: name,
                                                    timeout: callTimeout)
        } catch let error as DBusError {
            throw Self.translate(error, member: "Get(\(name))")
        }
    }

    /// The interface's `State` (`completed`, `associated`, `disconnected`, …).
    public func state(of interface: SupplicantInterface) async throws -> String {
        try await property("State", of: interface).stringValue ?? "unknown"
    }

    /// The interface's `CurrentAuthMode` (`INACTIVE` unless completed).
    public func currentAuthMode(of interface: SupplicantInterface) async throws -> String {
        try await property("CurrentAuthMode", of: interface).stringValue ?? "INACTIVE"
    }

    /// The interface's `CurrentNetwork`, nil when none (`/`).
    public func currentNetwork(of interface: SupplicantInterface) async throws -> String? {
        let path = try await property("CurrentNetwork", of: interface).objectPathValue
        return path == "/" ? nil : path
    }

    /// The object paths of every network on the interface.
    public func networks(of interface: SupplicantInterface) async throws -> [String] {
        try await property("Networks", of: interface).objectPathArrayValue ?? []
    }

    /// The names of every blob on the interface.
    public func blobNames(of interface: SupplicantInterface) async throws -> [String] {
        let value = try await property("Blobs", of: interface)
        return (value.dictionaryEntries ?? []).compactMap(\.key.stringValue)
    }

    /// The `id_str` of a network, without the quotes wpa_supplicant adds; nil when unset.
    public func idString(ofNetwork path: String) async throws -> String? {
        let value: DBusValue
        do {
            value = try await connection.getProperty(destination: SupplicantNames.service, path: path,
                                                     interface: SupplicantNames.network, name: "Properties",
                                                     timeout: callTimeout)
        } catch let error as DBusError {
            throw Self.translate(error, member: "Get(Properties)")
        }
        guard var text = value.dictionaryValue?["id_str"]?.stringValue else { return nil }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        return text
    }

    // MARK: - Interfaces

    /// The interface wpa_supplicant controls for `name`: GetInterface, else CreateInterface.
    ///
    /// The driver is `driver` when given, else detected from sysfs (`wireless`/`phy80211` → nl80211, else wired).
    /// After CreateInterface the interface is waited for until its State is `disconnected` or `inactive` (the end of
    /// interface set-up; on 2.10 a D-Bus-created interface has no networks, so no start-up scan is scheduled).
    /// - Throws: ``SupplicantError`` `interface-unknown` when the kernel has no such interface,
    ///   `interface-create-failed` when wpa_supplicant cannot attach.
    public func interface(named name: String, driver: InterfaceDriver? = nil,
                          sysfsRoot: String = "/sys/class/net") async throws -> SupplicantInterface {
        if let path = try await existingInterfacePath(name) {
            let driverName = (try? await connection.getProperty(
                destination: SupplicantNames.service, path: path, interface: SupplicantNames.interface,
                name: "Driver", timeout: callTimeout))?.stringValue
            let actual = driverName.flatMap(InterfaceDriver.init(rawValue:))
                ?? driver ?? InterfaceDriver.detect(interface: name, sysfsRoot: sysfsRoot) ?? .wired
            return SupplicantInterface(path: path, name: name, driver: actual, created: false)
        }
        guard let detected = InterfaceDriver.detect(interface: name, sysfsRoot: sysfsRoot) else {
            throw SupplicantError(.interfaceUnknown,
                                  "there is no network interface named '\(name)' (not in \(sysfsRoot))",
                                  details: ["interface": .string(name)])
        }
        let chosen = driver ?? detected
        let path: String
        do {
            let reply = try await call(SupplicantNames.rootPath, SupplicantNames.rootInterface, "CreateInterface",
                                       [.stringVariantDictionary(["Ifname": .string(name), "Driver": .string(chosen.rawValue)])])
            guard let p = reply.first?.objectPathValue else {
                throw SupplicantError(.interfaceCreateFailed, "CreateInterface for '\(name)' returned no object path",
                                      details: ["interface": .string(name)])
            }
            path = p
        } catch let error as DBusError where error.remoteErrorName == "fi.w1.wpa_supplicant1.InterfaceExists" {
            // Someone created it between our GetInterface and CreateInterface.
            guard let p = try await existingInterfacePath(name) else { throw error }
            return SupplicantInterface(path: p, name: name, driver: chosen, created: false)
        } catch let error as DBusError {
            throw SupplicantError(.interfaceCreateFailed,
                                  "wpa_supplicant could not attach to '\(name)' with driver \(chosen.rawValue): \(error.remoteErrorMessage ?? error.message)",
                                  details: ["interface": .string(name), "driver": .string(chosen.rawValue)])
        }
        let created = SupplicantInterface(path: path, name: name, driver: chosen, created: true)
        try await waitUntilSettled(created)
        return created
    }

    /// The interface wpa_supplicant already controls for `name`, or nil (never creates one).
    public func existingInterface(named name: String) async throws -> SupplicantInterface? {
        guard let path = try await existingInterfacePath(name) else { return nil }
        let driverName = (try? await property("Driver", of: SupplicantInterface(path: path, name: name, driver: .wired, created: false)))?.stringValue
        return SupplicantInterface(path: path, name: name, driver: driverName.flatMap(InterfaceDriver.init(rawValue:)) ?? .wired,
                                   created: false)
    }

    private func existingInterfacePath(_ name: String) async throws -> String? {
        do {
            let reply = try await call(SupplicantNames.rootPath, SupplicantNames.rootInterface, "GetInterface",
                                       [.string(name)])
            return reply.first?.objectPathValue
        } catch let error as DBusError where error.remoteErrorName == "fi.w1.wpa_supplicant1.InterfaceUnknown" {
            return nil
        }
    }

    /// Waits (bounded) until a new interface reports `disconnected` or `inactive`.
    private func waitUntilSettled(_ interface: SupplicantInterface, limit: Duration = .milliseconds(2500)) async throws {
        let settled: Set<String> = ["disconnected", "inactive"]
        let rule = MatchRule(path: interface.path, interface: SupplicantNames.properties, member: "PropertiesChanged",
                             arguments: [0: SupplicantNames.interface])
        let stream = connection.signals(rule)
        if settled.contains(try await state(of: interface)) { return }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await signal in stream {
                    for case .stateChanged(let s) in SupplicantSignalDecoder.events(from: signal) where settled.contains(s) {
                        return
                    }
                }
            }
            group.addTask { try await Task.sleep(for: limit) }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    // MARK: - Networks and blobs

    /// Adds a blob (`AddBlob`).
    /// - Throws: ``SupplicantError`` `blob-failed` naming the blob.
    public func addBlob(_ blob: NetworkBlob, to interface: SupplicantInterface) async throws {
        do {
            _ = try await interfaceCall(interface, "AddBlob", [.string(blob.name), blob.content.dbusValue])
        } catch let error as DBusError {
            throw SupplicantError(.blobFailed, "wpa_supplicant refused blob \(blob.name) on \(interface.name): \(error.remoteErrorName ?? error.message)",
                                  details: ["blob": .string(blob.name), "interface": .string(interface.name)])
        }
    }

    /// Removes a blob (`RemoveBlob`); an unknown blob is not an error.
    public func removeBlob(named name: String, from interface: SupplicantInterface) async throws {
        do {
            _ = try await interfaceCall(interface, "RemoveBlob", [.string(name)])
        } catch let error as DBusError where error.remoteErrorName == "fi.w1.wpa_supplicant1.BlobUnknown" {
            return
        }
    }

    /// Adds a network (`AddNetwork`) with the plan's properties plus `id_str`.
    /// - Returns: the network's object path.
    /// - Throws: ``SupplicantError`` `invalid-network-config` when wpa_supplicant rejects the properties.
    public func addNetwork(_ properties: [(key: String, value: NetworkValue)], idString: String,
                           to interface: SupplicantInterface) async throws -> String {
        var pairs = properties.map { ($0.key, $0.value.dbusValue) }
        pairs.append(("id_str", .string(idString)))
        do {
            let reply = try await interfaceCall(interface, "AddNetwork", [.stringVariantDictionary(ordered: pairs)])
            guard let path = reply.first?.objectPathValue else {
                throw SupplicantError(.invalidNetworkConfig, "AddNetwork on \(interface.name) returned no object path")
            }
            return path
        } catch let error as DBusError where error.code == .remoteError {
            throw SupplicantError(.invalidNetworkConfig,
                                  "wpa_supplicant rejected the network for \(interface.name): \(error.remoteErrorMessage ?? error.message)",
                                  details: ["interface": .string(interface.name), "keys": .list(properties.map(\.key))])
        }
    }

    /// Enables `network` and disables all others (`SelectNetwork`).
    public func selectNetwork(_ network: String, on interface: SupplicantInterface) async throws {
        _ = try await interfaceCall(interface, "SelectNetwork", [.objectPath(network)])
    }

    /// Removes a network (`RemoveNetwork`); an unknown network is not an error.
    public func removeNetwork(_ network: String, from interface: SupplicantInterface) async throws {
        do {
            _ = try await interfaceCall(interface, "RemoveNetwork", [.objectPath(network)])
        } catch let error as DBusError where error.remoteErrorName == "fi.w1.wpa_supplicant1.NetworkUnknown" {
            return
        }
    }

    /// Answers a `NetworkRequest` (`NetworkReply`) with `field` exactly as requested.
    public func networkReply(network: String, field: String, value: SecretBytes,
                             on interface: SupplicantInterface) async throws {
        guard let text = value.utf8String() else {
            throw SupplicantError(.invalidNetworkConfig, "the stored \(field) for \(interface.name) is not UTF-8 text",
                                  details: ["field": .string(field)])
        }
        _ = try await interfaceCall(interface, "NetworkReply", [.objectPath(network), .string(field), .string(text)])
    }

    /// Disconnects the interface (`Disconnect`); `NotConnected` is not an error.
    public func disconnect(_ interface: SupplicantInterface) async throws {
        do {
            _ = try await interfaceCall(interface, "Disconnect")
        } catch let error as DBusError where error.remoteErrorName == "fi.w1.wpa_supplicant1.NotConnected" {
            return
        }
    }

    // MARK: - Signals

    /// Everything an authentication watches on `interface`, decoded: EAP, Certification, NetworkRequest,
    /// PropertiesChanged (State, CurrentAuthMode) and the supplicant losing its bus name (`supplicantVanished`).
    ///
    /// The match rules are added before any later call on this connection reaches the bus, so call this before
    /// `SelectNetwork`. The stream ends when the consuming task is cancelled.
    public func events(of interface: SupplicantInterface) -> AsyncThrowingStream<AuthenticationEvent, any Error> {
        let signals = connection.signals(SupplicantSignalDecoder.matchRule(interfacePath: interface.path))
        let owners = connection.nameOwnerChanges(of: SupplicantNames.service)
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: AuthenticationEvent.self, throwing: (any Error).self)
        let task = Task {
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await signal in signals {
                            for event in SupplicantSignalDecoder.events(from: signal) { continuation.yield(event) }
                        }
                    }
                    group.addTask {
                        for try await change in owners where change.newOwner == nil {
                            continuation.yield(.supplicantVanished)
                        }
                    }
                    try await group.waitForAll()
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
