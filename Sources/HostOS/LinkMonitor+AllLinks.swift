import Foundation
public import Logging
#if canImport(Glibc)
import Glibc
#endif

extension LinkMonitor {
    /// Every interface's link state as the kernel announces it (rtnetlink `RTMGRP_LINK`), starting with a dump of the
    /// interfaces present, then additions, changes and removals (`removed`). A state equal to the last one of the same
    /// interface is dropped. Read on a dedicated thread as ``states(of:networkNamespace:logger:)`` is; the stream ends
    /// when it is released or the consuming task is cancelled.
    /// - Parameter networkNamespace: a `/run/netns/NAME` path to watch from, or nil for the current namespace.
    /// - Throws: `HostFailure` (`permissionDenied` or `failed`) when the netlink socket cannot be opened.
    public static func allStates(networkNamespace: String? = nil, logger: Logger = Logger(label: "eapolctl.link"))
        async throws -> AsyncStream<LinkState> {
        let (stream, continuation) = AsyncStream.makeStream(of: LinkState.self, bufferingPolicy: .bufferingNewest(256))
        let flag = CancellationFlag()
        continuation.onTermination = { _ in flag.cancel() }
        try await withCheckedThrowingContinuation { (opened: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                do {
                    if let ns = networkNamespace { try DedicatedThread.enterNetworkNamespace(ns) }
                    let fd = try openSocket(interface: "every interface")
                    opened.resume()
                    defer { close(fd) }
                    requestDump(fd)
                    readEveryLink(fd: fd, flag: flag, logger: logger) { continuation.yield($0) }
                } catch {
                    opened.resume(throwing: error)
                }
                continuation.finish()
            }
            thread.name = "eapolctl-rtnetlink-all"
            thread.start()
        }
        return stream
    }

    private static func readEveryLink(fd: Int32, flag: CancellationFlag, logger: Logger, yield: (LinkState) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var last: [String: LinkState] = [:]
        while !flag.isCancelled {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 100) <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 {
                let e = errno
                if e == EAGAIN || e == EINTR { continue }
                if e == ENOBUFS {
                    // Messages were dropped: forget what was reported and ask for every link again.
                    last.removeAll()
                    requestDump(fd)
                    continue
                }
                logger.debug("rtnetlink recv failed (every link)", metadata: ["errno": "\(e)"])
                return
            }
            for state in parse(Array(buffer[0..<n]), interface: nil) where last[state.interface] != state {
                last[state.interface] = state.removed ? nil : state
                yield(state)
            }
        }
    }
}
