#if canImport(Glibc)
import Glibc
#endif

/// Sends one IEEE 802.1X EAPOL-Start frame on a wired port: the frame wpa_supplicant itself sends when the
/// authenticator does not speak first (after its `startWhen` timer, about 2 s), sent earlier.
///
/// The frame is `version 1, type 1 (Start), body length 0` — wpa_supplicant's default `eapol_version` is 1 —
/// addressed to the PAE group address 01:80:C2:00:00:03 with ethertype 0x888E. The socket is `AF_PACKET`/`SOCK_DGRAM`
/// (the kernel builds the Ethernet header), non-blocking, opened, used once and closed; it needs `CAP_NET_RAW`.
public enum EAPOLStart {
    /// What happened to the frame.
    public enum Result: Sendable, Equatable {
        case sent
        /// No `CAP_NET_RAW`: the caller falls back to the supplicant's own timer.
        case notPermitted
        /// The interface has no index (it vanished).
        case noSuchInterface
        /// Any other socket error (errno).
        case failed(errno: Int32)
    }

    /// The PAE group address (IEEE 802.1X "nearest non-TPMR bridge").
    public static let paeGroupAddress: [UInt8] = [0x01, 0x80, 0xC2, 0x00, 0x00, 0x03]
    /// The EAPOL ethertype.
    public static let ethertype: UInt16 = 0x888E
    /// The frame: protocol version 1, packet type 1 (EAPOL-Start), body length 0.
    public static let frame: [UInt8] = [0x01, 0x01, 0x00, 0x00]

    /// The destination `struct sockaddr_ll` (linux/if_packet.h, not exported by Swift's Glibc module), built byte by
    /// byte in host order except where noted: family u16 (`AF_PACKET`), protocol u16 (network order), ifindex i32,
    /// hatype u16, pkttype u8, halen u8 (6), addr[8] (the PAE group address, zero-padded).
    static func socketAddress(interfaceIndex index: UInt32) -> [UInt8] {
        var address = [UInt8](repeating: 0, count: 20)
        #if canImport(Glibc)
        withUnsafeBytes(of: UInt16(AF_PACKET)) { address.replaceSubrange(0..<2, with: $0) }
        #endif
        withUnsafeBytes(of: ethertype.bigEndian) { address.replaceSubrange(2..<4, with: $0) }
        withUnsafeBytes(of: Int32(bitPattern: index)) { address.replaceSubrange(4..<8, with: $0) }
        address[11] = 6
        address.replaceSubrange(12..<18, with: paeGroupAddress)
        return address
    }

    /// Sends the frame on `interface` (non-blocking; returns at once).
    public static func send(interface: String) -> Result {
        #if canImport(Glibc)
        let index = if_nametoindex(interface)
        guard index != 0 else { return .noSuchInterface }
        let fd = socket(AF_PACKET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                        Int32(ethertype.bigEndian))
        guard fd >= 0 else { return errno == EPERM || errno == EACCES ? .notPermitted : .failed(errno: errno) }
        defer { close(fd) }
        let address = socketAddress(interfaceIndex: index)
        let sent = frame.withUnsafeBytes { body in
            address.withUnsafeBytes { raw in
                sendto(fd, body.baseAddress, body.count, 0, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self),
                       socklen_t(raw.count))
            }
        }
        if sent == frame.count { return .sent }
        return errno == EPERM || errno == EACCES ? .notPermitted : .failed(errno: errno)
        #else
        return .notPermitted
        #endif
    }
}
