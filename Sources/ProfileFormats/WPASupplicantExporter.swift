import Foundation
import ProfileModel
import StructuredErrors

/// Writes a wpa_supplicant.conf fragment: blobs for embedded certificates and one `network={...}` block.
enum WPASupplicantExporter {
    static func export(_ profile: Profile, secrets: ExportSecrets?) throws -> ExportOutput {
        var notes: [String] = []
        var head: [String] = ["# eapolctl profile \"\(comment(profile.name))\" (\(profile.id))"]
        var lines: [String] = []
        let tag = "eapolctl_" + profile.id.description.prefix(8).lowercased()
        switch profile.binding {
        case .wifi(let ssid, let security, let hidden):
            lines.append("ssid=" + quoted(ssid.bytes))
            if hidden { lines.append("scan_ssid=1") }
            switch security {
            case .wpa2: lines.append("key_mgmt=WPA-EAP")
            case .wpa2_wpa3: lines += ["key_mgmt=WPA-EAP WPA-EAP-SHA256", "ieee80211w=1"]
            case .wpa3: lines += ["key_mgmt=WPA-EAP-SHA256", "ieee80211w=2"]
            case .wpa3_192: lines += ["key_mgmt=WPA-EAP-SUITE-B-192", "ieee80211w=2", "pairwise=GCMP-256", "group=GCMP-256"]
            case .wired: lines.append("key_mgmt=IEEE8021X")
            }
        case .wired:
            lines += ["key_mgmt=IEEE8021X", "eapol_flags=0"]
        }
        let eap = profile.eap
        lines.append("eap=" + (eap.outer == .peap ? "PEAP" : eap.outer == .ttls ? "TTLS" : "TLS"))
        let username = secrets?.password?.username ?? eap.username
        if let username { lines.append("identity=" + quoted(Array(username.utf8))) }
        if let outer = eap.outerIdentity { lines.append("anonymous_identity=" + quoted(Array(outer.utf8))) }
        var containsSecrets = false
        if eap.outer.isTunneled, let password = secrets?.password {
            lines.append("password=" + quoted(password.password.copyBytes()))
            containsSecrets = true
        }
        if let inner = eap.inner, eap.outer.isTunneled {
            let phase2: String = switch (eap.outer, inner) {
            case (.peap, .gtc): "auth=GTC"
            case (.peap, _): "auth=MSCHAPV2"
            case (_, .pap): "auth=PAP"
            case (_, .chap): "auth=CHAP"
            case (_, .mschap): "auth=MSCHAP"
            case (_, .mschapv2): "auth=MSCHAPV2"
            case (_, .eapMSCHAPv2): "autheap=MSCHAPV2"
            case (_, .gtc): "autheap=GTC"
            }
            lines.append("phase2=\"\(phase2)\"")
        }
        let trust = profile.trust
        if trust.insecureNoServerValidation {
            head.append("# WARNING: server certificate validation is OFF for this profile")
        } else if !trust.caCertificates.isEmpty {
            head.append("blob-base64-\(tag)_ca={")
            head += wrap(Data(ProfileExporter.caPEM(profile).utf8).base64EncodedString())
            head.append("}")
            lines.append("ca_cert=\"blob://\(tag)_ca\"")
            if trust.useSystemCAs { notes.append("wpa_supplicant takes one CA source: the embedded CAs were used, the system CA bundle was not") }
        } else if trust.useSystemCAs {
            lines.append("ca_cert=\"\(trust.systemCABundlePath)\"")
        } else if let pin = trust.serverCertificatePins.first {
            if trust.serverCertificatePins.count > 1 {
                throw ProfileExporter.unsupported(profile, .wpaSupplicant, "wpa_supplicant accepts one server certificate pin, the profile has \(trust.serverCertificatePins.count)")
            }
            lines.append("ca_cert=\"hash://server/sha256/\(pin.replacingOccurrences(of: ":", with: ""))\"")
        }
        let suffixes = trust.serverNames.compactMap { if case .suffix(let n) = $0 { n } else { nil } }
        let exacts = trust.serverNames.compactMap { if case .exact(let n) = $0 { n } else { nil } }
        if !suffixes.isEmpty { lines.append("domain_suffix_match=\"\(suffixes.joined(separator: ";"))\"") }
        if !exacts.isEmpty { lines.append("domain_match=\"\(exacts.joined(separator: ";"))\"") }
        var phase1: [String] = []
        let versions: [(TLSVersion, String)] = [(.tls1_0, "tls_disable_tlsv1_0=1"), (.tls1_1, "tls_disable_tlsv1_1=1"),
                                                (.tls1_2, "tls_disable_tlsv1_2=1"), (.tls1_3, "tls_disable_tlsv1_3=1")]
        for (version, flag) in versions {
            if let min = trust.tlsMinVersion, version < min { phase1.append(flag) }
            if let max = trust.tlsMaxVersion, version > max { phase1.append(flag) }
        }
        if trust.allowLegacyTLS {
            for (version, flag) in versions where version.isLegacy && !phase1.contains(flag) {
                phase1.append(flag.replacingOccurrences(of: "=1", with: "=0"))
            }
        }
        if !phase1.isEmpty { lines.append("phase1=\"\(phase1.joined(separator: " "))\"") }
        if eap.outer == .tls {
            if let identity = secrets?.identity {
                head.append("blob-base64-\(tag)_key={")
                head += wrap(Data(identity.bundle.copyBytes()).base64EncodedString())
                head.append("}")
                lines.append("private_key=\"blob://\(tag)_key\"")
                if let passphrase = identity.passphrase { lines.append("private_key_passwd=" + quoted(passphrase.copyBytes())) }
                containsSecrets = true
            } else {
                lines.append("# private_key: the client identity is kept in eapolctl's credential store (--include-secrets embeds it)")
            }
        } else if secrets?.password == nil {
            lines.append("# password: kept in eapolctl's credential store (--include-secrets writes it here)")
        }
        let text = (head + ["network={"] + lines.map { "\t" + $0 } + ["}"]).joined(separator: "\n") + "\n"
        return ExportOutput(bytes: Array(text.utf8), suggestedFileName: ProfileExporter.fileStem(profile) + ".conf",
                            notes: notes, containsSecrets: containsSecrets)
    }

    /// A wpa_supplicant string value: `"text"` when printable without quotes, else bare hex.
    static func quoted(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self),
           !text.unicodeScalars.contains(where: { $0 == "\"" || $0.value < 0x20 || $0.value == 0x7F }) {
            return "\"\(text)\""
        }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
    }

    static func wrap(_ base64: String) -> [String] {
        var out: [String] = []
        var rest = Substring(base64)
        while !rest.isEmpty {
            out.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return out
    }
}
