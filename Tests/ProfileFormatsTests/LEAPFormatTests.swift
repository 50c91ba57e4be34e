import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

/// LEAP in the eapolcfg plist (type 17, the switch kept under org.eapolctl) and in the exports.
@Suite struct LEAPFormatTests {
    static let leap = Profile(name: "old-ap", binding: .wifi(ssid: try! SSID(parsing: "old"), security: .wpa2, hidden: false),
                              eap: EAPSettings(outer: .leap, username: "leap-user", insecureAllowLEAP: true),
                              createdAt: Date(timeIntervalSince1970: 1_700_000_000))

    @Test func eapolcfgRoundTripKeepsLEAPAndItsSwitch() throws {
        let plist = try ProfileExporter.export(Self.leap, as: .eapolcfg).bytes
        let text = String(decoding: plist, as: UTF8.self)
        #expect(text.contains("<integer>17</integer>") && text.contains("<key>InsecureAllowLEAP</key>"))
        let back = try ProfileImporter.parse(plist, source: "leap.plist").profiles[0].profile
        #expect(back == Self.leap)
    }

    @Test func foreignLEAPPlistIsRefusedNamingTheReason() throws {
        let plist: [String: Any] = [
            "AuthenticationProperties": ["AcceptEAPTypes": [17], "UserName": "u"] as [String: Any],
            "WLAN": ["SSID": Data("old".utf8)] as [String: Any],
        ]
        let bytes = Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0))
        let error = try #require(throws: ImportError.self) { try ProfileImporter.parse(bytes, source: "mac.plist") }
        #expect(error.message.contains("LEAP is broken"))
        // With a supported type after it, that one is chosen.
        let both: [String: Any] = [
            "AuthenticationProperties": ["AcceptEAPTypes": [17, 25], "UserName": "u", "TLSVerifyServerCertificate": false] as [String: Any],
            "WLAN": ["SSID": Data("old".utf8)] as [String: Any],
        ]
        let bothBytes = Array(try PropertyListSerialization.data(fromPropertyList: both, format: .xml, options: 0))
        #expect(try ProfileImporter.parse(bothBytes, source: "mac.plist").profiles[0].profile.eap.outer == .peap)
    }

    @Test func exportsNameLEAPOrRefuse() throws {
        let wpa = String(decoding: try ProfileExporter.export(Self.leap, as: .wpaSupplicant).bytes, as: UTF8.self)
        #expect(wpa.contains("eap=LEAP") && wpa.contains("WARNING") && !wpa.contains("phase"))
        let nm = String(decoding: try ProfileExporter.export(Self.leap, as: .networkManager).bytes, as: UTF8.self)
        #expect(nm.contains("eap=leap;") && !nm.contains("phase2"))
        #expect(throws: ImportError.self) { try ProfileExporter.export(Self.leap, as: .iwd) }
    }
}
