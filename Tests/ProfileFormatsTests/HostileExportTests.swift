import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

/// Network fields the wpa_supplicant exporter writes; anything else in the block was injected.
let wpaNetworkFields: Set<String> = [
    "ssid", "scan_ssid", "key_mgmt", "ieee80211w", "proto", "proactive_key_caching", "pairwise", "group", "eapol_flags", "eap", "identity",
    "anonymous_identity", "password", "phase1", "phase2", "ca_cert", "domain_suffix_match", "domain_match",
    "private_key", "private_key_passwd",
]

/// Every string field of a profile, with hostile values, bypassing the validator: each exporter either refuses the
/// value naming the field, or writes a file that reads back as exactly one network / one set of sections with the
/// same value (Docs/formats.md, "Export escaping").
@Suite struct HostileExportTests {
    /// Whether the exporter must refuse the value, and whether the refusal must name the field.
    static func expectation(_ c: HostileExport) -> (refused: Bool, namesField: Bool) {
        let bytes = c.value
        switch (c.format, c.field) {
        case (.json, _): return (false, false)
        case (.iwd, .interface), (.iwd, .pin), (.networkManager, .pin): return (true, false)  // wired / pins: no iwd or NM form
        case (_, .serverName), (_, .pin): return (true, true)  // never a DNS name / a fingerprint
        case (_, .ssid): return (false, false)
        case (.eapolcfg, .storedUsername), (.eapolcfg, .password), (.eapolcfg, .passphrase):
            return (false, false)  // secrets are not exported to eapolcfg
        case (.wpaSupplicant, .password), (.wpaSupplicant, .passphrase): return (bytes.contains(0), true)
        case (_, .password), (_, .passphrase):
            let refused = c.text.unicodeScalars.contains {
                $0.properties.generalCategory == .control && !["\n", "\t", "\r"].contains($0)
            }
            return (refused, true)
        case (.eapolcfg, _): return (c.isForbiddenText, true)
        default:
            // A text field: refused when the validator forbids it and the format writes it.
            return (c.isForbiddenText && !HostileProfiles.expectedValues(c).isEmpty, true)
        }
    }

    @Test func everyExporterEscapesOrRefusesEveryHostileValue() throws {
        var counts: [String: Int] = [:]
        for c in try HostileProfiles.all() {
            let expected = Self.expectation(c)
            switch try HostileOutcome(c) {
            case .refused(let error):
                counts["refused", default: 0] += 1
                #expect(expected.refused, "refused but should be written: \(c): \(error.message)")
                #expect(error.code == .unsupportedExport, "\(c)")
                #expect(!error.message.contains("\n"), "\(c): the message echoes the value")
                if expected.namesField {
                    #expect(error.details["field"] == .string(c.field.path), "\(c): \(error.message)")
                    #expect(error.message.contains(c.field.path), "\(c): \(error.message)")
                }
            case .written(let output):
                counts["written", default: 0] += 1
                #expect(!expected.refused, "written but should be refused: \(c)")
                try Self.checkWritten(c, output)
            }
        }
        // Both outcomes are exercised, in large numbers.
        #expect(counts["refused", default: 0] > 200 && counts["written", default: 0] > 400, "\(counts)")
    }

    /// The written file has the expected structure and carries the hostile value unchanged.
    static func checkWritten(_ c: HostileExport, _ output: ExportOutput) throws {
        let expected = HostileProfiles.expectedValues(c)
        switch c.format {
        case .wpaSupplicant:
            let reading = WPAConfigReading(output.text)
            #expect(reading.errors.isEmpty && reading.globals.isEmpty, "\(c): \(reading.errors) \(reading.globals)")
            #expect(reading.networks.count == 1, "\(c): \(reading.networks.count) network blocks")
            #expect(reading.blobs.allSatisfy { $0.hasPrefix("blob-base64-eapolctl_6a1f3c2e_") }, "\(c): \(reading.blobs)")
            let fields = reading.networks.first ?? []
            #expect(Set(fields.map(\.key)).count == fields.count, "\(c): a field appears twice")
            for (key, _) in fields { #expect(wpaNetworkFields.contains(key), "\(c): injected field \(key)") }
            for (key, value) in expected {
                let written = try #require(fields.first { $0.key == key }, "\(c): no \(key)").value
                #expect(WPAConfigReading.decode(written) == value, "\(c): \(key)=\(written)")
                #expect(written.utf8.count <= WPASupplicantExporter.maximumLineLength)
            }
        case .iwd, .networkManager:
            let reading = KeyfileReading(output.text)
            #expect(reading.errors.isEmpty, "\(c): \(reading.errors)")
            let groups: Set<String> = c.format == .iwd
                ? ["Security"]
                : (c.profile.isWired ? ["connection", "ethernet", "802-1x", "ipv4", "ipv6"]
                    : ["connection", "wifi", "wifi-security", "802-1x", "ipv4", "ipv6"])
            #expect(Set(reading.groups) == groups && reading.groups.count == groups.count, "\(c): \(reading.groups)")
            #expect(reading.embedded.allSatisfy { $0 == "[@pem@ca_cert]" }, "\(c): \(reading.embedded)")
            for key in reading.values.keys {
                let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
                if c.format == .iwd {
                    #expect(iwdDocumentedKeys.contains(parts[1]), "\(c): injected key \(key)")
                } else {
                    #expect(nmDocumentedKeys[parts[0]]?.contains(parts[1]) == true, "\(c): injected key \(key)")
                }
            }
            for (key, value) in expected {
                let written = try #require(reading.values[key], "\(c): no \(key)")
                #expect((key == "wifi.ssid" ? KeyfileReading.nmSSID(written) : written) == value, "\(c): \(key)")
            }
        case .eapolcfg:
            let plist = try #require(try PropertyListSerialization.propertyList(from: Data(output.bytes), format: nil) as? [String: Any])
            let auth = plist["AuthenticationProperties"] as? [String: Any] ?? [:]
            let extra = (plist["Information"] as? [String: Any])?["org.eapolctl"] as? [String: Any] ?? [:]
            let found: Any? = switch c.field {
            case .name: plist["UserDefinedName"]
            case .username: auth["UserName"]
            case .outerIdentity: auth["OuterIdentity"]
            case .systemCABundlePath: extra["SystemCABundlePath"]
            case .interface: extra["Interface"]
            case .ssid: ((plist["WLAN"] as? [String: Any])?["SSID"] as? Data).map { Array($0) }
            default: nil
            }
            if let bytes = found as? [UInt8] {
                #expect(bytes == c.value, "\(c)")
            } else if let text = found as? String {
                let want = c.field == .systemCABundlePath ? "/etc/ssl/" + c.text : c.text
                #expect(text == want, "\(c): read back \(text.debugDescription)")
            } else {
                #expect([.storedUsername, .password, .passphrase].contains(c.field), "\(c): value not found")
            }
        case .json:
            // JSON escapes everything; reading it back refuses (or trims) what decoding checks: server-name syntax.
            if c.field == .serverName {
                do {
                    _ = try ProfileJSON.decode(output.bytes, source: "x.json")
                    #expect(c.text != c.text.trimmingCharacters(in: .whitespaces), "\(c): decoded an invalid server name")
                } catch let error as ProfileError {
                    #expect(error.details["field"] == .string(c.field.path), "\(c): \(error.message)")
                }
                let object = try JSONSerialization.jsonObject(with: Data(output.bytes)) as? [String: Any]
                let names = (object?["trust"] as? [String: Any])?["serverNames"] as? [String]
                #expect(names?[1] == "exact:" + c.text, "\(c)")
            } else {
                #expect(try ProfileJSON.decode(output.bytes, source: "x.json") == c.profile, "\(c)")
            }
        default:
            Issue.record("unexpected format \(c.format)")
        }
    }

    /// The issue's reproduction, through the exporters: the injected CA bundle path is refused by name.
    @Test func injectedCABundlePathIsRefusedByEveryFormatThatWritesIt() throws {
        var profile = try HostileProfiles.wired()
        profile.binding = try HostileProfiles.peap().binding
        profile.trust.systemCABundlePath = "/x\"\n}\nctrl_interface=DIR=/run/wpa_supplicant GROUP=users\nnetwork={\n\tssid=\"evil\"\n"
        for format in [ProfileFormat.wpaSupplicant, .iwd, .eapolcfg] {
            let error = try #require(throws: ImportError.self) { try ProfileExporter.export(profile, as: format) }
            #expect(error.message.contains("trust.systemCABundlePath contains a double quote (U+0022)"), "\(format): \(error.message)")
        }
        let nm = try ProfileExporter.export(profile, as: .networkManager)  // writes system-ca-certs=true, not the path
        #expect(!nm.text.contains("ctrl_interface"))
    }

    @Test func keyfileEscapesFollowGLib() throws {
        let profile = try HostileProfiles.peap()
        func escaped(_ s: String) throws -> String { try ExporterText.keyfileValue(s, "f", profile: profile, format: .networkManager) }
        #expect(try escaped("a b") == "a b")
        #expect(try escaped("  a b  ") == #"\s\sa b\s\s"#)
        #expect(try escaped("a\\b\nc\td\re") == #"a\\b\nc\td\re"#)
        #expect(try escaped("\t x") == #"\t x"#)
        #expect(try escaped("   ") == #"\s\s\s"#)
        #expect(throws: ImportError.self) { try escaped("a\u{1}b") }
        #expect(WPASupplicantExporter.quoted(Array("a#b".utf8)) == "\"a#b\"")
        #expect(WPASupplicantExporter.quoted(Array("a\"#b".utf8)) == "61222362")
        #expect(WPASupplicantExporter.comment("a\nb\u{85}c\"") == "a b c\"")
    }

    @Test func overlongWPASupplicantLinesAreRefused() throws {
        var profile = try HostileProfiles.peap()
        profile.eap.username = String(repeating: "u", count: WPASupplicantExporter.maximumLineLength - "\tidentity=\"\"".utf8.count)
        let fits = try ProfileExporter.export(profile, as: .wpaSupplicant)
        #expect(fits.text.split(separator: "\n").map(\.utf8.count).max() == WPASupplicantExporter.maximumLineLength)
        profile.eap.username! += "u"
        let error = try #require(throws: ImportError.self) { try ProfileExporter.export(profile, as: .wpaSupplicant) }
        #expect(error.message.contains("the identity line would be 1999 bytes long"), "\(error.message)")
    }
}
