import Foundation
import HostOS
import Logging
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
    let logger: Logger
    let deadline: ContinuousClock.Instant
    private let started = ContinuousClock.now
    private let startedDate = Date()
    private var rng = SystemRandomNumberGenerator()
    /// Datagrams sent so far (reported in `no-server`).
    private(set) var transmissions = 0
    /// Replies ignored by `DHCPReplyFilter`, in order (reported in `unusable-reply`).
    private(set) var rejections: [(server: IPv4Address?, type: DHCPMessageType, reason: DHCPReplyRejection)] = []
    /// The option-121 routes the last ACK turned into a lease carried and the checks refused.
    private(set) var refusedRoutes: [DHCPClasslessRoute.Refused] = []

    init(interface: String, timeout: Duration, flag: CancellationFlag, logger: Logger = Logger(label: "eapolctl.dhcp")) throws {
        socket = try DHCPSocket(interface: interface)
        self.interface = interface
        self.flag = flag
        self.logger = logger
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

    /// Sends `message` to `destination` on the backoff schedule until `accept` turns a reply into a value or
    /// `budget` runs out. Replies `accept` returns nil for are skipped and the wait goes on.
    func transact<T>(_ message: DHCPMessage, to destination: IPv4Address, backoff: DHCPBackoff, budget: Duration,
                     accept: (DHCPMessage) -> T?) throws -> T? {
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
                if let value = accept(reply) { return value }
            }
        }
        if flag.isCancelled { throw CancellationError() }
        return nil
    }

    /// Runs `reply` through `DHCPReplyFilter`; a rejected reply is logged, counted and answered with nil, so the
    /// exchange keeps waiting for a usable one (one bogus reply never aborts it).
    func screen(_ reply: DHCPMessage, fallbackServer: IPv4Address?) -> DHCPReplyFilter.Accepted? {
        switch DHCPReplyFilter.check(reply, isAck: reply.messageType == .ack, fallbackServer: fallbackServer) {
        case .success(let accepted):
            return accepted
        case .failure(let reason):
            reject(reply, reason)
            return nil
        }
    }

    /// Logs and counts an ignored reply (reported in `unusable-reply` if nothing usable follows).
    func reject(_ reply: DHCPMessage, _ reason: DHCPReplyRejection) {
        let server = reply.address(DHCPOptionCode.serverIdentifier)
        let type = reply.messageType ?? .offer
        rejections.append((server, type, reason))
        logger.warning("ignoring unusable DHCP reply", metadata: [
            "dhcp.interface": "\(interface)", "dhcp.type": "\(Self.name(of: type))",
            "dhcp.server": "\(server?.description ?? "?")", "dhcp.yiaddr": "\(reply.yiaddr)",
            "dhcp.reason": "\(reason.code)", "dhcp.detail": "\(reason)"])
    }

    static func name(of type: DHCPMessageType) -> String {
        switch type {
        case .ack: "ACK"
        case .nak: "NAK"
        default: "OFFER"
        }
    }

    /// Turns a screened ACK into a lease; `sentAt` is when the REQUEST went out (lease times count from there). Its
    /// refused option-121 routes are kept in ``refusedRoutes`` for the result.
    func lease(from ack: DHCPMessage, _ accepted: DHCPReplyFilter.Accepted, sentAt: Date) -> DHCPLease {
        refusedRoutes = accepted.refusedRoutes
        if accepted.malformedStaticRoutes {
            logger.warning("ignoring malformed classless static routes (option 121); using the router option",
                           metadata: ["dhcp.interface": "\(interface)", "dhcp.reason": "malformed-option"])
        }
        for refused in accepted.refusedRoutes {
            logger.warning("refusing classless static route", metadata: [
                "dhcp.interface": "\(interface)", "dhcp.server": "\(accepted.server?.description ?? "?")",
                "dhcp.route": "\(refused.route)", "dhcp.reason": "\(refused.reason.code)", "dhcp.detail": "\(refused.reason)"])
        }
        return DHCPLease(ack: ack, accepted: accepted, interface: interface, hardwareAddress: macString, obtainedAt: sentAt)
    }

    /// A NAK that `DHCPReplyFilter.checkNak` lets through or an ACK that `checkAck` and the filter let through (from
    /// `server`, or from anyone when it is nil); nil (keep waiting) for anything else. An ignored reply is logged
    /// and counted.
    private func ackOrNak(_ m: DHCPMessage, fallbackServer: IPv4Address?, server: IPv4Address?, sentAt: Date) -> Reply? {
        switch m.messageType {
        case .nak?:
            if let reason = DHCPReplyFilter.checkNak(m, expectedServer: server) {
                reject(m, reason)
                return nil
            }
            return .nak(server: m.address(DHCPOptionCode.serverIdentifier), message: m.string(DHCPOptionCode.message))
        case .ack?:
            if let reason = DHCPReplyFilter.checkAck(m, expectedServer: server) {
                reject(m, reason)
                return nil
            }
            return screen(m, fallbackServer: fallbackServer).map { .ack(lease(from: m, $0, sentAt: sentAt)) }
        default:
            return nil
        }
    }

    // MARK: States

    /// INIT-REBOOT: REQUEST for the recorded address, option 50, no server identifier, broadcast.
    /// - Returns: the ACK's lease or the NAK, or nil when nobody answered within `budget`.
    func initReboot(_ recorded: DHCPLease, budget: Duration) throws -> Reply? {
        var m = request(.request, xid: UInt32.random(in: 0 ... .max, using: &rng))
        m.setOption(DHCPOptionCode.requestedAddress, recorded.address.octets)
        let sentAt = Date()
        return try transact(m, to: .broadcast, backoff: .initReboot, budget: budget) {
            self.ackOrNak($0, fallbackServer: nil, server: nil, sentAt: sentAt)   // any server may answer INIT-REBOOT
        }
    }

    /// RENEWING (unicast to the leasing server) or REBINDING (broadcast): REQUEST with ciaddr, no 50/54.
    /// RENEWING takes only the leasing server's ACK or NAK; REBINDING any server's (it asks all of them).
    func extend(_ lease: DHCPLease, rebinding: Bool, budget: Duration) throws -> Reply? {
        var m = request(.request, xid: UInt32.random(in: 0 ... .max, using: &rng), broadcast: false)
        m.ciaddr = lease.address
        let sentAt = Date()
        return try transact(m, to: rebinding ? .broadcast : lease.serverIdentifier, backoff: .standard, budget: budget) {
            self.ackOrNak($0, fallbackServer: lease.serverIdentifier, server: rebinding ? nil : lease.serverIdentifier,
                          sentAt: sentAt)
        }
    }

    /// SELECTING/REQUESTING: DISCOVER → OFFER → REQUEST (50 + 54) → ACK, restarting after a NAK (at most 3 times).
    func discover() throws -> DHCPLease {
        var lastNak: (server: IPv4Address?, message: String?)?
        for _ in 0 ..< 4 {
            let xid = UInt32.random(in: 0 ... .max, using: &rng)
            let discover = request(.discover, xid: xid)
            guard let (offer, server) = try transact(discover, to: .broadcast, backoff: .standard, budget: remaining, accept: {
                (m: DHCPMessage) -> (DHCPMessage, IPv4Address)? in
                guard m.messageType == .offer, let ok = self.screen(m, fallbackServer: nil), let server = ok.server else { return nil }
                return (m, server)
            }) else { break }
            var req = request(.request, xid: xid)
            req.setOption(DHCPOptionCode.requestedAddress, offer.yiaddr.octets)
            req.setOption(DHCPOptionCode.serverIdentifier, server.octets)
            let sentAt = Date()
            guard let r = try transact(req, to: .broadcast, backoff: .standard, budget: remaining, accept: {
                (m: DHCPMessage) -> Reply? in
                // Only the selected server's ACK or NAK counts; another's answers someone else's choice (reported).
                return self.ackOrNak(m, fallbackServer: server, server: server, sentAt: sentAt)
            }) else { break }
            switch r {
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

    /// `no-server`, or `unusable-reply` when servers did answer but every reply was refused by the filter.
    func noServerError() -> DHCPError {
        if let last = rejections.last {
            let reasons = Array(Set(rejections.map(\.reason.code))).sorted()
            let servers = Array(Set(rejections.compactMap { $0.server?.description })).sorted()
            return DHCPError(.unusableReply,
                             "No usable DHCP reply on \(interface) within \(Self.format(elapsed)): \(rejections.count) "
                             + "\(rejections.count == 1 ? "reply was" : "replies were") ignored, the last from "
                             + "\(last.server?.description ?? "an unnamed server"): \(last.reason). Nothing was applied.",
                             details: ["interface": .string(interface), "rejected": .int(rejections.count),
                                       "reasons": .list(reasons), "servers": .list(servers),
                                       "attempts": .int(transmissions)])
        }
        return DHCPError(.noServer, "No DHCP server answered on \(interface) within \(Self.format(elapsed)) (\(transmissions) messages sent).",
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
