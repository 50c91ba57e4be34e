import Foundation
import ProfileModel
import StructuredErrors

/// Writes an iwd `.8021x` network file (iwd.network(5)), certificates embedded as `[@pem@NAME]` sections.
enum IWDExporter {
    static func export(_ profile: Profile, secrets: ExportSecrets?) throws -> ExportOutput {
        if case .passpoint(let settings) = profile.binding {
            return try IWDHotspotExporter.export(profile, settings: settings, secrets: secrets)
        }
        guard case .wifi(let ssid, let security, let hidden) = profile.binding else {
            throw ProfileExporter.unsupported(profile, .iwd, "iwd manages Wi-Fi only; a wired profile has no iwd form (use networkmanager or wpa-supplicant)")
        }
        var notes: [String] = []
        let eap = profile.eap
        if eap.outer == .fast {
            throw ProfileExporter.unsupported(profile, .iwd, "iwd does not implement EAP-FAST (use networkmanager or wpa-supplicant)")
        }
        if eap.outer == .leap {
            throw ProfileExporter.unsupported(profile, .iwd, "iwd does not implement LEAP (use networkmanager or wpa-supplicant)")
        }
        let method = eap.outer == .peap ? "PEAP" : eap.outer == .ttls ? "TTLS" : "TLS"
        var security_: [String] = ["EAP-Method=\(method)"]
        let username = secrets?.password?.username ?? eap.username
        let usernameField = secrets?.password?.username != nil ? "the stored username" : "eap.username"
        if let outer = eap.outerIdentity {
            security_.append("EAP-Identity=\(try text(outer, "eap.outerIdentity", profile))")
        } else if eap.outer == .tls, let username {
            security_.append("EAP-Identity=\(try text(username, usernameField, profile))")
        }
        let trust = profile.trust
        var sections: [String] = []
        if trust.insecureNoServerValidation {
            notes.append("server validation is off: the iwd file has no CA certificate")
        } else if !trust.caCertificates.isEmpty {
            security_.append("EAP-\(method)-CACert=embed:ca_cert")
            sections.append("[@pem@ca_cert]\n" + ProfileExporter.caPEM(profile).trimmingCharacters(in: .newlines))
        } else if trust.useSystemCAs {
            let path = try ExporterText.field(trust.systemCABundlePath, "trust.systemCABundlePath", kind: .path,
                                              profile: profile, format: .iwd)
            security_.append("EAP-\(method)-CACert=\(try ExporterText.keyfileValue(path, "trust.systemCABundlePath", profile: profile, format: .iwd))")
        } else if !trust.serverCertificatePins.isEmpty {
            throw ProfileExporter.unsupported(profile, .iwd, "iwd cannot pin a server certificate; embed its CA instead")
        }
        if !trust.serverNames.isEmpty {
            let masks = try trust.serverNames.enumerated().flatMap { index, constraint -> [String] in
                let name = try ExporterText.serverName(constraint.name, index: index, profile: profile, format: .iwd)
                return switch constraint {
                case .exact: [name]
                case .suffix: [name, "*." + name]
                }
            }
            security_.append("EAP-\(method)-ServerDomainMask=\(masks.joined(separator: ";"))")
            if trust.serverNames.contains(where: { if case .suffix = $0 { true } else { false } }) {
                notes.append("iwd's '*' matches one DNS label: a suffix constraint became name;*.name (deeper subdomains no longer match)")
            }
        }
        if trust.tlsMinVersion != nil || trust.tlsMaxVersion != nil {
            notes.append("iwd has no per-network TLS version bounds; the profile's bounds were not written")
        }
        var containsSecrets = false
        if eap.outer.isTunneled {
            let phase2: String = switch (eap.outer, eap.inner ?? .mschapv2) {
            case (_, .gtc): "GTC"
            case (.peap, _), (_, .eapMSCHAPv2): "MSCHAPV2"
            case (_, .pap): "Tunneled-PAP"
            case (_, .chap): "Tunneled-CHAP"
            case (_, .mschap): "Tunneled-MSCHAP"
            case (_, .mschapv2): "Tunneled-MSCHAPv2"
            }
            security_.append("EAP-\(method)-Phase2-Method=\(phase2)")
            if let username { security_.append("EAP-\(method)-Phase2-Identity=\(try text(username, usernameField, profile))") }
            if let password = secrets?.password {
                guard let text = password.password.utf8String() else {
                    throw ProfileExporter.unsupported(profile, .iwd, "the password is not UTF-8 text")
                }
                security_.append("EAP-\(method)-Phase2-Password=\(try ExporterText.keyfileValue(text, "the password", profile: profile, format: .iwd))")
                containsSecrets = true
            }
        } else {
            let bundlePath = "/var/lib/iwd/\(ProfileExporter.fileStem(profile)).p12"
            security_.append("EAP-TLS-ClientKeyBundle=\(bundlePath)")
            notes.append("iwd reads the PKCS#12 bundle from \(bundlePath): export it there (eapolctl identity) before connecting")
            if let passphrase = secrets?.identity?.passphrase {
                guard let text = passphrase.utf8String() else {
                    throw ProfileExporter.unsupported(profile, .iwd, "the PKCS#12 passphrase is not UTF-8 text")
                }
                security_.append("EAP-TLS-ClientKeyPassphrase=\(try ExporterText.keyfileValue(text, "the PKCS#12 passphrase", profile: profile, format: .iwd))")
                containsSecrets = true
            }
        }
        var settings: [String] = []
        if hidden { settings.append("Hidden=true") }
        if let note = RoamingExportNotes.iwd(profile.roaming, security: security) { notes.append(note) }
        if security == .wpa3_192 { notes.append("iwd selects WPA3-Enterprise 192-bit from the network's advertisement; nothing to write") }
        var text = "# eapolctl profile \(profile.id)\n[Security]\n" + security_.joined(separator: "\n") + "\n"
        if !settings.isEmpty { text += "\n[Settings]\n" + settings.joined(separator: "\n") + "\n" }
        for section in sections { text += "\n" + section + "\n" }
        return ExportOutput(bytes: Array(text.utf8), suggestedFileName: fileName(for: ssid), notes: notes, containsSecrets: containsSecrets)
    }

    /// `SSID.8021x` when the SSID is alphanumeric with `-` and `_` (iwd's rule), else `=HEX.8021x`.
    static func fileName(for ssid: SSID) -> String {
        let plain = ssid.bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
        }
        if plain { return String(decoding: ssid.bytes, as: UTF8.self) + ".8021x" }
        return "=" + ssid.bytes.map { String(format: "%02x", $0) }.joined() + ".8021x"
    }

    /// A text field of the profile: refused when the validator would refuse it, escaped for ell's settings parser.
    static func text(_ value: String, _ field: String, _ profile: Profile) throws -> String {
        try ExporterText.keyfileValue(try ExporterText.field(value, field, profile: profile, format: .iwd), field,
                                      profile: profile, format: .iwd)
    }
}
