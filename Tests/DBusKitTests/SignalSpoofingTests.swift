import Foundation
import Testing
@testable import DBusKit

/// Attacks on signal delivery: a third connection sends signals addressed to the client (the bus delivers those
/// whatever the client's match rules say), and signals carrying file descriptors.
@Suite("Signals only from the owner")
struct SignalSpoofingTests {
    static let pingRule = MatchRule(sender: Echo.name, path: Echo.path, interface: Echo.interface, member: "Ping")

    static func ping(_ tag: String) -> DBusSignal {
        DBusSignal(path: Echo.path, interface: Echo.interface, member: "Ping", arguments: [.string(tag)])
    }

    /// The next signal from `iterator`, or nil when none arrives within `limit`.
    static func next(_ stream: AsyncThrowingStream<DBusSignal, any Error>,
                     within limit: Duration = .seconds(5)) async throws -> DBusSignal? {
        try await withThrowingTaskGroup(of: DBusSignal?.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                return try await iterator.next()
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test("a signal addressed to the client by another connection is not delivered under the owner's name")
    func unicastSpoofIsDropped() async throws {
        try await withEcho { bus, client, echo in
            let stream = client.signals(Self.pingRule)
            _ = try await client.call(Echo.call("Echo"))   // the rule and owner tracking are in place
            let attacker = try await bus.connect()
            defer { attacker.close() }
            // Sent straight to the client's unique name: the bus delivers it whatever the client's rules say.
            for index in 0..<20 {
                try await attacker.emitSignal(Self.ping("forged-\(index)"), destination: client.uniqueName)
            }
            _ = try await attacker.call(MethodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                                                   interface: "org.freedesktop.DBus", member: "GetId"))
            // The genuine owner's signal, emitted after every forged one, is the first the stream yields.
            try await echo.emitSignal(Self.ping("genuine"))
            let received = try await Self.next(stream)
            #expect(received?.arguments == [.string("genuine")])
            #expect(received?.sender == echo.uniqueName)
        }
    }

    @Test("after the name changes hands, only the new owner's signals pass; the old owner's are dropped")
    func ownerChangeIsFollowed() async throws {
        try await withEcho { bus, client, echo in
            let stream = client.signals(Self.pingRule)
            _ = try await client.call(Echo.call("Echo"))
            let oldOwner = try await bus.connect()
            defer { oldOwner.close() }
            // The echo leaves; a new connection takes the name.
            echo.close()
            var owner = try await client.nameOwner(of: Echo.name)
            for _ in 0..<200 where owner != nil {
                try await Task.sleep(for: .milliseconds(5))
                owner = try await client.nameOwner(of: Echo.name)
            }
            let successor = try await bus.connect()
            defer { successor.close() }
            #expect(try await successor.requestName(Echo.name) == .primaryOwner)
            // The former owner connection is gone; a bystander impersonating it is still refused.
            try await oldOwner.emitSignal(Self.ping("bystander"), destination: client.uniqueName)
            try await successor.emitSignal(Self.ping("successor"))
            let received = try await Self.next(stream)
            #expect(received?.arguments == [.string("successor")])
            #expect(received?.sender == successor.uniqueName)
        }
    }

    @Test("signals sent while the owner is still being resolved are judged once it is known")
    func heldWhileResolving() async throws {
        try await withEcho { bus, client, echo in
            let attacker = try await bus.connect()
            defer { attacker.close() }
            let stream = client.signals(Self.pingRule)
            // No call in between: these may arrive before GetNameOwner's answer. Nor is there one before the bus
            // daemon has read the client's AddMatch (libdbus sends it without waiting), so on a loaded machine the
            // daemon may route the first pair before the rule exists and neither arrives (seen once in CI): then the
            // pair is sent once more. Whatever arrives first must be the genuine one.
            // One reader for both rounds (cancelling a pending next() would end the stream).
            let seen = Collected()
            let reader = Task { for try await signal in stream { seen.add(signal) } }
            defer { reader.cancel() }
            for _ in 0..<2 where seen.first == nil {
                try await attacker.emitSignal(Self.ping("forged"), destination: client.uniqueName)
                try await echo.emitSignal(Self.ping("genuine"))
                let deadline = ContinuousClock.now + .seconds(5)
                while seen.first == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(seen.first?.arguments == [.string("genuine")])
        }
    }

    @Test("a rule naming a unique name or no sender behaves as before")
    func exactAndAnySender() async throws {
        try await withEcho { bus, client, echo in
            let exact = client.signals(MatchRule(sender: echo.uniqueName, interface: Echo.interface, member: "Ping"))
            let any = client.signals(MatchRule(interface: Echo.interface, member: "Ping"))
            _ = try await client.call(Echo.call("Echo"))
            let other = try await bus.connect()
            defer { other.close() }
            try await other.emitSignal(Self.ping("other"), destination: client.uniqueName)
            try await echo.emitSignal(Self.ping("echo"))
            #expect(try await Self.next(exact)?.arguments == [.string("echo")])
            #expect(try await Self.next(any)?.arguments == [.string("other")])
        }
    }

    static func openDescriptorCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }

    @Test("signals carrying Unix fds are never decoded: the process's descriptor count does not grow")
    func fileDescriptorFlood() async throws {
        try await withEcho { bus, client, _ in
            // A rule without a sender would pass the header check: only the fd rule stops these.
            let stream = client.signals(MatchRule(interface: Echo.interface, member: "Ping"))
            _ = try await client.call(Echo.call("Echo"))
            let attacker = try await bus.connect()
            defer { attacker.close() }
            let null = open("/dev/null", O_RDONLY)
            #expect(null >= 0)
            defer { close(null) }
            // Warm up (allocations of the first exchange), then count.
            try await attacker.emitSignal(DBusSignal(path: Echo.path, interface: Echo.interface, member: "Ping",
                                                     arguments: [.unixFD(null)]), destination: client.uniqueName)
            _ = try await client.call(Echo.call("Echo"))
            let before = Self.openDescriptorCount()
            for _ in 0..<200 {
                try await attacker.emitSignal(DBusSignal(path: Echo.path, interface: Echo.interface, member: "Ping",
                                                         arguments: [.unixFD(null)]), destination: client.uniqueName)
            }
            // A signal without fds after the flood: once it arrives, every fd-carrying one was handled before it.
            try await attacker.emitSignal(Self.ping("after"), destination: client.uniqueName)
            let received = try await Self.next(stream)
            #expect(received?.arguments == [.string("after")])
            let after = Self.openDescriptorCount()
            #expect(after <= before, "descriptors before \(before), after \(after)")
        }
    }

    @Test("a method call carrying fds to an exported object is refused with InvalidArgs")
    func exportedMethodRefusesDescriptors() async throws {
        try await withEcho { _, client, _ in
            let null = open("/dev/null", O_RDONLY)
            defer { close(null) }
            let error = await expectDBusError(.remoteError) {
                try await client.call(Echo.call("Echo", [.unixFD(null)]))
            }
            #expect(error?.remoteErrorName == "org.freedesktop.DBus.Error.InvalidArgs")
        }
    }
}

/// Signals a reader task collected, in order.
private final class Collected: @unchecked Sendable {
    // @unchecked: `items` is only touched while holding `lock`.
    private let lock = NSLock()
    private var items: [DBusSignal] = []
    func add(_ signal: DBusSignal) { lock.withLock { items.append(signal) } }
    var first: DBusSignal? { lock.withLock { items.first } }
}
