import Foundation
@testable import DHCPClient
import HostOS

/// A scripted DHCP server for states dnsmasq cannot be made to reach: it runs in the server namespace on a
/// dedicated thread, answers each message it receives with the replies a script returns (sent in order, as
/// broadcasts) and records every message it received.
enum FakeDHCPServer {
    static let serverAddress = IPv4Address(198, 18, 0, 1)

    /// What one OFFER or ACK carries; the defaults are a sound 120 s lease in 198.18.0.0/24 via 198.18.0.1.
    struct Lease: Sendable {
        var address: IPv4Address
        var server = FakeDHCPServer.serverAddress
        var mask: IPv4Address? = IPv4Address(255, 255, 255, 0)
        var routers: [IPv4Address] = [FakeDHCPServer.serverAddress]
        var leaseSeconds: UInt32 = 120
        var renewalSeconds: UInt32?
        var rebindingSeconds: UInt32?
        /// Option 121's data (RFC 3442), sent as is.
        var classlessRoutes: [UInt8]?
    }

    /// The reply of `type` (OFFER, ACK, NAK) to `request`, carrying `lease` (ignored for a NAK).
    static func reply(to request: DHCPMessage, _ type: DHCPMessageType, _ lease: Lease, message: String? = nil) -> DHCPMessage {
        var reply = DHCPMessage()
        reply.op = 2
        reply.xid = request.xid
        reply.hlen = request.hlen
        reply.flags = request.flags
        reply.chaddr = request.chaddr
        reply.setOption(DHCPOptionCode.messageType, [type.rawValue])
        reply.setOption(DHCPOptionCode.serverIdentifier, lease.server.octets)
        if let message { reply.setOption(DHCPOptionCode.message, Array(message.utf8)) }
        guard type != .nak else { return reply }
        reply.yiaddr = lease.address
        if let mask = lease.mask { reply.setOption(DHCPOptionCode.subnetMask, mask.octets) }
        if !lease.routers.isEmpty { reply.setOption(DHCPOptionCode.router, lease.routers.flatMap(\.octets)) }
        reply.setOption(DHCPOptionCode.leaseTime, IPv4Address(lease.leaseSeconds).octets)
        if let t1 = lease.renewalSeconds { reply.setOption(DHCPOptionCode.renewalTime, IPv4Address(t1).octets) }
        if let t2 = lease.rebindingSeconds { reply.setOption(DHCPOptionCode.rebindingTime, IPv4Address(t2).octets) }
        if let routes = lease.classlessRoutes { reply.setOption(DHCPOptionCode.classlessStaticRoute, routes) }
        return reply
    }

    /// Serves on `interface` inside `networkNamespace` until `duration` has passed, the task is cancelled, or
    /// (with `stopAfterAck`) an ACK was sent. `respond` gets each received DISCOVER/REQUEST/… and returns the replies.
    /// - Returns: the messages received, in order.
    static func script(networkNamespace: String, interface: String, duration: Duration, stopAfterAck: Bool = false,
                       respond: @escaping @Sendable (DHCPMessage) -> [DHCPMessage]) async throws -> [DHCPMessage] {
        let server = try await start(networkNamespace: networkNamespace, interface: interface, duration: duration,
                                     stopAfterAck: stopAfterAck, respond: respond)
        // Cancelling the caller stops the server (awaiting an unstructured task's value does not forward it).
        return try await withTaskCancellationHandler { try await server.value } onCancel: { server.cancel() }
    }

    /// Starts the server on a thread of its own at once (not from a task, which would wait for a free cooperative
    /// thread on a busy 2-core machine) and returns once its socket is bound, so a client started next is heard from
    /// its first DISCOVER. Cancel the returned task to stop the server; its value is the messages received.
    static func start(networkNamespace: String, interface: String, duration: Duration, stopAfterAck: Bool = false,
                      respond: @escaping @Sendable (DHCPMessage) -> [DHCPMessage]) async throws -> Task<[DHCPMessage], any Error> {
        let ready = ReadyFlag()
        let outcome = Outcome()
        let flag = CancellationFlag()
        let thread = Thread {
            outcome.finish(Result {
                try DedicatedThread.enterNetworkNamespace(networkNamespace)
                let socket = try DHCPSocket(interface: interface, localPort: DHCPSocket.serverPort, remotePort: DHCPSocket.clientPort)
                ready.set()
                let deadline = ContinuousClock.now + duration
                var received: [DHCPMessage] = []
                while let datagram = try socket.receive(until: deadline, flag: flag) {
                    guard let m = try? DHCPMessage.decode(datagram), m.op == 1, m.messageType != nil else { continue }
                    received.append(m)
                    let replies = respond(m)
                    for reply in replies { try socket.send(reply.encode(), to: .broadcast) }
                    if stopAfterAck, replies.contains(where: { $0.messageType == .ack }) { break }
                }
                return received
            })
        }
        thread.name = "fake-dhcp-server"
        thread.start()
        let task = Task {
            try await withTaskCancellationHandler { try await outcome.value } onCancel: { flag.cancel() }
        }
        let limit = ContinuousClock.now + .seconds(10)
        while !ready.isSet {
            if outcome.isFinished { return task }   // failed to start: the task's value is the server's error
            if ContinuousClock.now > limit {
                task.cancel()
                throw TestNetwork.TestNetworkError(message: "the scripted DHCP server did not bind its socket within 10 s")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        return task
    }

    /// The server thread's result, awaited by the task `start` returns.
    final class Outcome: @unchecked Sendable {
        // @unchecked: `result` and `waiter` are only touched under `lock`.
        private let lock = NSLock()
        private var result: Result<[DHCPMessage], any Error>?
        private var waiter: CheckedContinuation<[DHCPMessage], any Error>?

        func finish(_ r: Result<[DHCPMessage], any Error>) {
            let w: CheckedContinuation<[DHCPMessage], any Error>? = lock.withLock {
                result = r
                defer { waiter = nil }
                return waiter
            }
            w?.resume(with: r)
        }

        var isFinished: Bool { lock.withLock { result != nil } }

        var value: [DHCPMessage] {
            get async throws {
                try await withCheckedThrowingContinuation { c in
                    let r: Result<[DHCPMessage], any Error>? = lock.withLock {
                        if result == nil { waiter = c }
                        return result
                    }
                    if let r { c.resume(with: r) }
                }
            }
        }
    }

    /// Set once by the server thread when its socket is bound.
    final class ReadyFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    /// OFFERs 198.18.0.150, .151, … (one per DISCOVER), NAKs the first `nakRequests` REQUESTs and ACKs the others
    /// with a 120 s lease.
    static func serve(networkNamespace: String, interface: String, nakRequests: Int, duration: Duration,
                      stopAfterAck: Bool = true) async throws -> [DHCPMessage] {
        let counters = Counters()
        return try await script(networkNamespace: networkNamespace, interface: interface, duration: duration,
                                stopAfterAck: stopAfterAck) { m in
            switch m.messageType {
            case .discover?:
                let n = counters.next(\.offers)
                return [reply(to: m, .offer, Lease(address: IPv4Address(198, 18, 0, UInt8(150 + n))))]
            case .request?:
                let n = counters.next(\.requests) + 1
                if n <= nakRequests {
                    return [reply(to: m, .nak, Lease(address: .any), message: "address taken (scripted NAK \(n))")]
                }
                return [reply(to: m, .ack, Lease(address: m.address(DHCPOptionCode.requestedAddress) ?? m.ciaddr))]
            default:
                return []
            }
        }
    }

    /// Counters shared with the script closure (called only on the server's thread, locked for the compiler).
    final class Counters: @unchecked Sendable {
        struct Values { var offers = 0; var requests = 0 }
        private let lock = NSLock()
        private var values = Values()
        /// Returns the current value and increments it.
        func next(_ key: WritableKeyPath<Values, Int>) -> Int {
            lock.lock(); defer { lock.unlock() }
            let v = values[keyPath: key]
            values[keyPath: key] += 1
            return v
        }
    }
}
