import Foundation
import StructuredErrors

/// One blocking DHCP conversation on one interface (RFC 2131 client states), run on a dedicated thread.
///
/// Not Sendable: it owns the socket and lives on the thread that created it.
final class DHCPSession {
    enum Reply {
        case ack(DHCPLease)
        case nak(server: IPv4Address?, message: String?)
    }

    let socket: DHCPSocket
    let interface: String
    let mac: [UInt8]
    let flag: CancellationFlag
    let deadline: ContinuousClock.Instant
    private let started = ContinuousClock.now
    private let startedDate = Date()
    private var rng = SystemRandomNumberGenerator()
    /// Datagrams sent so far (reported in `no-server`).
    private(set) var transmissions = 0

    init(interface: String, timeout: Duration, flag: CancellationFlag) throws {
        socket = try DHCPSocket(interface: interface)
        self.interface = interface
        self.flag = flag
        deadline = .now + timeout
        var state = try socket.linkState()
        // Carrier often follows "up" by a few milliseconds (veth, Ethernet autonegotiation, Wi-Fi association):
        // wait for it within the budget rather than failing at once.
        while state.up && !state.running && ContinuousClock.now < deadline && !flag.isCancelled {
            usleep(5_000)
            state = try socket.linkState()
        }
        if flag.isCancelled { throw CancellationError() }
        guard state.up else {
            throw DHCPError(.interfaceDown, "Interface \(interface) is administratively down.",
                            hint: "Bring it up with `ip link set dev \(interface) up`.", details: ["interface": .string(interface)])
        }
        guard state.running else {
            throw DHCPError(.interfaceDown, "Interface \(interface) has no carrier (cable unplugged or not associated).",
                            details: ["interface": .string(interface)])
        }
        mac = try socket.hardwareAddress()
    }

    var macString: String { mac.map { String(format: "%02x", $0) }.joined(separator: ":") }
    var remaining: Duration { max(.zero, ContinuousClock.now.duration(to: deadline)) }
    var elapsed: Duration { started.duration(to: .now) }

    // MARK: Messages

    func request(_ type: DHCPMessageType, xid: UInt32, broadcast: Bool = true) -> DHCPMessage {
        var m = DHCPMessage()
        m.xid = xid
        m.flags = broadcast ? DHCPMessage.broadcastFlag : 0
        m.chaddr = mac + Array(repeating: 0, count: 16 - mac.count)
        m.setOption(DHCPOptionCode.messageType, [type.rawValue])
        m.setOption(DHCPOptionCode.clientIdentifier, [1] + mac)
        if type != .release && type != .decline {
            m.setOption(DHCPOptionCode.maxMessageSize, [0x05, 0xDC])  // 1500
            m.setOption(DHCPOptionCode.parameterRequestList, DHCPOptionCode.requested)
        }
        return m
    }

    /// Whether `reply` answers transaction `xid` of this client.
    func matches(_ reply: DHCPMessage, xid: UInt32) -> Bool {
        reply.op == 2 && reply.xid == xid && reply.hlen == UInt8(mac.count) && Array(reply.chaddr.prefix(mac.count)) == mac
    }

    /// Sends `message` to `destination` on the backoff schedule until `accept` takes a reply or `budget` runs out.
    func transact(_ message: DHCPMessage, to destination: IPv4Address, backoff: DHCPBackoff, budget: Duration,
                  accept: (DHCPMessage) -> Bool) throws -> DHCPMessage? {
        let waits = backoff.schedule(budget: min(budget, remaining), using: &rng)
        var m = message
        for wait in waits {
            if flag.isCancelled { throw CancellationError() }
            m.secs = UInt16(min(Int64(UInt16.max), elapsed.components.seconds))
            try socket.send(m.encode(), to: destination)
            transmissions += 1
            let until = ContinuousClock.now + wait
            while let datagram = try socket.receive(until: until, flag: flag) {
                guard let reply = try? DHCPMessage.decode(datagram), matches(reply, xid: m.xid) else { continue }  // junk
                if accept(reply) { return reply }
            }
        }
        if flag.isCancelled { throw CancellationError() }
        return nil
    }

    /// Turns an ACK into a lease; `sentAt` is when the REQUEST went out (lease times count from there).
    func lease(from ack: DHCPMessage, fallbackServer: IPv4Address?, sentAt: Date) throws -> DHCPLease {
        guard ack.yiaddr != .any, ack.yiaddr != .broadcast else {
            throw DHCPError(.invalidLease, "The DHCPACK on \(interface) carries no address (yiaddr \(ack.yiaddr)).",
                            details: ["interface": .string(interface)])
        }
        guard let server = ack.address(DHCPOptionCode.serverIdentifier) ?? fallbackServer else {
            throw DHCPError(.invalidLease, "The DHCPACK on \(interface) carries no server identifier (option 54).",
                            details: ["interface": .string(interface)])
        }
        guard let leaseTime = ack.uint32(DHCPOptionCode.leaseTime), leaseTime > 0 else {
            throw DHCPError(.invalidLease, "The DHCPACK on \(interface) from \(server) carries no lease time (option 51).",
                            details: ["interface": .string(interface), "server": .string(server.description)])
        }
        var prefix = 32
        if let mask = ack.address(DHCPOptionCode.subnetMask) {
            guard let p = mask.netmaskPrefixLength, p > 0 else {
                throw DHCPError(.invalidLease, "The DHCPACK on \(interface) from \(server) has an invalid subnet mask \(mask).",
                                details: ["interface": .string(interface)])
            }
            prefix = p
        }
        let router = ack.addresses(DHCPOptionCode.router).first { $0 != .any }
        return DHCPLease(
            interface: interface, hardwareAddress: macString, address: ack.yiaddr, prefixLength: prefix, router: router,
            dnsServers: ack.addresses(DHCPOptionCode.dnsServers), domainName: ack.string(DHCPOptionCode.domainName),
            serverIdentifier: server, leaseSeconds: leaseTime, renewalSeconds: ack.uint32(DHCPOptionCode.renewalTime),
            rebindingSeconds: ack.uint32(DHCPOptionCode.rebindingTime), obtainedAt: sentAt)
    }

    private func reply(_ m: DHCPMessage, fallbackServer: IPv4Address?, sentAt: Date) throws -> Reply {
        if m.messageType == .nak {
            return .nak(server: m.address(DHCPOptionCode.serverIdentifier), message: m.string(DHCPOptionCode.message))
        }
        return .ack(try lease(from: m, fallbackServer: fallbackServer, sentAt: sentAt))
    }

    private func isAckOrNak(_ m: DHCPMessage) -> Bool { m.messageType == .ack || m.messageType == .nak }

    // MARK: States

    /// INIT-REBOOT: REQUEST for the recorded address, option 50, no server identifier, broadcast.
    /// - Returns: the ACK's lease or the NAK, or nil when nobody answered within `budget`.
    func initReboot(_ recorded: DHCPLease, budget: Duration) throws -> Reply? {
        var m = request(.request, xid: UInt32.random(in: 0 ... .max, using: &rng))
        m.setOption(DHCPOptionCode.requestedAddress, recorded.address.octets)
        let sentAt = Date()
        guard let r = try transact(m, to: .broadcast, backoff: .initReboot, budget: budget, accept: isAckOrNak) else { return nil }
        return try reply(r, fallbackServer: nil, sentAt: sentAt)
    }

    /// RENEWING (unicast to the leasing server) or REBINDING (broadcast): REQUEST with ciaddr, no 50/54.
    func extend(_ lease: DHCPLease, rebinding: Bool, budget: Duration) throws -> Reply? {
        var m = request(.request, xid: UInt32.random(in: 0 ... .max, using: &rng), broadcast: false)
        m.ciaddr = lease.address
        let sentAt = Date()
        guard let r = try transact(m, to: rebinding ? .broadcast : lease.serverIdentifier, backoff: .standard,
                                   budget: budget, accept: isAckOrNak) else { return nil }
        return try reply(r, fallbackServer: lease.serverIdentifier, sentAt: sentAt)
    }

    /// SELECTING/REQUESTING: DISCOVER → OFFER → REQUEST (50 + 54) → ACK, restarting after a NAK (at most 3 times).
    func discover() throws -> DHCPLease {
        var lastNak: (server: IPv4Address?, message: String?)?
        for _ in 0 ..< 4 {
            let xid = UInt32.random(in: 0 ... .max, using: &rng)
            let discover = request(.discover, xid: xid)
            guard let offer = try transact(discover, to: .broadcast, backoff: .standard, budget: remaining, accept: {
                $0.messageType == .offer && $0.yiaddr != .any && $0.address(DHCPOptionCode.serverIdentifier) != nil
            }), let server = offer.address(DHCPOptionCode.serverIdentifier) else { break }
            var req = request(.request, xid: xid)
            req.setOption(DHCPOptionCode.requestedAddress, offer.yiaddr.octets)
            req.setOption(DHCPOptionCode.serverIdentifier, server.octets)
            let sentAt = Date()
            guard let r = try transact(req, to: .broadcast, backoff: .standard, budget: remaining, accept: {
                self.isAckOrNak($0) && ($0.address(DHCPOptionCode.serverIdentifier) ?? server) == server
            }) else { break }
            switch try reply(r, fallbackServer: server, sentAt: sentAt) {
            case .ack(let lease): return lease
            case .nak(let s, let text): lastNak = (s, text)
            }
        }
        if let nak = lastNak {
            throw nakError(server: nak.server, message: nak.message)
        }
        throw noServerError()
    }

    /// RELEASE, unicast to the server (sent once; servers do not answer it).
    func release(_ lease: DHCPLease) throws {
        var m = request(.release, xid: UInt32.random(in: 0 ... .max, using: &rng), broadcast: false)
        m.ciaddr = lease.address
        m.setOption(DHCPOptionCode.serverIdentifier, lease.serverIdentifier.octets)
        try socket.send(m.encode(), to: lease.serverIdentifier)
        transmissions += 1
    }

    func noServerError() -> DHCPError {
        DHCPError(.noServer, "No DHCP server answered on \(interface) within \(Self.format(elapsed)) (\(transmissions) messages sent).",
                  details: ["interface": .string(interface), "attempts": .int(transmissions),
                            "elapsedMilliseconds": .int(Int(elapsed.seconds * 1000))])
    }

    func nakError(server: IPv4Address?, message: String?) -> DHCPError {
        var d: [String: ErrorDetail] = ["interface": .string(interface)]
        if let server { d["server"] = .string(server.description) }
        if let message { d["serverMessage"] = .string(message) }
        return DHCPError(.nak, "DHCP server \(server?.description ?? "(unknown)") refused the request on \(interface)"
                         + (message.map { ": \($0)" } ?? "."), details: d)
    }

    static func format(_ d: Duration) -> String { String(format: "%.2f s", d.seconds) }
}
