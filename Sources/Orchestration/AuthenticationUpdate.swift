public import DHCPClient
public import ProfileModel
public import SupplicantClient

/// One progress event of an authentication (or a probe, or `auth start`'s DHCP), with its time since the command
/// started. The output layer alone turns it into a JSON line or a terminal line.
public struct AuthenticationUpdate: Sendable, Equatable {
    /// What happened.
    public let kind: Kind
    /// Time since ``Authenticator/authenticate(profile:options:progress:)`` (or the probe) began.
    public let elapsed: Duration

    public init(_ kind: Kind, elapsed: Duration) {
        self.kind = kind
        self.elapsed = elapsed
    }

    /// The events, with typed values (never secrets).
    public enum Kind: Sendable, Equatable {
        /// First event: the verified wpa_supplicant that gets the secrets, and on which bus.
        case supplicant(SupplicantPeer)
        /// The interface wpa_supplicant controls (created now or existing).
        case interfaceReady(SupplicantInterface)
        /// `--take-over`: NetworkManager was told to leave the interface alone (its device's `Managed` set to false).
        case networkManagerReleased(interface: String, release: NetworkManagerRelease)
        /// `--take-over`: wpa_supplicant's interface holds `count` networks of others; they stay, disabled by the select.
        case foreignNetworksKept(interface: String, count: Int)
        /// The profile is used other than as bound (a Wi-Fi profile's EAP settings on a wired port).
        case portUse(PortUse, interface: String, profile: String, ssid: SSID?)
        /// A plan warning (e.g. a pin wins over the CA).
        case warning(String)
        /// Networks and blobs of an earlier run removed.
        case staleRemoved(networks: Int, blobs: Int)
        case networkSelected(network: String, anchor: TrustAnchor)
        /// A second `auth start` re-authenticates on the network the first left (`state`: wpa_supplicant's State).
        case networkReused(network: String, state: SupplicantState)
        /// Re-authenticating on that network failed; a full attempt follows.
        case networkReuseFailed(network: String, error: EventError)
        /// An EAPOL-Start (the `count`-th of this attempt).
        case eapolStart(EAPOLStart.Result, count: Int)
        /// No answer to `unanswered` EAPOL-Starts right after a failure `failureAge` ago (802.1X quiet period).
        case quietPeriod(interface: String, unanswered: Int, failureAge: Duration)
        /// No authenticator answered and the caller accepts an open port.
        case openPort(interface: String)
        /// The EAP exchange as ``AuthenticationTracker`` reports it.
        case exchange(AuthenticationProgress)
        /// What wpa_supplicant answered to method calls before success was reported.
        case outcomeConfirmed(state: SupplicantState, authMode: String, network: String)
        /// The first anchor failed; the next candidate CA is tried.
        case caRetry(anchor: TrustAnchor, reason: String)
        /// EAP-FAST: a PAC was stored, or the run authenticates again with a PAC it just provisioned.
        case fastPAC(FASTPACEvent)
        /// `auth start`'s DHCP began.
        case dhcpStarted(backend: DHCPBackend, interface: String)
        /// `auth start`'s DHCP bound an address.
        case dhcpBound(DHCPBound)
        /// The probe network is selected.
        case probeStarted(network: String, identity: String, methods: [NetworkSpec.OuterMethod])
        /// One certificate the probed server presented.
        case probeCertificate(depth: Int, subject: String, sha256: String)
        /// The interface's State during a probe.
        case probeState(SupplicantState)
        /// The probe network is removed.
        case networkRemoved(network: String)
        /// One active scan of these frequencies comes before SelectNetwork (``ScanHint``).
        case scanHint(ScanHint)
        /// The remembered association was not used (the text says why); every channel is scanned.
        case scanHintIgnored(reason: AssociationRefusal)
        /// The hint did not serve (the hinted scan held no access point of the network, did not end in time, or
        /// failed): wpa_supplicant scans every channel. `after`: time since the hinted scan was asked for.
        case scanHintFallback(reason: ScanHintMonitor.Reason, after: Duration, network: String)
    }
}

extension AuthenticationUpdate.Kind {
    /// The event's stable kebab-case name (the `event` of its JSON line).
    public var name: String {
        switch self {
        case .supplicant: "supplicant"
        case .interfaceReady: "interface-ready"
        case .networkManagerReleased: "network-manager-released"
        case .foreignNetworksKept: "foreign-networks-kept"
        case .portUse: "port-use"
        case .warning: "warning"
        case .staleRemoved: "stale-removed"
        case .networkSelected: "network-selected"
        case .networkReused: "network-reused"
        case .networkReuseFailed: "network-reuse-failed"
        case .eapolStart: "eapol-start"
        case .quietPeriod: "quiet-period"
        case .openPort: "open-port"
        case .exchange(let progress): progress.name
        case .outcomeConfirmed: "outcome-confirmed"
        case .caRetry: "ca-retry"
        case .fastPAC(let event): event.name
        case .dhcpStarted: "dhcp-started"
        case .dhcpBound: "dhcp-bound"
        case .probeStarted: "probe-started"
        case .probeCertificate: "server-certificate"
        case .probeState: "state"
        case .networkRemoved: "network-removed"
        case .scanHint: "scan-hint"
        case .scanHintIgnored: "scan-hint-ignored"
        case .scanHintFallback: "scan-hint-fallback"
        }
    }
}
