import Foundation
import Testing
import TestSupport
@testable import DBusKit

/// A private `dbus-daemon` started for one test, listening on a socket in a fresh temporary directory.
final class TestBus: Sendable {
    let directory: String
    let address: String
    let process: Process
    let pid: Int32

    private init(directory: String, address: String, process: Process) {
        self.directory = directory
        self.address = address
        self.process = process
        self.pid = process.processIdentifier
    }

    static func start() async throws -> TestBus {
        let daemon = try PrivateDBusDaemon.launch(prefix: "dbuskit")
        let socket = daemon.socket
        let bus = TestBus(directory: daemon.directory, address: daemon.address, process: daemon.process)
        // The socket file appears at bind(), slightly before listen(): ready once a connection succeeds.
        for _ in 0..<500 {
            if FileManager.default.fileExists(atPath: socket),
               let probe = try? await DBusConnection.connect(address: bus.address) {
                probe.close()
                return bus
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        await bus.stop()
        throw DBusError(.busUnreachable, "test dbus-daemon did not create \(socket)")
    }

    /// Kills the daemon (by its pid) and removes the directory.
    func stop() async {
        // SIGKILL: the test runner's blocked-signal mask is inherited by the child, so SIGTERM may never arrive.
        kill(pid, SIGKILL)
        for _ in 0..<300 {
            // Exited once waitpid reaps it, or reports ECHILD because Foundation's monitor reaped it first.
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno == ECHILD) || !process.isRunning { break }
            try? await Task.sleep(for: .milliseconds(5))
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    func connect() async throws -> DBusConnection {
        try await DBusConnection.connect(address: address)
    }
}

/// The echo service the tests call: exported on its own connection under `org.example.Echo`.
enum Echo {
    static let name = "org.example.Echo"
    static let path = "/org/example/Echo"
    static let interface = "org.example.Echo"
    /// One descriptor the echo hands out (never closed: it lives as long as the test process).
    static let devNull: Int32 = open("/dev/null", O_RDONLY)

    static func call(_ member: String, _ arguments: [DBusValue] = []) -> MethodCall {
        MethodCall(destination: name, path: path, interface: interface, member: member, arguments: arguments)
    }

    /// Connects a second connection, exports the echo object on it, and takes the name.
    static func start(on bus: TestBus) async throws -> DBusConnection {
        let connection = try await bus.connect()
        let properties = PropertyStore()
        try connection.exportObject(at: path) { [weak connection] invocation in
            switch (invocation.interface, invocation.member) {
            case (interface, "Echo"):
                return invocation.arguments
            case (interface, "OpenFD"):
                return [.unixFD(Echo.devNull)]   // libdbus duplicates it into the reply
            case (interface, "Never"):
                try await Task.sleep(for: .seconds(3600))
                return []
            case (interface, "Fail"):
                throw DBusError.remote(name: "org.example.Error.Broken", message: "it failed on purpose")
            case (interface, "Sleep"):
                let ms = invocation.arguments.first?.uint32Value ?? 0
                try await Task.sleep(for: .milliseconds(Int(ms)))
                return [.uint32(ms)]
            case (interface, "Emit"):
                try await connection?.emitSignal(
                    DBusSignal(path: path, interface: interface, member: "Ping", arguments: invocation.arguments))
                return []
            case ("org.freedesktop.DBus.Properties", "Get"):
                guard let key = invocation.arguments.last?.stringValue, let value = properties.get(key) else {
                    throw DBusError.remote(name: "org.freedesktop.DBus.Error.UnknownProperty", message: "no such property")
                }
                return [.variant(value)]
            case ("org.freedesktop.DBus.Properties", "GetAll"):
                return [.stringVariantDictionary(properties.all())]
            case ("org.freedesktop.DBus.Properties", "Set"):
                guard invocation.arguments.count == 3, let key = invocation.arguments[1].stringValue,
                      let value = invocation.arguments[2].variantValue else {
                    throw DBusError.remote(name: "org.freedesktop.DBus.Error.InvalidArgs", message: "bad Set")
                }
                properties.set(key, value)
                return []
            default:
                throw DBusError.remote(name: "org.freedesktop.DBus.Error.UnknownMethod",
                                       message: "no method \(invocation.member)")
            }
        }
        let reply = try await connection.requestName(name)
        #expect(reply == .primaryOwner)
        return connection
    }
}

final class PropertyStore: Sendable {
    private let values = Mutex<[String: DBusValue]>(["Name": .string("echo"), "Count": .uint32(7)])
    func get(_ key: String) -> DBusValue? { values.withLock { $0[key] } }
    func set(_ key: String, _ value: DBusValue) { values.withLock { $0[key] = value } }
    func all() -> [String: DBusValue] { values.withLock { $0 } }
}

import Synchronization

/// Runs `body` with a fresh bus, a client connection and the echo service; tears everything down after.
func withEcho(_ body: (TestBus, DBusConnection, DBusConnection) async throws -> Void) async throws {
    let bus = try await TestBus.start()
    do {
        let echo = try await Echo.start(on: bus)
        let client = try await bus.connect()
        try await body(bus, client, echo)
        client.close()
        echo.close()
    } catch {
        await bus.stop()
        throw error
    }
    await bus.stop()
}

/// Expects `body` to throw a DBusError with `code`, and returns it.
@discardableResult
func expectDBusError<T>(_ code: DBusErrorCode, sourceLocation: SourceLocation = #_sourceLocation,
                        _ body: () async throws -> T) async -> DBusError? {
    do {
        _ = try await body()
        Issue.record("expected \(code), got success", sourceLocation: sourceLocation)
    } catch let error as DBusError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
