import Orchestration
import SupplicantClient

/// `{"result": {...}}` of `auth start`.
struct AuthResultEnvelope: Encodable {
    struct ProfileRef: Encodable {
        let id: String
        let name: String
    }
    struct Certificate: Encodable {
        let subject: String
        let sha256: String
        let names: [String]
    }
    struct Result: Encodable {
        let status: String
        let interface: String
        let profile: ProfileRef
        let authMode: String?
        let serverCertificate: Certificate?
        let elapsedMs: Double
        let eapExchangeMs: Double?
        let serverValidated: Bool
        /// True when the EAP exchange resumed an earlier TLS session (no certificate was presented this time).
        let resumed: Bool
        let network: String
        /// `as-bound`, or `eap-settings-on-wired-port` for a Wi-Fi profile used on an Ethernet port.
        let portUse: String
        /// EAP-FAST: `used`, `provisioned` or `refreshed` (absent for other methods and when no PAC was involved).
        let pac: PACUse?
        /// EAP-FAST: the first exchange provisioned the PAC and failed by design; the run authenticated again with it.
        let pacRetried: Bool?
        /// The lease obtained right after authentication (absent with --dhcp none / --no-wait).
        let dhcp: DHCPResultView?
        /// Passpoint: the SSID, BSSID and OI the interworking selection matched (absent for other profiles).
        var passpoint: PasspointSelection? = nil
        /// `--take-over`: what was taken from NetworkManager or other networks (absent when nothing was).
        var takeOver: TakeOverView? = nil
        /// Wi-Fi: the access point associated with and the scan hint used (absent on wired ports).
        var association: AssociationView? = nil
    }
    var result: Result

    init(_ r: AuthenticationReport, dhcp: DHCPResultView? = nil) {
        let leaf = r.serverChain.first { $0.depth == 0 }
        result = Result(status: r.status.rawValue, interface: r.interfaceName, profile: ProfileRef(id: r.profileID, name: r.profileName),
                        authMode: r.authMode,
                        serverCertificate: leaf.map { Certificate(subject: $0.subject, sha256: $0.sha256Hex, names: $0.names) },
                        elapsedMs: r.elapsed.milliseconds, eapExchangeMs: r.eapExchange?.milliseconds,
                        serverValidated: r.serverValidated, resumed: r.resumed, network: r.networkPath, portUse: r.portUse.rawValue,
                        pac: r.pac, pacRetried: r.pac == nil ? nil : r.pacRetried, dhcp: dhcp)
        result.passpoint = r.passpoint
        result.takeOver = r.takeOver.map(TakeOverView.init)
        result.association = AssociationView(r)
    }

    var human: String {
        var lines = result.status == AuthenticationStatus.openPort.rawValue
            ? ["OPEN PORT on \(result.interface): no 802.1X authenticator answered; the port is open and NOT authenticated "
                + "(profile '\(result.profile.name)' was not used)"]
            : ["\(result.status) on \(result.interface) with profile '\(result.profile.name)' (\(result.authMode ?? "pending"))"]
        if let c = result.serverCertificate { lines.append("server: \(c.subject) SHA-256 \(c.sha256)") }
        if result.resumed {
            lines.append("session resumed (TLS session from an earlier full handshake; no certificate presented this time)")
        }
        if result.portUse == PortUse.eapSettingsOnWiredPort.rawValue {
            lines.append("Wi-Fi profile used on a wired port: its EAP settings only (IEEE 802.1X, no Wi-Fi security)")
        }
        if let pac = result.pac {
            lines.append("EAP-FAST PAC: \(pac.rawValue)" + (result.pacRetried == true ? " (authenticated again with the new PAC)" : ""))
        }
        if let p = result.passpoint {
            lines.append("Passpoint: matched \(p.ssid) (\(p.bssid), \(p.frequency) MHz, \(p.match.rawValue)"
                + (p.roamingConsortium.map { ", roaming consortium \($0)" } ?? "") + ")")
        }
        if let t = result.takeOver { lines.append(t.human) }
        if let a = result.association { lines.append(a.human) }
        if !result.serverValidated { lines.append("INSECURE: the server certificate was NOT validated") }
        lines.append(String(format: "elapsed %.1f ms", result.elapsedMs)
                     + (result.eapExchangeMs.map { String(format: ", EAP exchange %.1f ms", $0) } ?? ""))
        if let dhcp = result.dhcp { lines += dhcp.human }
        return lines.joined(separator: "\n")
    }
}

/// `{"stopped": {...}}` of `auth stop`.
struct AuthStopEnvelope: Encodable {
    struct Stopped: Encodable {
        let interface: String
        let removedNetworks: Int
        let removedBlobs: Int
    }
    let stopped: Stopped
}

/// `{"state": {...}}` of `auth state`.
struct AuthStateEnvelope: Encodable {
    struct ProfileRef: Encodable {
        let id: String
        let name: String?
    }
    struct State: Encodable {
        let interface: String
        let supplicantState: String
        let authMode: String?
        let profile: ProfileRef?
        let network: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(interface, forKey: .interface)
            try c.encode(supplicantState, forKey: .supplicantState)
            try c.encode(authMode, forKey: .authMode)
            try c.encode(profile, forKey: .profile)
            try c.encode(network, forKey: .network)
        }
        enum CodingKeys: String, CodingKey { case interface, supplicantState, authMode, profile, network }
    }
    let state: State
}
