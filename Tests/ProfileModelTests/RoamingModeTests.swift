import Foundation
import ProfileModel
import Testing

@Test func roamingIsKeptInJSONEditedAndListedAsAChange() throws {
    var profile = Profile(name: "corp", binding: .wifi(ssid: try SSID(parsing: "corp"), security: .wpa2, hidden: false),
                          eap: EAPSettings(outer: .peap, inner: .mschapv2),
                          trust: TrustSettings(serverCertificatePins: [String(repeating: "ab", count: 32)]))
    // Not set: not written, so profiles from before the setting stay byte-identical.
    #expect(!String(decoding: try JSONEncoder().encode(profile), as: UTF8.self).contains("roaming"))
    var edit = ProfileEdit()
    edit.roaming = .okc
    #expect(!edit.isEmpty)
    let edited = try profile.applying(edit)
    #expect(edited.roaming == .okc)
    #expect(ProfileChange.changes(from: profile, to: edited).map(\.field) == ["roaming"])
    profile.roaming = .auto
    let decoded = try JSONDecoder().decode(Profile.self, from: try JSONEncoder().encode(profile))
    #expect(decoded.roaming == .auto)
}
