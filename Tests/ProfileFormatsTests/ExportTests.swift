import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

/// Keys documented in iwd.network(5) for the [Security] and [Settings] groups eapolctl writes.
let iwdDocumentedKeys: Set<String> = [
    "EAP-Method", "EAP-Identity",
    "EAP-PEAP-CACert", "EAP-PEAP-ServerDomainMask", "EAP-PEAP-Phase2-Method", "EAP-PEAP-Phase2-Identity", "EAP-PEAP-Phase2-Password",
    "EAP-TTLS-CACert", "EAP-TTLS-ServerDomainMask", "EAP-TTLS-Phase2-Method", "EAP-TTLS-Phase2-Identity", "EAP-TTLS-Phase2-Password",
    "EAP-TLS-CACert", "EAP-TLS-ServerDomainMask", "EAP-TLS-ClientKeyBundle", "EAP-TLS-ClientKeyPassphrase",
    "Hidden", "AutoConnect",
]
let iwdPhase2Values: Set<String> = ["MSCHAPV2", "GTC", "MD5", "Tunneled-PAP", "Tunneled-CHAP", "Tunneled-MSCHAP", "Tunneled-MSCHAPv2"]

/// Keys documented in nm-settings-keyfile(5) / nm-settings-nmcli(5) for the sections eapolctl writes.
let nmDocumentedKeys: [String: Set<String>] = [
    "connection": ["id", "uuid", "type", "interface-name"],
    "wifi": ["mode", "ssid", "hidden"],
    "wifi-security": ["key-mgmt", "pmf"],
    "ethernet": [],
    "802-1x": ["eap", "identity", "anonymous-identity", "ca-cert", "system-ca-certs", "domain-suffix-match", "domain-match",
               "phase1-auth-flags", "phase2-auth", "phase2-autheap", "password", "password-flags", "client-cert", "private-key",
               "private-key-password", "private-key-password-flags"],
    "ipv4": ["method"], "ipv6": ["method"],
]

/// Parses an INI-style file into sections of key=value pairs (iwd and NetworkManager).
func parseINI(_ text: String) -> [(section: String, key: String, value: String)] {
    var section = ""
    var out: [(String, String, String)] = []
    for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
        let line = String(raw)
        if line.hasPrefix("#") { continue }
        if line.hasPrefix("[") && line.hasSuffix("]") { section = String(line.dropFirst().dropLast()); continue }
        if section.hasPrefix("@pem@") { continue }
        guard let eq = line.firstIndex(of: "=") else { out.append((section, line, "")); continue }
        out.append((section, String(line[..<eq]), String(line[line.index(after: eq)...])))
    }
    return out
}

@Suite struct ExportTests {
    let pki = TestPKI.shared

    func profiles() throws -> [Profile] { try EapolcfgPlistTests().sampleProfiles() }

    var secrets: ExportSecrets {
        ExportSecrets(password: ImportedPassword(username: "alice", password: SecretBytes(utf8: "pa\"ss")),
                      identity: ImportedIdentity(bundle: SecretBytes(pki.p12SHA256), passphrase: SecretBytes(utf8: "p12pass")))
    }

    @Test func wpaSupplicantBlock() throws {
        let peap = try profiles()[0]
        let out = try ProfileExporter.export(peap, as: .wpaSupplicant)
        let text = out.text
        #expect(text.contains("network={"))
        #expect(text.contains("\tssid=\"corp\""))
        #expect(text.contains("\tkey_mgmt=WPA-EAP\n"))
        #expect(text.contains("\teap=PEAP"))
        #expect(text.contains("\tidentity=\"alice\""))
        #expect(text.contains("\tanonymous_identity=\"anon@example.org\""))
        #expect(text.contains("\tphase2=\"auth=MSCHAPV2\""))
        #expect(text.contains("\tdomain_suffix_match=\"example.org\""))
        #expect(text.contains("\tdomain_match=\"radius.example.org\""))
        #expect(text.contains("tls_disable_tlsv1_0=1 tls_disable_tlsv1_1=1"))
        #expect(text.contains("ca_cert=\"blob://"))
        #expect(!text.contains("password="))
        #expect(!out.containsSecrets)
        // The blob holds both CAs as PEM.
        let blobLines = text.split(separator: "\n").drop { !$0.hasPrefix("blob-base64-") }.dropFirst().prefix { $0 != "}" }
        let pem = String(decoding: Data(base64Encoded: blobLines.joined()) ?? Data(), as: UTF8.self)
        #expect(try TrustedCertificate.parse(Array(pem.utf8), source: "blob").map(\.der) == [pki.ca1DER, pki.ca2DER])

        let withSecrets = try ProfileExporter.export(peap, as: .wpaSupplicant, secrets: secrets)
        #expect(withSecrets.containsSecrets)
        // A quote in the password forces the hex form.
        #expect(withSecrets.text.contains("\tpassword=\(Array("pa\"ss".utf8).map { String(format: "%02x", $0) }.joined())\n"))
    }

    @Test func wpaSupplicantVariants() throws {
        let all = try profiles()
        let ttls = try ProfileExporter.export(all[1], as: .wpaSupplicant).text
        #expect(ttls.contains("\tssid=ff0041"))
        #expect(ttls.contains("\tscan_ssid=1"))
        #expect(ttls.contains("key_mgmt=WPA-EAP WPA-EAP-SHA256"))
        #expect(ttls.contains("phase2=\"autheap=MSCHAPV2\""))
        let suiteB = try ProfileExporter.export(all[2], as: .wpaSupplicant, secrets: secrets).text
        #expect(suiteB.contains("key_mgmt=WPA-EAP-SUITE-B-192"))
        #expect(suiteB.contains("ca_cert=\"hash://server/sha256/\(String(repeating: "ab", count: 32))\""))
        #expect(suiteB.contains("private_key=\"blob://"))
        #expect(suiteB.contains("private_key_passwd=\"p12pass\""))
        let wired = try ProfileExporter.export(all[3], as: .wpaSupplicant).text
        #expect(wired.contains("key_mgmt=IEEE8021X"))
        #expect(wired.contains("eapol_flags=0"))
        #expect(wired.contains("phase2=\"auth=GTC\""))
        #expect(wired.contains("ca_cert=\"/etc/ssl/certs/ca-certificates.crt\""))
        #expect(!wired.contains("ssid="))
    }

    @Test func iwdFileUsesDocumentedKeys() throws {
        for profile in try profiles() where !profile.isWired && profile.trust.serverCertificatePins.isEmpty {
            for withSecrets in [false, true] {
                let out = try ProfileExporter.export(profile, as: .iwd, secrets: withSecrets ? secrets : nil)
                let entries = parseINI(out.text)
                for entry in entries {
                    #expect(["Security", "Settings"].contains(entry.section), "\(entry)")
                    #expect(iwdDocumentedKeys.contains(entry.key), "undocumented iwd key \(entry.key)")
                    if entry.key.hasSuffix("Phase2-Method") { #expect(iwdPhase2Values.contains(entry.value), "\(entry.value)") }
                    if entry.key.hasSuffix("CACert"), entry.value.hasPrefix("embed:") {
                        #expect(out.text.contains("[@pem@\(entry.value.dropFirst(6))]"))
                    }
                }
                #expect(out.text.contains("Phase2-Password") == (withSecrets && profile.eap.outer.isTunneled))
                #expect(out.containsSecrets == (withSecrets && (profile.eap.outer.isTunneled || profile.eap.outer == .tls)))
            }
        }
        let all = try profiles()
        #expect(try ProfileExporter.export(all[0], as: .iwd).suggestedFileName == "corp.8021x")
        #expect(try ProfileExporter.export(all[1], as: .iwd).suggestedFileName == "=ff0041.8021x")
        let error = try #require(throws: ImportError.self) { try ProfileExporter.export(all[3], as: .iwd) }
        #expect(error.code == .unsupportedExport)
    }

    @Test func networkManagerKeyfileUsesDocumentedKeys() throws {
        for profile in try profiles() where profile.trust.serverCertificatePins.isEmpty {
            for withSecrets in [false, true] {
                let out = try ProfileExporter.export(profile, as: .networkManager, secrets: withSecrets ? secrets : nil)
                for entry in parseINI(out.text) {
                    let keys = try #require(nmDocumentedKeys[entry.section], "undocumented section \(entry.section)")
                    #expect(keys.contains(entry.key), "undocumented key \(entry.section).\(entry.key)")
                }
                #expect(out.text.contains("password=pa\"ss") == (withSecrets && profile.eap.outer.isTunneled))
            }
        }
        let text = try ProfileExporter.export(try profiles()[0], as: .networkManager).text
        #expect(text.contains("type=wifi"))
        #expect(text.contains("key-mgmt=wpa-eap"))
        #expect(text.contains("eap=peap;"))
        #expect(text.contains("phase2-auth=mschapv2"))
        #expect(text.contains("domain-suffix-match=example.org"))
        #expect(text.contains("ca-cert=data:;base64,"))
        #expect(text.contains("password-flags=1"))
        let wired = try ProfileExporter.export(try profiles()[3], as: .networkManager).text
        #expect(wired.contains("type=ethernet"))
        #expect(wired.contains("interface-name=eth1"))
    }
}
