public import SupplicantClient

/// The result of a successful (or, with `wait == false`, started) authentication.
public struct AuthenticationReport: Sendable {
    /// How the run ended.
    public var status: AuthenticationStatus
    public var interfaceName: String
    /// The interface's D-Bus path.
    public var interfacePath: String
    /// The network object eapolctl added (kept after success so re-authentication works; `auth stop` removes it).
    public var networkPath: String
    public var profileID: String
    public var profileName: String
    /// e.g. `EAP-PEAP`; nil when not waited for.
    public var authMode: String?
    /// The server chain, leaf first.
    public var serverChain: [ServerCertificate]
    public var serverValidated: Bool
    /// Whole-run time.
    public var elapsed: Duration
    /// The deciding EAP exchange alone.
    public var eapExchange: Duration?
    /// True when the interface was created by this run.
    public var interfaceCreated: Bool
    /// The trust anchor that worked.
    public var anchor: TrustAnchor
    /// Plan warnings.
    public var warnings: [String]
    /// True when the deciding EAP exchange resumed an earlier TLS session (see `SessionResumptionDetector`).
    public var resumed: Bool = false
    /// How the profile was used on this port (a Wi-Fi profile on an Ethernet port uses its EAP settings only).
    public var portUse: PortUse = .asBound
    /// EAP-FAST: what became of the PAC (nil for other methods, and when none was sent or provisioned).
    public var pac: PACUse? = nil
    /// EAP-FAST: the first exchange provisioned a PAC and ended in failure; the run authenticated again with it.
    public var pacRetried: Bool = false
    /// Passpoint: the access point the interworking selection matched (nil for other profiles).
    public var passpoint: PasspointSelection? = nil
    /// What `--take-over` took from NetworkManager or from other networks on the interface; nil when nothing.
    public var takeOver: TakeOver? = nil
    /// Wi-Fi: the access point associated with at the end (frequency, BSSID); nil on wired ports or when unknown.
    public var bss: BSSDescription? = nil
    /// The scan hint the run used (nil when it scanned every channel from the start).
    public var scanHint: ScanHint? = nil
    /// Why the run gave the scan hint up and scanned every channel; nil when the hint found the network.
    public var scanHintFallback: ScanHintMonitor.Reason? = nil
}

/// How an authentication run ended; the output layer prints the raw value.
public enum AuthenticationStatus: String, Sendable, Hashable, Encodable {
    case authenticated
    /// The caller did not wait for the outcome.
    case started
    /// No 802.1X authenticator answered and the caller accepts open ports: nothing was authenticated.
    case openPort = "open-port"

    /// The port may be used now (DHCP runs): authenticated, or an accepted open port.
    public var portUsable: Bool { self == .authenticated || self == .openPort }
}
