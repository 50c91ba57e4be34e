import Foundation
import ProfileModel
import StructuredErrors

/// Writes a wpa_supplicant.conf fragment: blobs for embedded certificates and one `network={...}` block.
enum WPASupplicantExporter {
    static func export(_ profile: Profile, secrets: ExportSecrets?) throws -> ExportOutput {
        var notes: [String] = []
        let format = ProfileFormat.wpaSupplicant
        var head: [String] = ["# eapolctl profile \"\(comment(profile.name))\" (\(profile.id))"]
        var lines: [String] = []
        let tag = "eapolctl_" + profile.id.description.prefix(8).lowercased()
        switch profile.binding {
        case .wifi(let ssid, let security, let hidden):
            lines.append("ssid=" + quoted(ssid.bytes))
            if hidden { lines.append("scan_ssid=1") }
            // The roaming mode extends the AKMs exactly as the live connection does (RoamingMode+KeyManagement).
            let roaming = profile.roaming ?? .none
            func keyManagement(_ base: String) -> String { "key_mgmt=" + roaming.keyManagement(base: base) }
            switch security {
            // key_mgmt, ieee80211w and proto as the live connection sets them (NetworkConfiguration; the parity test
            // in OrchestrationTests compares them).
            case .wpa2: lines += [keyManagement("WPA-EAP"), "ieee80211w=1", "proto=RSN"]
            case .wpa2_wpa3: lines += [keyManagement("WPA-EAP WPA-EAP-SHA256"), "ieee80211w=1", "proto=RSN"]
            case .wpa3: lines += [keyManagement("WPA-EAP-SHA256"), "ieee80211w=2", "proto=RSN"]
            case .wpa3_192: lines += [keyManagement("WPA-EAP-SUITE-B-192"), "ieee80211w=2", "proto=RSN", "pairwise=GCMP-256", "group=GCMP-256"]
            case .wired: lines.append("key_mgmt=IEEE8021X")
            }
            if security.isWiFi, roaming.opportunisticKeyCaching { lines.append("proactive_key_caching=1") }
        case .wired:
            lines += ["key_mgmt=IEEE8021X", "eapol_flags=0"]
        case .passpoint(let settings):
            lines += try WPASupplicantCredLines.matching(settings, profile: profile)
        }
        let eap = profile.eap
        lines.append("eap=" + (eap.outer == .peap ? "PEAP" : eap.outer == .ttls ? "TTLS" : eap.outer == .leap ? "LEAP"
            : eap.outer == .fast ? "FAST" : "TLS"))
        if eap.outer == .leap { head.append("# WARNING: \(Profile.leapWarning)") }
        if let username = secrets?.password?.username {
            let text = try ExporterText.field(username, "the stored username", profile: profile, format: format)
            lines.append("identity=" + (try string(Array(text.utf8), "the stored username", profile)))
        } else if let username = eap.username {
            let text = try ExporterText.field(username, "eap.username", profile: profile, format: format)
            lines.append("identity=" + (try string(Array(text.utf8), "eap.username", profile)))
        }
        if let outer = eap.outerIdentity {
            let text = try ExporterText.field(outer, "eap.outerIdentity", profile: profile, format: format)
            lines.append("anonymous_identity=" + (try string(Array(text.utf8), "eap.outerIdentity", profile)))
        }
        var containsSecrets = false
        if eap.outer.usesPassword, let password = secrets?.password {
            lines.append("password=" + (try string(password.password.copyBytes(), "the password", profile)))
            containsSecrets = true
        }
        if let inner = eap.inner, eap.outer.isTunneled {
            let phase2: String = switch (eap.outer, inner) {
            case (.peap, .gtc), (.fast, .gtc): "auth=GTC"
            case (.peap, _), (.fast, _): "auth=MSCHAPV2"
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
            let path = try ExporterText.field(trust.systemCABundlePath, "trust.systemCABundlePath", kind: .path,
                                              profile: profile, format: format)
            lines.append("ca_cert=\"\(path)\"")
        } else if let pin = trust.serverCertificatePins.first {
            if trust.serverCertificatePins.count > 1 {
                throw ProfileExporter.unsupported(profile, .wpaSupplicant, "wpa_supplicant accepts one server certificate pin, the profile has \(trust.serverCertificatePins.count)")
            }
            lines.append("ca_cert=\"hash://server/sha256/\(try ExporterText.pinHex(pin, index: 0, profile: profile, format: format))\"")
        }
        var suffixes: [String] = []
        var exacts: [String] = []
        for (index, constraint) in trust.serverNames.enumerated() {
            let name = try ExporterText.serverName(constraint.name, index: index, profile: profile, format: format)
            if case .suffix = constraint { suffixes.append(name) } else { exacts.append(name) }
        }
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
        if eap.outer == .fast {
            // The PAC lives in eapolctl's credential store and is never exported: wpa_supplicant keeps its own file.
            let provisioning = eap.fast?.provisioning ?? .none
            phase1.append("fast_provisioning=\(provisioning.phase1Number)")
            lines.append("pac_file=\"/etc/wpa_supplicant/\(tag).pac\"")
            notes.append("EAP-FAST: eapolctl's stored PAC is not exported; wpa_supplicant provisions and keeps its own in "
                + "/etc/wpa_supplicant/\(tag).pac")
            if provisioning.allowsAnonymous { head.append("# WARNING: \(Profile.anonymousProvisioningWarning)") }
        }
        if !phase1.isEmpty { lines.append("phase1=\"\(phase1.joined(separator: " "))\"") }
        if eap.outer == .tls {
            if let identity = secrets?.identity {
                head.append("blob-base64-\(tag)_key={")
                head += wrap(Data(identity.bundle.copyBytes()).base64EncodedString())
                head.append("}")
                lines.append("private_key=\"blob://\(tag)_key\"")
                if let passphrase = identity.passphrase {
                    lines.append("private_key_passwd=" + (try string(passphrase.copyBytes(), "the PKCS#12 passphrase", profile)))
                }
                containsSecrets = true
            } else {
                lines.append("# private_key: the client identity is kept in eapolctl's credential store (--include-secrets embeds it)")
            }
        } else if secrets?.password == nil {
            lines.append("# password: kept in eapolctl's credential store (--include-secrets writes it here)")
        }
        var block = "network"
        if case .passpoint = profile.binding {
            lines = try WPASupplicantCredLines.credential(from: lines, profile: profile, notes: &notes)
            block = "cred"
        }
        let all = head + ["\(block)={"] + lines.map { "\t" + $0 } + ["}"]
        if let long = all.first(where: { $0.utf8.count > maximumLineLength }) {
            let key = long.drop { $0 == "\t" }.prefix { $0 != "=" }
            throw ProfileExporter.unsupported(profile, format, "the \(key) line would be \(long.utf8.count) bytes long; wpa_supplicant reads configuration lines of at most \(maximumLineLength) bytes")
        }
        let text = all.joined(separator: "\n") + "\n"
        return ExportOutput(bytes: Array(text.utf8), suggestedFileName: ProfileExporter.fileStem(profile) + ".conf",
                            notes: notes, containsSecrets: containsSecrets)
    }

    /// wpa_supplicant's configuration lines are read into a 2000-byte buffer (hostap `wpa_config_get_line`):
    /// a longer line is cut, so the exporter refuses it.
    static let maximumLineLength = 1998

    /// A wpa_supplicant string value for bytes that may be anything (SSIDs): see ``quoted(_:)``.
    static func quoted(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self), ProfileValidator.forbiddenCharacter(in: text) == nil,
           !text.unicodeScalars.contains("\"") {
            return "\"\(text)\""
        }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// A string value wpa_supplicant keeps as a C string (identities, passwords): as ``quoted(_:)``, refusing NUL.
    ///
    /// hostap's `wpa_config_parse_string` reads `"text"` up to the last quote of the line (a `"` inside would
    /// turn a later `#` into a comment, so such values are never quoted), `P"..."` with printf escapes, and bare
    /// hex; the hex form carries every byte but NUL, which would cut the value short.
    static func string(_ bytes: [UInt8], _ field: String, _ profile: Profile) throws -> String {
        if bytes.contains(0) {
            throw ExporterText.refusal(profile, .wpaSupplicant, field, "contains a NUL character, which wpa_supplicant cannot hold")
        }
        return quoted(bytes)
    }

    /// The profile name in a comment line: every character the validator forbids becomes a space.
    static func comment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            ProfileValidator.forbiddenCharacter(in: String($0)) == nil ? $0 : " "
        }))
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
