public import StructuredErrors

/// Failures talking to wpa_supplicant itself: not running, interface problems, rejected configuration (exit status 69).
public typealias SupplicantError = DomainError<SupplicantErrorCode>

/// The stable codes of the `supplicant` domain (701…).
public struct SupplicantErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case notRunning = 701
        case interfaceUnknown = 702
        case interfaceCreateFailed = 703
        case interfaceBusy = 704
        case invalidNetworkConfig = 705
        case blobFailed = 706
        case vanished = 707
        case unexpectedState = 708
        case outcomeUnconfirmed = 709
        case interworkingUnsupported = 710
        case roamFailed = 711
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    /// The name `fi.w1.wpa_supplicant1` has no owner on the system bus.
    public static let notRunning = Self(.notRunning)
    /// The network interface does not exist.
    public static let interfaceUnknown = Self(.interfaceUnknown)
    /// wpa_supplicant could not attach to the interface.
    public static let interfaceCreateFailed = Self(.interfaceCreateFailed)
    /// The interface is managed by NetworkManager, or wpa_supplicant's interface holds networks of another program
    /// (`InterfaceClaim` in Orchestration).
    public static let interfaceBusy = Self(.interfaceBusy)
    /// A network property would be refused by wpa_supplicant; the message names the key.
    public static let invalidNetworkConfig = Self(.invalidNetworkConfig)
    /// Adding or removing a certificate or key blob failed.
    public static let blobFailed = Self(.blobFailed)
    /// wpa_supplicant exited while an operation was in progress.
    public static let vanished = Self(.vanished)
    /// wpa_supplicant reported a state the client did not expect.
    public static let unexpectedState = Self(.unexpectedState)
    /// Signals said the attempt succeeded, but wpa_supplicant's own State, CurrentNetwork or CurrentAuthMode, read
    /// with method calls, do not confirm it.
    public static let outcomeUnconfirmed = Self(.outcomeUnconfirmed)
    /// wpa_supplicant lacks Passpoint (interworking / Hotspot 2.0) support: no `AddCred`, `InterworkingSelect`.
    public static let interworkingUnsupported = Self(.interworkingUnsupported)
    /// wpa_supplicant refused a roam, or did not complete it on the BSS asked for in time.
    public static let roamFailed = Self(.roamFailed)

    public static let domain = ErrorDomain.supplicant
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .notRunning:
            info("not-running", "wpa_supplicant is not running or not reachable on the system D-Bus.",
                 "Start it with D-Bus control enabled: `systemctl start wpa_supplicant`, or run `wpa_supplicant -u`.")
        case .interfaceUnknown:
            info("interface-unknown", "The network interface named in the message does not exist.",
                 "Check the interface name with `ip link`.")
        case .interfaceCreateFailed:
            info("interface-create-failed", "wpa_supplicant could not take control of the network interface.",
                 "Check that the interface is up-able and that the driver (wired or nl80211) matches the interface type.")
        case .interfaceBusy:
            info("interface-busy",
                 "The network interface is managed by another program: NetworkManager, or networks another program added to wpa_supplicant.",
                 "Hand it to eapolctl: `nmcli device set IF managed no`, or "
                     + "`eapolctl auth start --interface IF --profile PROFILE --take-over`; or stop the program named in the message.")
        case .invalidNetworkConfig:
            info("invalid-network-config", "A network setting would be refused by wpa_supplicant.",
                 "Fix the profile field named in the message.")
        case .blobFailed:
            info("blob-failed", "wpa_supplicant refused a certificate or key blob.",
                 "Check the certificate or key named in the message; remove stale blobs by restarting wpa_supplicant.")
        case .vanished:
            info("vanished", "wpa_supplicant exited while the operation was in progress.",
                 "Check `journalctl -u wpa_supplicant` for a crash, then run the command again.")
        case .unexpectedState:
            info("unexpected-state", "wpa_supplicant reported a state eapolctl did not expect.",
                 "Check `eapolctl auth state --interface IF --json`, run the command again, and if it repeats report the state "
                     + "named in the message.")
        case .outcomeUnconfirmed:
            info("outcome-unconfirmed", "Signals reported success, but wpa_supplicant's own state does not confirm it.",
                 "Check `eapolctl auth state --interface IFACE`; if another process is sending signals on the system bus (busctl monitor), find and stop it.")
        case .interworkingUnsupported:
            info("interworking-unsupported", "wpa_supplicant was built without Passpoint (interworking, Hotspot 2.0) support.",
                 "Install a wpa_supplicant built with CONFIG_INTERWORKING and CONFIG_HS20 (Debian's is), or connect to the "
                     + "network by SSID with a Wi-Fi profile: `eapolctl profile create --name NAME --ssid SSID ...`.")
        case .roamFailed:
            info("roam-failed", "wpa_supplicant did not roam to the access point named in the message.",
                 "Check that the BSSID is an access point of the same SSID in range (`eapolctl auth state --interface IF`), "
                     + "then retry: `eapolctl auth roam --interface IF --bssid BSSID`.")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}
