import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

/// eapolcfg's `OneTimeUserPassword` survives export and import, and a password next to it is never imported.
@Suite struct OneTimePasswordPlistTests {
    static let pin = String(repeating: "ab", count: 32)

    @Test func oneTimeFlagRoundTripsThroughTheEapolcfgPlist() throws {
        let profile = Profile(name: "OTP corp", binding: .wifi(ssid: try SSID(parsing: "corp"), security: .wpa2, hidden: false),
                              eap: EAPSettings(outer: .ttls, inner: .pap, username: "alice", oneTimePassword: true),
                              trust: TrustSettings(serverCertificatePins: [Self.pin], serverNames: [.exact("radius.example.org")]),
                              createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        let plist = try ProfileExporter.export(profile, as: .eapolcfg).bytes
        let root = try #require(try PropertyListSerialization.propertyList(from: Data(plist), format: nil) as? [String: Any])
        let auth = try #require(root["AuthenticationProperties"] as? [String: Any])
        #expect(auth["OneTimeUserPassword"] as? Bool == true)
        let back = try ProfileImporter.parse(plist, source: "otp.plist").profiles[0].profile
        #expect(back == profile)
        #expect(back.eap.oneTimePassword)
        #expect(ProfileJSON.encode(back) == ProfileJSON.encode(profile))

        // And a profile without it writes no key at all (eapolcfg's absent = false).
        var ordinary = profile
        ordinary.eap.oneTimePassword = false
        let plain = try ProfileExporter.export(ordinary, as: .eapolcfg).bytes
        #expect(!String(decoding: plain, as: UTF8.self).contains("OneTimeUserPassword"))
        #expect(try ProfileImporter.parse(plain, source: "p.plist").profiles[0].profile.eap.oneTimePassword == false)
    }

    @Test func macExportWithOneTimePasswordImportsNoPassword() throws {
        let plist: [String: Any] = [
            "UserDefinedName": "Mac OTP",
            "AuthenticationProperties": [
                "AcceptEAPTypes": [25],
                "UserName": "mac-user",
                "UserPassword": "already-used",
                "OneTimeUserPassword": true,
                "TLSVerifyServerCertificate": false,
            ] as [String: Any],
            "WLAN": ["SSID": Data("macnet".utf8), "SecurityType": "WPA2"] as [String: Any],
        ]
        let bytes = Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0))
        let result = try ProfileImporter.parse(bytes, source: "mac.plist")
        let item = try #require(result.profiles.first)
        #expect(item.profile.eap.oneTimePassword)
        #expect(item.password == nil)
        #expect(result.notes.contains { $0.contains("OneTimeUserPassword") })
    }

    @Test func wrongTypeIsAStructuredError() throws {
        let plist: [String: Any] = [
            "AuthenticationProperties": ["AcceptEAPTypes": [25], "OneTimeUserPassword": "yes"] as [String: Any],
        ]
        let bytes = Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0))
        let error = try #require(throws: ImportError.self) { try ProfileImporter.parse(bytes, source: "bad.plist") }
        #expect(error.message.contains("OneTimeUserPassword"))
    }
}
