import Foundation
import ProfileModel
import StructuredErrors
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

@Test func roamingIsRefusedOnAProfileWithoutSSIDAndDroppedWhenOneBecomesWired() throws {
    let trust = TrustSettings(serverCertificatePins: [String(repeating: "ab", count: 32)])
    let wired = Profile(name: "lab", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2),
                        trust: trust)
    var edit = ProfileEdit()
    edit.roaming = .auto
    // As `profile create --roaming` without --ssid: refused, nothing half-applied.
    #expect(throws: UsageError(.invalidArgument, "")) { try wired.applying(edit) }
    // Wired now and Wi-Fi after the edit: accepted.
    edit.ssid = try SSID(parsing: "corp")
    #expect(try wired.applying(edit).roaming == .auto)
    // A Wi-Fi profile made wired loses the setting (listed as a change) instead of keeping one nothing reads.
    var wifi = Profile(name: "corp", binding: .wifi(ssid: try SSID(parsing: "corp"), security: .wpa2, hidden: false),
                       eap: EAPSettings(outer: .peap, inner: .mschapv2), trust: trust)
    wifi.roaming = .okc
    var toWired = ProfileEdit()
    toWired.makeWired = true
    let made = try wifi.applying(toWired)
    #expect(made.roaming == nil)
    #expect(ProfileChange.changes(from: wifi, to: made).map(\.field).contains("roaming"))
}
