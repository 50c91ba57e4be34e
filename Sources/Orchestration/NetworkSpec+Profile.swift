import Foundation
public import ProfileModel
import Secrets
public import SupplicantClient

extension NetworkSpec {
    /// Builds the wpa_supplicant network description of `profile` with the chosen credentials.
    ///
    /// The identity is the credentials' username, else the profile's `username`; EAP-TLS without either uses the
    /// outer identity, else `anonymous` (the server identifies the client by its certificate).
    public init(profile: Profile, credentials: ResolvedCredentials) {
        let binding: Binding
        switch profile.binding {
        case .wired: binding = .wired
        // A Passpoint profile names no SSID: its spec configures a credential (binding unused), and a network built
        // from it as it is would be refused (an empty SSID). Authenticator+Passpoint connects with the matched SSID.
        case .passpoint: binding = .wifi(ssidBytes: [], security: .wpa2, hidden: false)
        case .wifi(let ssid, let security, let hidden):
            let mapped: WiFiSecurity = switch security {
            case .wpa3: .wpa3
            case .wpa3_192: .wpa3_192
            case .wpa2_wpa3: .wpa2_wpa3
            default: .wpa2
            }
            binding = .wifi(ssidBytes: ssid.bytes, security: mapped, hidden: hidden)
        }
        let outer: OuterMethod = switch profile.eap.outer {
        case .peap: .peap
        case .ttls: .ttls
        case .tls: .tls
        case .leap: .leap
        case .fast: .fast
        }
        let inner: InnerMethod? = profile.eap.inner.map {
            switch $0 {
            case .pap: .pap
            case .chap: .chap
            case .mschap: .mschap
            case .mschapv2: .mschapv2
            case .eapMSCHAPv2: .eapMSCHAPv2
            case .gtc: .gtc
            }
        }
        let name = credentials.username ?? profile.eap.username
            ?? (outer == .tls ? (profile.eap.outerIdentity ?? "anonymous") : "")
        // LEAP runs no TLS: the profile's trust settings (if any) have nothing to apply to.
        let trust = outer == .leap ? TrustSettings(insecureNoServerValidation: true) : profile.trust
        self.init(
            binding: binding, outer: outer, inner: inner, identity: Array(name.utf8),
            anonymousIdentity: profile.eap.outerIdentity.map { Array($0.utf8) },
            password: outer == .tls ? nil : credentials.password,
            caCertificates: trust.caCertificates.map {
                CACertificate(der: $0.der, subject: $0.summary.subject, issuer: $0.summary.issuer,
                              sha256Hex: $0.summary.sha256Fingerprint.replacingOccurrences(of: ":", with: "").lowercased())
            },
            useSystemCAs: trust.useSystemCAs, systemCABundlePath: trust.systemCABundlePath,
            serverPins: trust.serverCertificatePins.map { $0.replacingOccurrences(of: ":", with: "").lowercased() },
            serverNames: trust.serverNames.map {
                switch $0 {
                case .suffix(let n): .suffix(n)
                case .exact(let n): .exact(n)
                }
            },
            tlsMinVersion: trust.tlsMinVersion.flatMap { TLSVersion(rawValue: $0.rawValue) },
            tlsMaxVersion: trust.tlsMaxVersion.flatMap { TLSVersion(rawValue: $0.rawValue) },
            allowLegacyTLS: trust.allowLegacyTLS, insecureNoServerValidation: trust.insecureNoServerValidation,
            clientIdentity: outer == .tls ? credentials.clientIdentity : nil,
            fast: outer == .fast ? Self.fastSettings(profile.eap.fast, pac: credentials.pac) : nil)
        roaming = profile.roaming
    }

    /// The EAP-FAST part: the profile's provisioning mode and the stored PAC (a profile that uses no PAC sends none).
    static func fastSettings(_ settings: ProfileModel.FASTSettings?, pac: SecretBytes?) -> FASTSettings {
        let settings = settings ?? ProfileModel.FASTSettings()
        let provisioning: PACProvisioning = switch settings.provisioning {
        case .none: .none
        case .anonymous: .anonymous
        case .authenticated: .authenticated
        case .both: .both
        }
        return FASTSettings(provisioning: provisioning, pac: settings.usePAC ? pac : nil)
    }
}
