import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

@Suite struct EapolcfgPlistTests {
    let pki = TestPKI.shared

    func sampleProfiles() throws -> [Profile] {
        let ca1 = try TrustedCertificate(der: pki.ca1DER, source: "ca1")
        let ca2 = try TrustedCertificate(der: pki.ca2DER, source: "ca2")
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        return [
            Profile(name: "Corp PEAP", binding: .wifi(ssid: try SSID(parsing: "corp"), security: .wpa2, hidden: false),
                    eap: EAPSettings(outer: .peap, username: "alice", outerIdentity: "anon@example.org"),
                    trust: TrustSettings(caCertificates: [ca1, ca2], serverNames: [.suffix("example.org"), .exact("radius.example.org")],
                                         tlsMinVersion: .tls1_2), createdAt: created),
            Profile(name: "TTLS EAP", binding: .wifi(ssid: try SSID(bytes: [0xFF, 0x00, 0x41]), security: .wpa2_wpa3, hidden: true),
                    eap: EAPSettings(outer: .ttls, inner: .eapMSCHAPv2, username: "bob"),
                    trust: TrustSettings(caCertificates: [ca1], serverNames: [.suffix("example.org")], tlsMinVersion: .tls1_0,
                                         allowLegacyTLS: true), createdAt: created),
            Profile(name: "Suite B", binding: .wifi(ssid: try SSID(parsing: "sb"), security: .wpa3_192, hidden: false),
                    eap: EAPSettings(outer: .tls, username: "dev@example.org"),
                    trust: TrustSettings(serverCertificatePins: [String(repeating: "ab", count: 32)], serverNames: [.exact("radius.example.org")]),
                    createdAt: created),
            Profile(name: "Wired GTC", binding: .wired(interface: "eth1"),
                    eap: EAPSettings(outer: .peap, inner: .gtc, username: "carol"),
                    trust: TrustSettings(useSystemCAs: true, serverNames: [.suffix("example.org")], tlsMaxVersion: .tls1_3),
                    createdAt: created),
            Profile(name: "Insecure lab", binding: .wifi(ssid: try SSID(parsing: "lab"), security: .wpa3, hidden: false),
                    eap: EAPSettings(outer: .ttls, inner: .pap, username: "lab"),
                    trust: TrustSettings(insecureNoServerValidation: true), createdAt: created),
        ]
    }

    @Test func jsonToEapolcfgToJSONIsLossless() throws {
        for profile in try sampleProfiles() {
            let json = ProfileJSON.encode(profile)
            let decoded = try ProfileJSON.decode(json, source: "a.json")
            let plist = try ProfileExporter.export(decoded, as: .eapolcfg).bytes
            #expect(ProfileImporter.detect(plist) == .eapolcfg)
            let back = try ProfileImporter.parse(plist, source: "b.plist").profiles[0].profile
            #expect(back == profile, "\(profile.name)")
            #expect(ProfileJSON.encode(back) == json, "\(profile.name)")
        }
    }

    @Test func plainEapolcfgExportIsRead() throws {
        // As macOS eapolcfg exportProfile writes it: no org.eapolctl extras.
        let plist: [String: Any] = [
            "ProfileID": "11111111-2222-3333-4444-555555555555",
            "UserDefinedName": "Mac export",
            "AuthenticationProperties": [
                "AcceptEAPTypes": [21, 25],
                "TTLSInnerAuthentication": "MSCHAPv2",
                "UserName": "mac-user",
                "OuterIdentity": "anonymous",
                "TLSTrustedCertificates": [Data(pki.ca1DER)],
                "TLSTrustedServerNames": ["radius.example.org", "*.example.com"],
                "UserPassword": "mac-pass",
            ] as [String: Any],
            "WLAN": ["SSID": Data("macnet".utf8), "SecurityType": "WPA2"] as [String: Any],
            "Information": [:] as [String: Any],
        ]
        let bytes = Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0))
        let result = try ProfileImporter.parse(bytes, source: "mac.plist")
        let item = try #require(result.profiles.first)
        #expect(item.profile.id.description == "11111111-2222-3333-4444-555555555555")
        #expect(item.profile.name == "Mac export")
        #expect(item.profile.binding == .wifi(ssid: try SSID(parsing: "macnet"), security: .wpa2, hidden: false))
        #expect(item.profile.eap == EAPSettings(outer: .ttls, inner: .mschapv2, username: "mac-user", outerIdentity: "anonymous"))
        #expect(item.profile.trust.serverNames == [.exact("radius.example.org"), .suffix("example.com")])
        #expect(item.password?.password == SecretBytes(utf8: "mac-pass"))
        #expect(result.notes.contains { $0.contains("chose EAP-TTLS") })
        // Binary plists work too.
        let binary = Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .binary, options: 0))
        #expect(try ProfileImporter.parse(binary, source: "mac.bplist", format: .eapolcfg).profiles[0].profile == item.profile)
    }

    @Test func plistErrors() throws {
        let cases: [(String, ImportErrorCode)] = [
            ("<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>AuthenticationProperties</key><dict>", .malformedFile),
            ("<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>UserDefinedName</key><string>x</string></dict></plist>", .missingField),
            ("<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>AuthenticationProperties</key><dict><key>AcceptEAPTypes</key><array><integer>17</integer></array></dict></dict></plist>", .noSupportedMethod),
            ("<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>AuthenticationProperties</key><string>x</string></dict></plist>", .unexpectedElement),
        ]
        for (text, code) in cases {
            let error = try #require(throws: ImportError.self) { try ProfileImporter.parse(Array(text.utf8), source: "p.plist", format: .eapolcfg) }
            #expect(error.code == code, "\(error.message)")
        }
    }
}
