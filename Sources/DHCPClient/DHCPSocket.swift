import Foundation
import HostOS
import StructuredErrors
#if canImport(Glibc)
import Glibc
#endif

/// The client's UDP socket: `SO_REUSEADDR`, `SO_BROADCAST`, `SO_BINDTODEVICE(interface)`, bound to 0.0.0.0:68.
///
/// Not thread-safe and deliberately not Sendable: it is created, used and closed on one dedicated thread.
final class DHCPSocket {
    static let clientPort: UInt16 = 68
    static let serverPort: UInt16 = 67

    let interface: String
    /// The port datagrams are sent to (67; a test server uses this type with the ports swapped).
    let remotePort: UInt16
    private let fd: Int32

    /// Opens the socket on `interface`, bound to `0.0.0.0:localPort`.
    /// - Throws: `DHCPError` `.interfaceGone`, `.permissionDenied`, or `.backendFailed` for other socket errors.
    init(interface: String, localPort: UInt16 = clientPort, remotePort: UInt16 = serverPort) throws {
        self.interface = interface
        self.remotePort = remotePort
        guard interface.utf8.count < Int(IFNAMSIZ), !interface.isEmpty, !interface.contains("/") else {
            throw DHCPError(.interfaceGone, "\(interface.isEmpty ? "(empty)" : interface) is not a valid interface name.",
                            details: ["interface": .string(interface)])
        }
        let s = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard s >= 0 else { throw Self.error(errno, "socket()", interface) }
        fd = s
        var one: Int32 = 1
        let len = socklen_t(MemoryLayout<Int32>.size)
        guard setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, len) == 0,
              setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &one, len) == 0
        else { let e = errno; close(fd); throw Self.error(e, "setsockopt", interface) }
        var name = Array(interface.utf8CString)
        guard setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, &name, socklen_t(name.count)) == 0 else {
            let e = errno; close(fd); throw Self.error(e, "SO_BINDTODEVICE", interface)
        }
        var addr = Self.socketAddress(.any, port: localPort)
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { let e = errno; close(fd); throw Self.error(e, "bind 0.0.0.0:\(localPort)", interface) }
    }

    deinit { close(fd) }

    /// Sends one datagram to `destination:67` (`remotePort`).
    func send(_ bytes: [UInt8], to destination: IPv4Address) throws {
        var addr = Self.socketAddress(destination, port: remotePort)
        let n = bytes.withUnsafeBytes { buf in
            withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, buf.baseAddress, buf.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard n == bytes.count else { throw Self.error(errno, "sendto \(destination):\(remotePort)", interface) }
    }

    /// Waits for one datagram until `deadline`, in slices of at most 50 ms so cancellation is noticed.
    /// - Returns: the datagram, or nil when the deadline passed or `flag` was set.
    func receive(until deadline: ContinuousClock.Instant, flag: CancellationFlag) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 1500)
        while !flag.isCancelled {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n >= 0 { return Array(buffer.prefix(n)) }
            let e = errno
            guard e == EAGAIN || e == EWOULDBLOCK || e == EINTR else { throw Self.error(e, "recv", interface) }
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero { return nil }
            let ms = Int32(min(50, max(1, Int((left.seconds * 1000).rounded(.up)))))
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&p, 1, ms)
        }
        return nil
    }

    /// The interface's MAC address (SIOCGIFHWADDR on this socket, so it is read in the socket's namespace).
    func hardwareAddress() throws -> [UInt8] {
        var req = Self.ifreq(interface)
        guard ioctl(fd, UInt(SIOCGIFHWADDR), &req) == 0 else { throw Self.error(errno, "SIOCGIFHWADDR", interface) }
        return withUnsafeBytes(of: req.ifr_ifru.ifru_hwaddr.sa_data) { Array($0.prefix(6)) }
    }

    /// The interface flags (SIOCGIFFLAGS): up and running (carrier).
    func linkState() throws -> (up: Bool, running: Bool) {
        var req = Self.ifreq(interface)
        guard ioctl(fd, UInt(SIOCGIFFLAGS), &req) == 0 else { throw Self.error(errno, "SIOCGIFFLAGS", interface) }
        let flags = Int32(req.ifr_ifru.ifru_flags)
        return (flags & Int32(IFF_UP) != 0, flags & Int32(IFF_RUNNING) != 0)
    }

    private static func ifreq(_ name: String) -> Glibc.ifreq {
        var req = Glibc.ifreq()
        withUnsafeMutableBytes(of: &req.ifr_ifrn.ifrn_name) { dst in
            for (i, b) in name.utf8.prefix(dst.count - 1).enumerated() { dst[i] = b }
        }
        return req
    }

    private static func socketAddress(_ a: IPv4Address, port: UInt16) -> sockaddr_in {
        var s = sockaddr_in()
        s.sin_family = sa_family_t(AF_INET)
        s.sin_port = port.bigEndian
        s.sin_addr = in_addr(s_addr: a.value.bigEndian)
        return s
    }

    /// Maps an errno from a socket call to the DHCP error a user can act on.
    static func error(_ e: Int32, _ operation: String, _ interface: String) -> DHCPError {
        let text = String(cString: strerror(e))
        let details: [String: ErrorDetail] = ["interface": .string(interface), "errno": .int(Int(e)), "operation": .string(operation)]
        switch e {
        case EPERM, EACCES:
            return DHCPError(.permissionDenied, "\(operation) on \(interface) was refused: \(text).", details: details)
        case ENODEV, ENXIO:
            return DHCPError(.interfaceGone, "Interface \(interface) does not exist (\(operation): \(text)).", details: details)
        case ENETDOWN, ENETUNREACH, EHOSTUNREACH:
            return DHCPError(.interfaceDown, "Interface \(interface) is down (\(operation): \(text)).", details: details)
        case EADDRINUSE:
            return DHCPError(.backendFailed, "UDP port 68 on \(interface) is taken by another program (\(text)).",
                             hint: "Stop the other DHCP client on \(interface) or choose its backend.", details: details)
        default:
            return DHCPError(.backendFailed, "\(operation) on \(interface) failed: \(text).", details: details)
        }
    }
}
