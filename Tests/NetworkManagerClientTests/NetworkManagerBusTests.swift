import DBusKit
import Foundation
import NetworkManagerClient
import Testing

/// ``NetworkManagerBus`` against a fake NetworkManager on a private bus: what it reads, what it writes, that an
/// absent NetworkManager costs one quick round trip, that a slow one is bounded by the call timeout, and that calls
/// go to the owner that was verified, never to whoever holds the name later.
@Suite(.serialized) struct NetworkManagerBusTests {
    static let eth0 = FakeNetworkManagerService.Device(path: "/org/freedesktop/NetworkManager/Devices/3", managed: true, state: 30)

    @Test func absentNetworkManagerIsNoOwnerAtOnce() async throws {
        let bus = try await NMTestBus.start()
        defer { bus.stop() }
        let client = try await bus.connect()
        defer { client.close() }
        let clock = ContinuousClock()
        let start = clock.now
        let owner = try await NetworkManagerBus(connection: client).owner()
        #expect(owner == nil)
        #expect(clock.now - start < .milliseconds(500), "GetNameOwner of an unowned name must answer at once")
    }

    @Test func managedDeviceIsReadWithItsState() async throws {
        let bus = try await NMTestBus.start()
        defer { bus.stop() }
        let service = try await FakeNetworkManagerService.start(on: bus, devices: ["eth0": Self.eth0])
        defer { service.close() }
        let client = try await bus.connect()
        defer { client.close() }
        let nm = NetworkManagerBus(connection: client)
        let owner = try #require(try await nm.owner())
        #expect(owner.uniqueName == service.connection.uniqueName)
        #expect(owner.uid == geteuid() && owner.pid == UInt32(getpid()))
        let device = try #require(try await nm.device(named: "eth0", owner: owner))
        #expect(device == NetworkManagerDevice(path: Self.eth0.path, interfaceName: "eth0", managed: true, state: .disconnected))
        #expect(device.isManaged)
        #expect(try await nm.device(named: "eth7", owner: owner) == nil, "UnknownDevice is no device, not an error")
    }

    @Test func setUnmanagedWritesManagedFalse() async throws {
        let bus = try await NMTestBus.start()
        defer { bus.stop() }
        let service = try await FakeNetworkManagerService.start(on: bus, devices: ["eth0": Self.eth0])
        defer { service.close() }
        let client = try await bus.connect()
        defer { client.close() }
        let nm = NetworkManagerBus(connection: client)
        let owner = try #require(try await nm.owner())
        try await nm.setUnmanaged(Self.eth0.path, owner: owner)
        #expect(service.setCalls == 1)
        #expect(service.device("eth0")?.managed == false)
        #expect(try await nm.state(of: Self.eth0.path, owner: owner) == .unmanaged)
        #expect(try await nm.device(named: "eth0", owner: owner)?.isManaged == false)
    }

    @Test func slowNetworkManagerTimesOutWithinTheCallTimeout() async throws {
        let bus = try await NMTestBus.start()
        defer { bus.stop() }
        let service = try await FakeNetworkManagerService.start(on: bus, devices: ["eth0": Self.eth0], delay: .seconds(30))
        defer { service.close() }
        let client = try await bus.connect()
        defer { client.close() }
        let nm = NetworkManagerBus(connection: client, callTimeout: .milliseconds(200))
        let owner = try #require(try await nm.owner())
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: DBusError.self) { _ = try await nm.device(named: "eth0", owner: owner) }
        #expect(clock.now - start < .seconds(5))
    }

    /// Attack: the verified NetworkManager leaves and an impostor takes its name, answering "managed" (or anything)
    /// to everything. Calls addressed to the verified owner's unique name reach nobody: the impostor is never asked.
    @Test func anImpostorThatTakesTheNameLaterIsNeverAsked() async throws {
        let bus = try await NMTestBus.start()
        defer { bus.stop() }
        let real = try await FakeNetworkManagerService.start(on: bus, devices: ["eth0": Self.eth0])
        let client = try await bus.connect()
        defer { client.close() }
        let nm = NetworkManagerBus(connection: client)
        let owner = try #require(try await nm.owner())
        real.close()
        try await Task.sleep(for: .milliseconds(50))
        let impostor = try await FakeNetworkManagerService.start(on: bus, devices: ["eth0": Self.eth0])
        defer { impostor.close() }
        await #expect(throws: DBusError.self) { _ = try await nm.device(named: "eth0", owner: owner) }
        await #expect(throws: DBusError.self) { try await nm.setUnmanaged(Self.eth0.path, owner: owner) }
        #expect(impostor.setCalls == 0)
        #expect(impostor.device("eth0")?.managed == true)
    }
}
