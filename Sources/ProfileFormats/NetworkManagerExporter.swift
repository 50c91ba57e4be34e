import Foundation
import ProfileModel
import StructuredErrors

/// Writes a NetworkManager keyfile (`.nmconnection`, nm-settings-keyfile(5)); certificates as `data:;base64,` blobs.
enum NetworkManagerExporter {
    static func export(_ profile: Profile, secrets: ExportSecrets?) throws -> ExportOutput {
        var notes: [String] = []
        var connection = ["id=\(try value(profile.name, "name", profile))", "uuid=\(profile.id.description.lowercased())"]
        var sections: [(String, [String])] = []
        switch profile.binding {
        case .wifi(let ssid, let security, let hidden):
            connection.append("type=wifi")
            var wifi = ["mode=infrastructure", "ssid=\(ssidValue(ssid))"]
            if hidden { wifi.append("hidden=true") }
            sections.append(("wifi", wifi))
            let wifiSecurity: [String] = switch security {
            case .wpa2: ["key-mgmt=wpa-eap"]
            case .wpa2_wpa3: ["key-mgmt=wpa-eap", "pmf=2"]
            case .wpa3: ["key-mgmt=wpa-eap", "pmf=3"]
            case .wpa3_192: ["key-mgmt=wpa-eap-suite-b-192", "pmf=3"]
            case .wired: ["key-mgmt=ieee8021x"]
            }
            sections.append(("wifi-security", wifiSecurity))
            if let note = RoamingExportNotes.networkManager(profile.roaming, security: security) { notes.append(note) }
        case .passpoint:
            throw ProfileExporter.unsupported(profile, .networkManager, "NetworkManager has no Passpoint (Hotspot 2.0) "
                + "credentials (use wpa-supplicant or iwd)")
        case .wired(let interface):
            connection.append("type=ethernet")
            if let interface { connection.append("interface-name=\(try value(interface, "binding.interface", profile))") }
            sections.append(("ethernet", []))
        }
        let eap = profile.eap
        var dot1x = ["eap=\(eap.outer == .peap ? "peap" : eap.outer == .ttls ? "ttls" : eap.outer == .leap ? "leap" : eap.outer == .fast ? "fast" : "tls");"]
        if eap.outer == .fast {
            let provisioning = eap.fast?.provisioning ?? .none
            dot1x.append("phase1-fast-provisioning=\(provisioning.phase1Number)")
            notes.append("EAP-FAST: eapolctl's stored PAC is not exported; NetworkManager's wpa_supplicant provisions its own")
        }
        if let username = secrets?.password?.username {
            dot1x.append("identity=\(try value(username, "the stored username", profile))")
        } else if let username = eap.username {
            dot1x.append("identity=\(try value(username, "eap.username", profile))")
        }
        if let outer = eap.outerIdentity { dot1x.append("anonymous-identity=\(try value(outer, "eap.outerIdentity", profile))") }
        let trust = profile.trust
        if trust.insecureNoServerValidation {
            notes.append("server validation is off: no ca-cert written")
        } else {
            if !trust.caCertificates.isEmpty {
                dot1x.append("ca-cert=data:;base64,\(Data(ProfileExporter.caPEM(profile).utf8).base64EncodedString())")
            }
            if trust.useSystemCAs { dot1x.append("system-ca-certs=true") }
            if !trust.serverCertificatePins.isEmpty, trust.caCertificates.isEmpty, !trust.useSystemCAs {
                throw ProfileExporter.unsupported(profile, .networkManager, "NetworkManager cannot pin a server certificate; embed its CA instead")
            }
        }
        var suffixes: [String] = []
        var exacts: [String] = []
        for (index, constraint) in trust.serverNames.enumerated() {
            let name = try ExporterText.serverName(constraint.name, index: index, profile: profile, format: .networkManager)
            if case .suffix = constraint { suffixes.append(name) } else { exacts.append(name) }
        }
        if !suffixes.isEmpty { dot1x.append("domain-suffix-match=\(suffixes.joined(separator: ";"))") }
        if !exacts.isEmpty { dot1x.append("domain-match=\(exacts.joined(separator: ";"))") }
        var flags: [String] = []
        let all: [(TLSVersion, String)] = [(.tls1_0, "tls-1-0-disable"), (.tls1_1, "tls-1-1-disable"),
                                           (.tls1_2, "tls-1-2-disable"), (.tls1_3, "tls-1-3-disable")]
        var value_ = 0
        let bits: [TLSVersion: Int] = [.tls1_0: 0x20, .tls1_1: 0x40, .tls1_2: 0x80, .tls1_3: 0x100]
        for (version, name) in all {
            if let min = trust.tlsMinVersion, version < min { flags.append(name); value_ |= bits[version]! }
            if let max = trust.tlsMaxVersion, version > max { flags.append(name); value_ |= bits[version]! }
        }
        if value_ != 0 { dot1x.append("phase1-auth-flags=\(value_)") }
        var containsSecrets = false
        if eap.outer.usesPassword {
            if eap.outer.isTunneled {
                switch (eap.outer, eap.inner ?? .mschapv2) {
                case (.ttls, .eapMSCHAPv2): dot1x.append("phase2-autheap=mschapv2")
                case (_, .gtc): dot1x.append("phase2-auth=gtc")
                case (.peap, _): dot1x.append("phase2-auth=mschapv2")
                case (_, let inner): dot1x.append("phase2-auth=\(inner.rawValue)")
                }
            }
            if let password = secrets?.password {
                guard let text = password.password.utf8String() else {
                    throw ProfileExporter.unsupported(profile, .networkManager, "the password is not UTF-8 text")
                }
                dot1x.append("password=\(try ExporterText.keyfileValue(text, "the password", profile: profile, format: .networkManager))")
                dot1x.append("password-flags=0")
                containsSecrets = true
            } else if eap.oneTimePassword {
                dot1x.append("password-flags=2")
                notes.append("one-time passwords: NetworkManager asks for the password at every connection (password-flags=2, not saved)")
            } else {
                dot1x.append("password-flags=1")
                notes.append("the password is agent-owned (password-flags=1): give it with nmcli --ask or a secret agent, or export with --include-secrets")
            }
        } else if let identity = secrets?.identity {
            let blob = "data:;base64," + Data(identity.bundle.copyBytes()).base64EncodedString()
            dot1x.append("client-cert=\(blob)")
            dot1x.append("private-key=\(blob)")
            if let secret = identity.passphrase {
                guard let passphrase = secret.utf8String() else {
                    throw ProfileExporter.unsupported(profile, .networkManager, "the PKCS#12 passphrase is not UTF-8 text")
                }
                dot1x.append("private-key-password=\(try ExporterText.keyfileValue(passphrase, "the PKCS#12 passphrase", profile: profile, format: .networkManager))")
                dot1x.append("private-key-password-flags=0")
            }
            containsSecrets = true
        } else {
            notes.append("EAP-TLS needs client-cert and private-key: export with --include-secrets, or set them with nmcli")
            dot1x.append("private-key-password-flags=1")
        }
        sections.append(("802-1x", dot1x))
        sections.append(("ipv4", ["method=auto"]))
        sections.append(("ipv6", ["method=auto"]))
        var text = "[connection]\n" + connection.joined(separator: "\n") + "\n"
        for (name, keys) in sections {
            text += "\n[\(name)]\n" + keys.map { $0 + "\n" }.joined()
        }
        return ExportOutput(bytes: Array(text.utf8), suggestedFileName: ProfileExporter.fileStem(profile) + ".nmconnection",
                            notes: notes, containsSecrets: containsSecrets)
    }

    /// The SSID as text when printable (and free of `;`), else NetworkManager's `b1;b2;...` byte list.
    static func ssidValue(_ ssid: SSID) -> String {
        if let text = ssid.printableText, !text.contains(";"), !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("\\") {
            return text
        }
        return ssid.bytes.map { String($0) + ";" }.joined()
    }

    /// A text field of the profile: refused when the validator would refuse it, escaped as GLib's key files want.
    static func value(_ text: String, _ field: String, _ profile: Profile) throws -> String {
        try ExporterText.keyfileValue(try ExporterText.field(text, field, profile: profile, format: .networkManager), field,
                                      profile: profile, format: .networkManager)
    }
}
