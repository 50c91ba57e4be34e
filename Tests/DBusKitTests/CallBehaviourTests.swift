import Foundation
import Testing
@testable import DBusKit

@Suite("Method calls: errors, deadlines, cancellation, concurrency, latency")
struct CallBehaviourTests {
    @Test("a remote error keeps its D-Bus name and message")
    func remoteError() async throws {
        try await withEcho { _, client, _ in
            let error = await expectDBusError(.remoteError) { try await client.call(Echo.call("Fail")) }
            #expect(error?.remoteErrorName == "org.example.Error.Broken")
            #expect(error?.remoteErrorMessage == "it failed on purpose")
            #expect(error?.message.contains("org.example.Echo.Fail") == true)
        }
    }

    @Test("a call to a name nobody owns is service-unknown; nameOwner reports nil")
    func serviceUnknown() async throws {
        try await withEcho { _, client, echo in
            var call = Echo.call("Echo")
            call.destination = "org.example.Nobody"
            await expectDBusError(.serviceUnknown) { try await client.call(call) }
            let value1 = try await client.nameOwner(of: "org.example.Nobody")
            #expect(value1 == nil)
            let value2 = try await client.nameOwner(of: Echo.name)
            #expect(value2 == echo.uniqueName)
        }
    }

    @Test("an unexported path yields UnknownMethod as a remote error")
    func unknownMethod() async throws {
        try await withEcho { _, client, _ in
            var call = Echo.call("Echo")
            call.path = "/nothing/here"
            let error = await expectDBusError(.remoteError) { try await client.call(call) }
            #expect(error?.remoteErrorName == "org.freedesktop.DBus.Error.UnknownMethod")
        }
    }

    @Test("a reply of the wrong signature is unexpected-reply-type")
    func unexpectedReplyType() async throws {
        try await withEcho { _, client, _ in
            await expectDBusError(.unexpectedReplyType) {
                try await client.call(Echo.call("Echo", [.int32(1)]), expecting: "s")
            }
        }
    }

    @Test("a call that is never answered times out by its deadline without blocking other calls")
    func timeoutByDeadline() async throws {
        try await withEcho { _, client, _ in
            let clock = ContinuousClock()
            let start = clock.now
            async let stuck: Duration = {
                await expectDBusError(.timeout) { try await client.call(Echo.call("Never"), timeout: .milliseconds(500)) }
                return start.duration(to: clock.now)
            }()
            // Meanwhile, other calls complete promptly.
            try await Task.sleep(for: .milliseconds(50))
            let quickStart = clock.now
            for i in 0..<20 {
                let reply = try await client.call(Echo.call("Echo", [.int32(Int32(i))]), timeout: .seconds(2))
                #expect(reply == [.int32(Int32(i))])
            }
            // Not queued behind the stuck call (which holds for 500 ms); generous for a loaded 2-core machine.
            #expect(quickStart.duration(to: clock.now) < .seconds(3))
            let elapsed = await stuck
            #expect(elapsed >= .milliseconds(500) && elapsed < .seconds(3), "timed out after \(elapsed)")
        }
    }

    @Test("cancelling the awaiting task ends the call promptly with CancellationError")
    func cancellation() async throws {
        try await withEcho { _, client, _ in
            let clock = ContinuousClock()
            let task = Task { try await client.call(Echo.call("Never"), timeout: .seconds(30)) }
            try await Task.sleep(for: .milliseconds(100))
            let start = clock.now
            task.cancel()
            do {
                _ = try await task.value
                Issue.record("cancelled call returned")
            } catch {
                #expect(error is CancellationError, "\(error)")
            }
            // Far below the call's own 30 s timeout: the cancellation ended it.
            #expect(start.duration(to: clock.now) < .seconds(5))
            // The connection still works.
            let value3 = try await client.call(Echo.call("Echo", [.bool(true)]))
            #expect(value3 == [.bool(true)])
        }
    }

    @Test("a peer that vanishes mid-call gives peer-vanished promptly")
    func peerVanishes() async throws {
        try await withEcho { _, client, echo in
            let clock = ContinuousClock()
            let pending = Task { try await client.call(Echo.call("Never"), timeout: .seconds(30)) }
            try await Task.sleep(for: .milliseconds(200))
            let start = clock.now
            echo.close()
            do {
                _ = try await pending.value
                Issue.record("call to a vanished peer returned")
            } catch let error as DBusError {
                #expect(error.code == .peerVanished, "\(error)")
            }
            #expect(start.duration(to: clock.now) < .seconds(5))   // the call's own timeout is 30 s
        }
    }

    @Test("200 concurrent calls all complete with their own replies")
    func concurrentCalls() async throws {
        try await withEcho { _, client, _ in
            try await withThrowingTaskGroup(of: (Int, [DBusValue]).self) { group in
                for i in 0..<200 {
                    group.addTask {
                        (i, try await client.call(Echo.call("Echo", [.int32(Int32(i)), .string("n\(i)")]),
                                                  timeout: .seconds(20)))
                    }
                }
                var seen = Set<Int>()
                for try await (i, reply) in group {
                    #expect(reply == [.int32(Int32(i)), .string("n\(i)")])
                    seen.insert(i)
                }
                #expect(seen.count == 200)
            }
        }
    }

    @Test("round-trip latency of a trivial call is well under a millisecond")
    func latency() async throws {
        try await withEcho { _, client, _ in
            let clock = ContinuousClock()
            for _ in 0..<50 { _ = try await client.call(Echo.call("Echo", [.int32(1)])) }
            var samples: [Duration] = []
            for _ in 0..<2000 {
                let start = clock.now
                _ = try await client.call(Echo.call("Echo", [.int32(1)]))
                samples.append(start.duration(to: clock.now))
            }
            samples.sort()
            let median = samples[samples.count / 2]
            let p99 = samples[samples.count * 99 / 100]
            let mean = samples.reduce(Duration.zero, +) / samples.count
            print("DBusKit round trip (client -> bus -> echo service -> bus -> client): median \(median), mean \(mean), p99 \(p99)")
            #expect(median < .milliseconds(1))
        }
    }
}
