public import DBusKit
import Foundation
public import Secrets
import Synchronization

/// The live wpa_supplicant client: fi.w1.wpa_supplicant1 over DBusKit.
///
/// `Sendable`: its only mutable state, the verified peer, is behind a `Mutex`; every method may be called from any
/// task. Every call carries a timeout; a supplicant that disappears mid-call becomes ``SupplicantError`` `vanished`,
/// an absent one `not-running`.
///
/// Trust: every method call is addressed to the verified owner's unique name (``SupplicantPeer``), whose Unix user
/// the bus daemon vouches for; a root eapolctl refuses a supplicant not run by root before sending it anything.
/// When that owner leaves, the next call resolves and verifies the new owner first.
public final class Supplicant: Sendable {
    /// The bus connection.
    public let connection: DBusConnection
    /// The timeout of each method call.
    public let callTimeout: Duration
    private let busSource: SupplicantPeer.BusSource
    private let verified: Mutex<SupplicantPeer>

    private init(connection: DBusConnection, callTimeout: Duration, peer: SupplicantPeer) {
        self.connection = connection
        self.callTimeout = callTimeout
        self.busSource = peer.busSource
        self.verified = Mutex(peer)
    }

    /// The verified process behind `fi.w1.wpa_supplicant1` (the last one calls went to).
    public var peer: SupplicantPeer { verified.withLock { $0 } }

    /// Connects to the bus and checks that wpa_supplicant owns its name.
    /// - Parameters:
    ///   - busAddress: a D-Bus address (`unix:path=…`); nil uses the system bus (`DBUS_SYSTEM_BUS_ADDRESS` or the
    ///     standard socket).
    ///   - nameTimeout: how long the owner check may take.
    /// - Throws: ``SupplicantError`` `not-running` when nobody owns `fi.w1.wpa_supplicant1`; a ``DBusError`` when the
    ///   bus itself is unreachable.
    public static func connect(busAddress: String? = nil, nameTimeout: Duration = .seconds(2),
                               callTimeout: Duration = .seconds(10)) async throws -> Supplicant {
        let connection: DBusConnection
        do {
            connection = if let busAddress { try await DBusConnection.connect(address: busAddress) }
                         else { try await DBusConnection.system() }
        } catch let error as DBusError {
            throw SupplicantBusHints.connecting(error, systemBus: busAddress == nil)
        }
        let source: SupplicantPeer.BusSource = busAddress != nil ? .option
            : (getenv("DBUS_SYSTEM_BUS_ADDRESS") != nil ? .environment : .system)
        do {
            let peer = try await resolvePeer(on: connection, busSource: source, timeout: nameTimeout)
            return Supplicant(connection: connection, callTimeout: callTimeout, peer: peer)
        } catch let error as DBusError {
            connection.close()
            throw SupplicantBusHints.calling(error)
        } catch {
            connection.close()
            throw error
        }
    }

    /// The verified owner of `fi.w1.wpa_supplicant1`, or `not-running`.
    private static func resolvePeer(on connection: DBusConnection, busSource: SupplicantPeer.BusSource,
                                    timeout: Duration) async throws -> SupplicantPeer {
        let peer: SupplicantPeer?
        do {
            peer = try await SupplicantPeer.resolve(on: connection, busSource: busSource, timeout: timeout)
        } catch let error as DBusError where error.code == .timeout {
            throw SupplicantError(.notRunning, "wpa_supplicant did not answer on \(connection.address) within \(timeout)",
                                  details: ["bus": .string(connection.address)])
        }
        guard let peer else {
            throw SupplicantError(.notRunning,
                                  "nobody owns \(SupplicantNames.service) on the bus \(connection.address): wpa_supplicant is not running with D-Bus control (-u)",
                                  details: ["bus": .string(connection.address)])
        }
        return peer
    }

    /// Runs `body` with the verified owner's unique name as the destination. When that owner has left the bus (the
    /// bus answers ServiceUnknown: the message reached nobody), the new owner of the name is resolved and verified,
    /// and `body` runs once more against it.
    private func withPeer<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let current = peer
        do {
            return try await body(current.uniqueName)
        } catch let error as DBusError where error.code == .serviceUnknown {
            let fresh: SupplicantPeer
            do {
                fresh = try await Self.resolvePeer(on: connection, busSource: busSource, timeout: callTimeout)
            } catch let error as SupplicantError where error.code == .notRunning {
                throw SupplicantError(.vanished, "wpa_supplicant left the bus",
                                      details: ["owner": .string(current.uniqueName)])
            }
            guard fresh.uniqueName != current.uniqueName else { throw error }
            verified.withLock { $0 = fresh }
            return try await body(fresh.uniqueName)
        }
    }

    /// Closes the bus connection.
    public func close() { connection.close() }

    // MARK: - Calls

    func call(_ path: String, _ interface: String, _ member: String, _ arguments: [DBusValue] = [],
              timeout: Duration? = nil) async throws -> [DBusValue] {
        let connection = self.connection
        let limit = timeout ?? callTimeout
        do {
            return try await withPeer { owner in
                try await connection.call(MethodCall(destination: owner, path: path, interface: interface,
                                                     member: member, arguments: arguments), timeout: limit)
            }
        } catch let error as DBusError {
            throw Self.translate(error, member: member)
        }
    }

    /// Maps bus-level "the service is gone" errors to `supplicant.vanished`; everything else stays a DBusError, with
    /// the supplicant's hint (``SupplicantBusHints``).
    static func translate(_ error: DBusError, member: String) -> any Error {
        if error.code == .peerVanished || error.code == .serviceUnknown || goneErrorNames.contains(error.remoteErrorName ?? "") {
            return SupplicantError(.vanished, "wpa_supplicant went away during \(member)",
                                   details: ["method": .string(member)])
        }
        return SupplicantBusHints.calling(error)
    }

    /// The bus's error names for "the service is gone" (``translate(_:member:)`` makes them `supplicant.vanished`).
    static let goneErrorNames: Set<String> = ["org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NoReply",
                                              "org.freedesktop.DBus.Error.NameHasNoOwner"]

    func interfaceCall(_ interface: SupplicantInterface, _ member: String, _ arguments: [DBusValue] = [],
                       timeout: Duration? = nil) async throws -> [DBusValue] {
        try await call(interface.path, SupplicantNames.interface, member, arguments, timeout: timeout)
    }

    /// Reads one property of the interface.
    public func property(_ name: String, of interface: SupplicantInterface) async throws -> DBusValue {
        try await property(name, path: interface.path, interface: SupplicantNames.interface)
    }

    /// Reads one property of any object of the supplicant, from the verified owner.
    func property(_ name: String, path: String, interface: String) async throws -> DBusValue {
        let connection = self.connection
        let timeout = callTimeout
        do {
            return try await withPeer { owner in
                try await connection.getProperty(destination: owner, path: path, interface: interface, name: name,
                                                 timeout: timeout)
            }
        } catch let error as DBusError {
            throw Self.translate(error, member: "Get(\(name))")
        }
    }

    /// The interface's `State` (`completed`, `associated`, `disconnected`, …).
    public func state(of interface: SupplicantInterface) async throws -> SupplicantState {
        SupplicantState(rawValue: try await property("State", of: interface).stringValue ?? SupplicantState.unknown.rawValue)
    }

    /// The interface's `CurrentAuthMode` (`INACTIVE` unless completed).
    public func currentAuthMode(of interface: SupplicantInterface) async throws -> String {
        try await property("CurrentAuthMode", of: interface).stringValue ?? SupplicantNames.inactiveAuthMode
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
        let value = try await property("Properties", path: path, interface: SupplicantNames.network)
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
            let driverName = (try? await property("Driver", path: path, interface: SupplicantNames.interface))?
                .stringValue
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
        let settled: Set<SupplicantState> = [.disconnected, .inactive]
        let rule = MatchRule(sender: SupplicantNames.service, path: interface.path,
                             interface: SupplicantNames.properties, member: "PropertiesChanged",
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
        ownerSignals(SupplicantSignalDecoder.matchRule(interfacePath: interface.path, sender: peer.uniqueName),
                     vanished: .supplicantVanished) { SupplicantSignalDecoder.events(from: $0) }
    }
}
