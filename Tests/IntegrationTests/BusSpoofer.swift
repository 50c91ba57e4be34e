import DBusKit
import Foundation

/// A local user on the testbed's system bus: sends forged wpa_supplicant signals straight to every other connection
/// (`busctl emit --destination=:1.N`, in a loop): the bus delivers signals addressed to a connection whatever that
/// connection's match rules say. The sequence is the one that made `auth start` report success with no EAP server:
/// State associating → associated → authenticating → completed, CurrentAuthMode EAP-PEAP, EAP started / method
/// accepted / certificate verified / completion success; optionally with Unix fds attached.
final class BusSpoofer: @unchecked Sendable {
    // @unchecked: `task` is set once in start; `sent` is only touched under `lock`.
    private let connection: DBusConnection
    private var task: Task<Void, Never>?
    private let lock = NSLock()
    private var _sent = 0
    private var _targets: Set<String> = []

    private init(connection: DBusConnection) { self.connection = connection }

    /// Signals sent so far, and the connections they went to.
    var sent: Int { lock.withLock { _sent } }
    var targets: Set<String> { lock.withLock { _targets } }

    static let interface = "fi.w1.wpa_supplicant1.Interface"

    static func propertiesChanged(_ changed: [String: DBusValue], path: String) -> DBusSignal {
        DBusSignal(path: path, interface: "org.freedesktop.DBus.Properties", member: "PropertiesChanged",
                   arguments: [.string(interface), .stringVariantDictionary(changed),
                               .array(elementSignature: "s", [])])
    }

    static func eap(_ status: String, _ parameter: String, path: String, fd: Int32? = nil) -> DBusSignal {
        var arguments: [DBusValue] = [.string(status), .string(parameter)]
        if let fd { arguments.append(.unixFD(fd)) }
        return DBusSignal(path: path, interface: interface, member: "EAP", arguments: arguments)
    }

    /// The forged success, for the interface object at `path`.
    static func forgedSuccess(path: String) -> [DBusSignal] {
        ["disconnected", "associating", "associated", "authenticating"].map {
            propertiesChanged(["State": .string($0)], path: path)
        } + [
            eap("started", "", path: path), eap("accept proposed method", "PEAP", path: path),
            eap("remote certificate verification", "success", path: path), eap("completion", "success", path: path),
            propertiesChanged(["CurrentAuthMode": .string("EAP-PEAP"), "State": .string("completed")], path: path),
        ]
    }

    /// Starts spoofing every `period` until ``stop()``; with `fileDescriptor`, every EAP signal also carries it.
    static func start(testbed: Testbed, interfacePath: String, period: Duration = .milliseconds(100),
                      fileDescriptor: Int32? = nil) async throws -> BusSpoofer {
        let connection = try await DBusConnection.connect(address: try testbed.busAddress)
        let spoofer = BusSpoofer(connection: connection)
        let supplicant = try await connection.nameOwner(of: "fi.w1.wpa_supplicant1")
        var signals = forgedSuccess(path: interfacePath)
        if let fileDescriptor {
            signals += (0..<20).map { _ in eap("started", "", path: interfacePath, fd: fileDescriptor) }
        }
        let forged = signals
        spoofer.task = Task {
            while !Task.isCancelled {
                let names = (try? await connection.call(MethodCall(
                    destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                    interface: "org.freedesktop.DBus", member: "ListNames")))?.first?.stringArrayValue ?? []
                let victims = names.filter { $0.hasPrefix(":") && $0 != connection.uniqueName && $0 != supplicant }
                for victim in victims {
                    for signal in forged {
                        guard (try? await connection.emitSignal(signal, destination: victim)) != nil else { continue }
                        spoofer.lock.withLock {
                            spoofer._sent += 1
                            spoofer._targets.insert(victim)
                        }
                    }
                }
                try? await Task.sleep(for: period)
            }
        }
        return spoofer
    }

    func stop() async {
        task?.cancel()
        await task?.value
        connection.close()
    }
}
