import Foundation
import Testing
@testable import DBusKit

@Suite("Connecting, names, and losing the bus")
struct ConnectionLifecycleTests {
    @Test("connecting to an address where no bus listens is bus-unreachable naming the address")
    func unreachable() async throws {
        let address = "unix:path=/tmp/dbuskit-nonexistent-\(UUID().uuidString.prefix(8))/bus.sock"
        let error = await expectDBusError(.busUnreachable) { try await DBusConnection.connect(address: address) }
        #expect(error?.message.contains(address) == true)
        #expect(error?.hint.contains("listening") == true)
    }

    @Test("system() honours DBUS_SYSTEM_BUS_ADDRESS")
    func systemBusFromEnvironment() async throws {
        let bus = try await TestBus.start()
        setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address, 1)
        let connection = try await DBusConnection.system()
        unsetenv("DBUS_SYSTEM_BUS_ADDRESS")
        #expect(connection.uniqueName.hasPrefix(":"))
        #expect(connection.address == bus.address)
        let value1 = try await connection.nameOwner(of: "org.freedesktop.DBus")
        #expect(value1 == "org.freedesktop.DBus")
        connection.close()
        await bus.stop()
    }

    @Test("requestName reports primary owner, already owner, and exists for a second connection")
    func requestName() async throws {
        try await withEcho { _, client, echo in
            let value2 = try await echo.requestName(Echo.name)
            #expect(value2 == .alreadyOwner)
            let value3 = try await client.requestName(Echo.name)
            #expect(value3 == .exists)
            let value4 = try await client.requestName("org.example.Other")
            #expect(value4 == .primaryOwner)
            let value5 = try await echo.nameOwner(of: "org.example.Other")
            #expect(value5 == client.uniqueName)
        }
    }

    @Test("killing the bus fails pending and later calls with disconnected, and ends signal streams")
    func busGoesAway() async throws {
        let bus = try await TestBus.start()
        let echo = try await Echo.start(on: bus)
        let client = try await bus.connect()
        let signals = client.signals(MatchRule(interface: Echo.interface))
        let pending = Task { try await client.call(Echo.call("Never"), timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(100))
        let clock = ContinuousClock()
        let start = clock.now
        kill(bus.pid, SIGKILL)
        do {
            _ = try await pending.value
            Issue.record("call survived the bus")
        } catch let error as DBusError {
            #expect(error.code == .disconnected, "\(error)")
        }
        #expect(start.duration(to: clock.now) < .seconds(1))
        await expectDBusError(.disconnected) { try await client.call(Echo.call("Echo")) }
        await expectDBusError(.disconnected) {
            for try await _ in signals {}
        }
        #expect(!client.isConnected)
        echo.close()
        await bus.stop()
    }

    @Test("close() fails pending calls with disconnected and later calls too")
    func closeFailsPending() async throws {
        try await withEcho { _, client, _ in
            let pending = Task { try await client.call(Echo.call("Never"), timeout: .seconds(30)) }
            try await Task.sleep(for: .milliseconds(100))
            client.close()
            await expectDBusError(.disconnected) { try await pending.value }
            await expectDBusError(.disconnected) { try await client.call(Echo.call("Echo")) }
        }
    }
}
