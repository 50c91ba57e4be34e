public import DHCPClient
public import Foundation
public import HostOS
public import SupplicantClient

extension WatchEvent {
    /// The events of `watch`, with typed values (never secrets).
    public enum Kind: Sendable, Equatable {
        /// `dhcp`: nil for no DHCP; `profile`: the profile's name, when one was given or found.
        case started(interface: String, dhcp: DHCPBackend?, pid: Int32, profile: String?)
        case link(LinkChange, LinkState, interface: String)
        /// rtnetlink stopped delivering: link changes are no longer followed.
        case linkMonitorFailed(interface: String)
        case waiting(WatchWaitReason)
        /// Link back: Reassociate (and an EAPOL-Start on wired ports) follow.
        case reauthenticating(reason: WatchAuthenticationReason)
        case eapolStart(EAPOLStart.Result)
        /// The link came back but State did not return to `completed` in time.
        case reauthenticationPending(state: SupplicantState)
        /// `retryIn`: when the next try comes (nil when none is scheduled).
        case reauthenticationFailed(EventError, retryIn: Duration?)
        case stateChange(SupplicantState)
        /// A `completed` signal that wpa_supplicant's own answers did not confirm (`state`, `authMode`, whether the
        /// current network is the profile's).
        case stateUnconfirmed(state: SupplicantState, authMode: String, profileNetwork: Bool)
        /// Confirming a `completed` signal failed.
        case stateCheckFailed(EventError)
        /// The EAP status `started` (`parameter`: its parameter, usually empty).
        case eapStarted(parameter: String)
        /// The EAP status `completion` (`result`: `success` or `failure`).
        case eapCompleted(result: String)
        /// A full authentication (interface, network, blobs) with the profile named `profile`.
        case authenticating(profile: String, reason: WatchAuthenticationReason)
        /// `resumed`: whether the TLS session was resumed, when an exchange was seen; `sinceTrigger`: time since the
        /// cycle's trigger.
        case authenticated(reason: WatchAuthenticationReason, authMode: String?, resumed: Bool?, trigger: WatchTrigger?,
                           sinceTrigger: Duration?)
        case dhcpStarted(backend: DHCPBackend)
        case dhcpBound(DHCPBound)
        /// `nextAttempt`: when the builtin client's keeper tries again.
        case dhcpFailed(EventError, nextAttempt: Date?)
        case leaseRenewed(DHCPResult)
        case leaseRebinding(leaseEndsAt: Date)
        case leaseExpired(address: IPv4Address)
        /// A login-window list's round (LoginWindowEvent.swift).
        case loginWindow(LoginWindowEvent)
        case supplicantVanished
        case supplicantReturned
        case stopping
        /// The interface completed on another access point (`from` → `to`); DHCP follows.
        case roamed(Roam)
    }
}

extension WatchEvent.Kind {
    /// The event's stable kebab-case name (the `event` of its JSON line).
    public var name: String {
        switch self {
        case .started: "started"
        case .link(let change, _, _): change.rawValue
        case .linkMonitorFailed: "link-monitor-failed"
        case .waiting: "waiting"
        case .reauthenticating: "reauthenticating"
        case .eapolStart: "eapol-start"
        case .reauthenticationPending: "reauthentication-pending"
        case .reauthenticationFailed: "reauthentication-failed"
        case .stateChange: "state-change"
        case .stateUnconfirmed, .stateCheckFailed: "state-unconfirmed"
        case .eapStarted: "eap-started"
        case .eapCompleted: "eap-completed"
        case .authenticating: "authenticating"
        case .authenticated: "authenticated"
        case .dhcpStarted: "dhcp-started"
        case .dhcpBound: "dhcp-bound"
        case .dhcpFailed: "dhcp-failed"
        case .leaseRenewed: "lease-renewed"
        case .leaseRebinding: "lease-rebinding"
        case .leaseExpired: "lease-expired"
        case .loginWindow(let event): event.name
        case .supplicantVanished: "supplicant-vanished"
        case .supplicantReturned: "supplicant-returned"
        case .stopping: "stopping"
        case .roamed: "roamed"
        }
    }
}
