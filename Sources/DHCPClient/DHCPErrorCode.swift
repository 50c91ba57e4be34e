public import StructuredErrors

/// Failures of the DHCP renew trigger and its backends (exit status 72, codes 901…).
public typealias DHCPError = DomainError<DHCPErrorCode>

/// The stable codes of the DHCP domain.
public struct DHCPErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case noServer = 901
        case nak = 902
        case interfaceDown = 903
        case interfaceGone = 904
        case backendMissing = 905
        case backendFailed = 906
        case permissionDenied = 907
        case invalidLease = 908
        case clientChanged = 909
        case unsafeRuntimePath = 910
        case unusableReply = 911
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    /// No DHCP server answered within the timeout.
    public static let noServer = Self(.noServer)
    /// The server refused the requested address (DHCPNAK) and no new lease could be obtained.
    public static let nak = Self(.nak)
    /// The interface exists but is administratively down or has no carrier.
    public static let interfaceDown = Self(.interfaceDown)
    /// The interface does not exist (any more).
    public static let interfaceGone = Self(.interfaceGone)
    /// The external DHCP client program is not installed.
    public static let backendMissing = Self(.backendMissing)
    /// The external DHCP client program failed or no address arrived.
    public static let backendFailed = Self(.backendFailed)
    /// The operation needs root or CAP_NET_RAW / CAP_NET_ADMIN / CAP_NET_BIND_SERVICE.
    public static let permissionDenied = Self(.permissionDenied)
    /// A lease (received or recorded) is malformed or unusable.
    public static let invalidLease = Self(.invalidLease)
    /// The DHCP client process eapolctl identified is gone or was replaced before eapolctl could signal it.
    public static let clientChanged = Self(.clientChanged)
    /// The runtime directory for dhclient's pid and lease files (or a file in it) is not safe to use.
    public static let unsafeRuntimePath = Self(.unsafeRuntimePath)
    /// DHCP servers answered, but every offer or acknowledgement was unusable (bad address, prefix or router).
    public static let unusableReply = Self(.unusableReply)

    public static let domain = ErrorDomain.dhcp
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .noServer:
            info("no-server", "No DHCP server answered on the interface within the timeout.",
                 "Check that the link is authenticated and a DHCP server serves this network; try a longer --timeout.")
        case .nak:
            info("nak", "The DHCP server refused the request (DHCPNAK).",
                 "Run the command again to get a fresh lease; if it repeats, check the server's address pool and configuration.")
        case .interfaceDown:
            info("interface-down", "The network interface is down or has no carrier.",
                 "Bring the interface up (`ip link set dev IF up`) and check the cable or association.")
        case .interfaceGone:
            info("interface-gone", "The network interface does not exist.",
                 "Check the interface name with `ip link`; it may have been renamed or removed.")
        case .backendMissing:
            info("backend-missing", "The selected external DHCP client is not installed.",
                 "Install the Debian package named in the message, or use the builtin backend.")
        case .backendFailed:
            info("backend-failed", "The external DHCP client failed or did not configure an address.",
                 "Read the exit status and output lines in the details; try the builtin backend.")
        case .permissionDenied:
            info("permission-denied", "DHCP needs root or the capabilities CAP_NET_RAW, CAP_NET_ADMIN and CAP_NET_BIND_SERVICE.",
                 "Run eapolctl with sudo, or grant it those capabilities with setcap.")
        case .invalidLease:
            info("invalid-lease", "A DHCP lease received from the server or recorded on disk is malformed or unusable.",
                 "Delete the recorded lease file named in the message and renew again; check the server's options.")
        case .clientChanged:
            info("client-changed", "The DHCP client process eapolctl identified exited or was replaced before it could be signalled; no signal was sent.",
                 "Run `eapolctl dhcp renew --interface IF` again: it identifies the running client afresh.")
        case .unsafeRuntimePath:
            info("unsafe-runtime-path",
                 "The runtime directory for DHCP client files, or a file in it, is a symbolic link, of the wrong type, owned by another user or open to other users.",
                 "Remove the path named in the message (eapolctl recreates it, mode 0700) and run `eapolctl dhcp renew --interface IF` again.")
        case .unusableReply:
            info("unusable-reply",
                 "DHCP servers answered, but every offer or acknowledgement named an unusable address, prefix or router; nothing was applied.",
                 "A misconfigured or rogue DHCP server answers on this network: report the servers and reasons in the details to the network's administrator, then run `eapolctl dhcp renew --interface IF` again.")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}
