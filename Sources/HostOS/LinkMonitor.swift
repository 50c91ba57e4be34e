import Foundation
public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Follows one interface's link state through rtnetlink (`RTMGRP_LINK`): carrier and operstate changes, removal.
///
/// The netlink socket is read on a dedicated thread (non-blocking, `poll` in 100 ms slices), never on Swift's
/// cooperative pool; the stream ends when the consuming task is cancelled or the stream is released (the thread
/// then closes the socket within one slice).
public enum LinkMonitor {
    /// The link states of `interface` as the kernel announces them (duplicates of the previous state are dropped),
    /// starting with the current state.
    /// - Parameters:
    ///   - networkNamespace: a `/run/netns/NAME` path to watch from, or nil for the current namespace.
    ///   - logger: receives a debug trace of the reader (datagrams, decoded states, end of the stream).
    /// - Throws: `HostFailure` (`permissionDenied` or `failed`) when the netlink socket cannot be opened.
    public static func states(of interface: String, networkNamespace: String? = nil,
                              logger: Logger = Logger(label: "eapolctl.link")) async throws
        -> AsyncStream<LinkState> {
        try await start(interface: interface, networkNamespace: networkNamespace, buffering: 32,
                        threadName: "eapolctl-rtnetlink", logger: logger)
    }

    /// Opens the socket on a dedicated thread (in `networkNamespace`), asks for a dump and reads until the stream is
    /// released; `interface` nil follows every interface.
    static func start(interface: String?, networkNamespace: String?, buffering: Int, threadName: String,
                      logger: Logger) async throws -> AsyncStream<LinkState> {
        let label = interface ?? "every interface"
        let (stream, continuation) = AsyncStream.makeStream(of: LinkState.self, bufferingPolicy: .bufferingNewest(buffering))
        let flag = CancellationFlag()
        continuation.onTermination = { reason in
            logger.debug("rtnetlink stream terminated", metadata: ["link.interface": "\(label)", "reason": "\(reason)"])
            flag.cancel()
        }
        // The reader thread reports whether the socket opened (setns, socket, bind) before it starts reading; the
        // caller awaits that without holding a cooperative thread.
        try await withCheckedThrowingContinuation { (opened: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                do {
                    if let ns = networkNamespace { try DedicatedThread.enterNetworkNamespace(ns) }
                    let fd = try openSocket(interface: label)
                    opened.resume()
                    defer { close(fd) }
                    requestDump(fd)
                    readLoop(fd: fd, tracker: LinkStateTracker(interface: interface), flag: flag, logger: logger) {
                        continuation.yield($0)
                    }
                } catch {
                    opened.resume(throwing: error)
                }
                continuation.finish()
            }
            thread.name = threadName
            thread.start()
        }
        return stream
    }

    private static let nlmsgError: UInt16 = 2
    private static let nlmsgDone: UInt16 = 3
    private static let rtmNewLink: UInt16 = 16
    private static let rtmDelLink: UInt16 = 17
    private static let rtmGetLink: UInt16 = 18
    private static let iflaIfname: UInt16 = 3
    private static let iflaOperstate: UInt16 = 16
    private static let iflaCarrier: UInt16 = 33
    private static let iffUp: UInt32 = 0x1
    private static let iffLowerUp: UInt32 = 0x10000

    /// - Parameter interface: names the interface (or "every interface") in the error.
    static func openSocket(interface: String) throws -> Int32 {
        let fd = socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue),
                        0 /* NETLINK_ROUTE */)
        guard fd >= 0 else { throw failure("socket(AF_NETLINK)", interface) }
        // struct sockaddr_nl { sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; }
        // (<linux/netlink.h> is not in the Glibc module): family AF_NETLINK, pid 0 (kernel assigns), groups
        // RTMGRP_LINK (1).
        var addr: (UInt16, UInt16, UInt32, UInt32) = (UInt16(AF_NETLINK), 0, 0, 1)
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, 12) }
        }
        guard rc == 0 else {
            let error = failure("bind(RTMGRP_LINK)", interface)
            close(fd)
            throw error
        }
        return fd
    }

    private static func failure(_ call: String, _ interface: String) -> HostFailure {
        let e = errno
        return HostFailure(e == EPERM || e == EACCES ? .permissionDenied : .failed,
                           "Cannot follow the link of \(interface): \(call) failed: \(String(cString: strerror(e)))",
                           details: ["interface": .string(interface), "errno": .int(Int(e))])
    }

    /// Sends RTM_GETLINK with NLM_F_DUMP so the current state arrives first.
    static func requestDump(_ fd: Int32) {
        var msg = [UInt8](repeating: 0, count: 32)   // nlmsghdr (16) + ifinfomsg (16)
        func put32(_ v: UInt32, _ at: Int) { withUnsafeBytes(of: v) { for i in 0..<4 { msg[at + i] = $0[i] } } }
        func put16(_ v: UInt16, _ at: Int) { withUnsafeBytes(of: v) { for i in 0..<2 { msg[at + i] = $0[i] } } }
        put32(32, 0)
        put16(rtmGetLink, 4)
        put16(0x1 | 0x300, 6)   // NLM_F_REQUEST | NLM_F_DUMP
        put32(1, 8)
        msg[16] = UInt8(AF_UNSPEC)
        _ = msg.withUnsafeBytes { send(fd, $0.baseAddress, 32, 0) }
    }

    private static func readLoop(fd: Int32, tracker: LinkStateTracker, flag: CancellationFlag, logger: Logger,
                                 yield: (LinkState) -> Void) {
        var tracker = tracker
        let label = tracker.interface ?? "every interface"
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        defer { logger.debug("rtnetlink reader ends", metadata: ["link.interface": "\(label)", "cancelled": "\(flag.isCancelled)"]) }
        while !flag.isCancelled {
            if tracker.needsDump {
                tracker.dumpRequested()
                requestDump(fd)
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 100)
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 {
                let e = errno
                if e == EAGAIN || e == EINTR { continue }
                if e == ENOBUFS {
                    // The kernel dropped link messages (our socket buffer overflowed): what we reported may be
                    // stale, and links may have gone; the tracker asks for a dump and reports what changed.
                    logger.debug("rtnetlink overrun; re-reading the link state", metadata: ["link.interface": "\(label)"])
                    tracker.overrun()
                    continue
                }
                logger.debug("rtnetlink recv failed", metadata: ["link.interface": "\(label)", "result": "\(n)", "errno": "\(e)"])
                return
            }
            let states = tracker.receive(parse(Array(buffer[0..<n]), interface: tracker.interface))
            logger.debug("rtnetlink datagram", metadata: ["link.interface": "\(label)", "bytes": "\(n)", "states": "\(states)"])
            states.forEach(yield)
        }
    }

    /// Decodes one datagram: the RTM_NEWLINK / RTM_DELLINK messages of `interface` (nil: of every interface), the
    /// end of a dump and refused requests.
    static func parse(_ data: [UInt8], interface: String?) -> [LinkStateTracker.Message] {
        func u16(_ at: Int) -> UInt16 { UInt16(data[at]) | UInt16(data[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(data[at + $1]) << (8 * $1) } }
        var out: [LinkStateTracker.Message] = []
        var offset = 0
        while offset + 16 <= data.count {
            let length = Int(u32(offset))
            guard length >= 16, offset + length <= data.count else { break }
            let type = u16(offset + 4)
            if type == nlmsgDone {
                out.append(.dumpDone)
            } else if type == nlmsgError, length >= 20, u32(offset + 16) != 0 {
                out.append(.dumpFailed)
            } else if (type == rtmNewLink || type == rtmDelLink), length >= 32 {
                let flags = u32(offset + 16 + 8)
                var name: String?
                var operstate: UInt8?
                var carrier: UInt8?
                var a = offset + 32
                while a + 4 <= offset + length {
                    let alen = Int(u16(a))
                    let atype = u16(a + 2) & 0x3FFF
                    guard alen >= 4, a + alen <= offset + length else { break }
                    let payload = Array(data[(a + 4)..<(a + alen)])
                    switch atype {
                    case iflaIfname: name = String(decoding: payload.prefix { $0 != 0 }, as: UTF8.self)
                    case iflaOperstate: operstate = payload.first
                    case iflaCarrier: carrier = payload.first
                    default: break
                    }
                    a += (alen + 3) & ~3
                }
                if let name, interface == nil || name == interface {
                    out.append(.link(LinkState(
                        interface: name, adminUp: flags & iffUp != 0,
                        carrier: carrier.map { $0 != 0 } ?? (flags & iffLowerUp != 0),
                        operstate: operstateName(operstate), removed: type == rtmDelLink)))
                }
            }
            offset += (length + 3) & ~3
        }
        return out
    }

    private static func operstateName(_ value: UInt8?) -> String {
        switch value {
        case 1: "notpresent"
        case 2: "down"
        case 3: "lowerlayerdown"
        case 4: "testing"
        case 5: "dormant"
        case 6: "up"
        default: "unknown"
        }
    }
}
