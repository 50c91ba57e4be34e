import Foundation
import Testing
@testable import DBusKit

@Suite("Signals and name ownership")
struct SignalTests {
    /// The number of match rules the bus holds for a connection (org.freedesktop.DBus.Debug.Stats).
    static func matchRuleCount(_ client: DBusConnection, of name: String) async throws -> UInt32? {
        let reply = try await client.call(MethodCall(
            destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
            interface: "org.freedesktop.DBus.Debug.Stats", member: "GetConnectionStats", arguments: [.string(name)]))
        return reply.first?.dictionaryValue?["MatchRules"]?.uint32Value
    }

    /// Subscribes, makes the echo service emit two signals, and returns them; the stream dies with this frame.
    static func receiveTwoPings(_ client: DBusConnection) async throws -> [DBusSignal] {
        let rule = MatchRule(sender: Echo.name, path: Echo.path, interface: Echo.interface, member: "Ping")
        let stream = client.signals(rule)
        // Two rules: the subscriber's, and the one that follows the owner of its well-known sender.
        #expect(try await matchRuleCount(client, of: client.uniqueName) == 2)
        _ = try await client.call(Echo.call("Emit", [.string("one"), .uint32(1)]))
        _ = try await client.call(Echo.call("Emit", [.string("two"), .uint32(2)]))
        var received: [DBusSignal] = []
        for try await signal in stream {
            received.append(signal)
            if received.count == 2 { break }
        }
        return received
    }

    @Test("signals arrive through a match rule, and the rule is removed when the stream ends")
    func signalDeliveryAndRuleRemoval() async throws {
        try await withEcho { _, client, echo in
            let before = try await Self.matchRuleCount(client, of: client.uniqueName)
            let received = try await Self.receiveTwoPings(client)
            #expect(received.map(\.arguments) == [[.string("one"), .uint32(1)], [.string("two"), .uint32(2)]])
            #expect(received.first?.sender == echo.uniqueName)
            #expect(received.first?.path == Echo.path)
            #expect(received.first?.member == "Ping")
            // The stream was released when the helper returned: the rule goes away on the bus.
            var after = try await Self.matchRuleCount(client, of: client.uniqueName)
            for _ in 0..<50 where after != before {
                try await Task.sleep(for: .milliseconds(10))
                after = try await Self.matchRuleCount(client, of: client.uniqueName)
            }
            #expect(before != nil)
            #expect(after == before)
        }
    }

    @Test("a signal not matching the rule's member is not delivered to it")
    func filtering() async throws {
        try await withEcho { _, client, _ in
            let wrongMember = client.signals(MatchRule(interface: Echo.interface, member: "Pong"))
            let right = client.signals(MatchRule(interface: Echo.interface, member: "Ping"))
            _ = try await client.call(Echo.call("Emit", [.int32(1)]))
            var iterator = right.makeAsyncIterator()
            let value1 = try await iterator.next()?.arguments
            #expect(value1 == [.int32(1)])
            let probe = Task {
                var it = wrongMember.makeAsyncIterator()
                return try await it.next()
            }
            try await Task.sleep(for: .milliseconds(200))
            probe.cancel()
            let value2 = try await probe.value
            #expect(value2 == nil)
        }
    }

    @Test("NameOwnerChanged reports the echo service leaving the bus")
    func nameOwnerChanged() async throws {
        try await withEcho { _, client, echo in
            let changes = client.nameOwnerChanges(of: Echo.name)
            // A call after subscribing guarantees the rule is in place before the service leaves.
            _ = try await client.call(Echo.call("Echo"))
            let echoName = echo.uniqueName
            let clock = ContinuousClock()
            let start = clock.now
            echo.close()
            var iterator = changes.makeAsyncIterator()
            let change = try await iterator.next()
            #expect(change == NameOwnerChange(name: Echo.name, oldOwner: echoName, newOwner: nil))
            #expect(start.duration(to: clock.now) < .seconds(5))   // promptly, not after some timeout
            let value3 = try await client.nameOwner(of: Echo.name)
            #expect(value3 == nil)
        }
    }
}
