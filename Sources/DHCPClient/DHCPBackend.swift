/// Which DHCP client obtains the lease for an interface.
public enum DHCPBackend: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// eapolctl's own RFC 2131 client (a UDP socket; fast INIT-REBOOT).
    case builtin
    /// ISC dhclient (Debian package `isc-dhcp-client`).
    case dhclient
    /// dhcpcd (Debian package `dhcpcd-base`, or `dhcpcd5` on older releases).
    case dhcpcd
    /// BusyBox udhcpc (Debian package `udhcpc`).
    case udhcpc
    /// Do not run DHCP at all (static addressing, or another manager handles it).
    case none

    public var description: String { rawValue }

    /// The program an external backend runs, or nil for `builtin` and `none`.
    public var executableName: String? {
        switch self {
        case .dhclient, .dhcpcd, .udhcpc: rawValue
        case .builtin, .none: nil
        }
    }

    /// The Debian package that provides the program of an external backend.
    public var debianPackage: String? {
        switch self {
        case .dhclient: "isc-dhcp-client"
        case .dhcpcd: "dhcpcd-base"
        case .udhcpc: "udhcpc"
        case .builtin, .none: nil
        }
    }
}
