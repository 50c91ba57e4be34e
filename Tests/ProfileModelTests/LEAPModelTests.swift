import Foundation
@testable import ProfileModel
import StructuredErrors
import Testing

/// LEAP is refused unless explicitly allowed, and the switch is recorded in the profile.
@Suite struct LEAPModelTests {
    static func leapProfile(allowed: Bool = true) -> Profile {
        Profile(name: "old-ap", binding: .wifi(ssid: try! SSID(parsing: "old"), security: .wpa2, hidden: false),
                eap: EAPSettings(outer: .leap, username: "leap-user", insecureAllowLEAP: allowed),
                createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func leapIsRefusedWithoutTheSwitchByNameAndNumber() throws {
        for text in ["LEAP", "leap", "17"] {
            do {
                _ = try EAPMethod(parsing: text)
                Issue.record("\(text) parsed without the switch")
            } catch let error as ProfileError {
                #expect(error.code == .unsupportedEAPMethod)
                #expect(error.message.contains("LEAP is broken: MS-CHAPv1 based, offline dictionary attacks"))
                #expect(error.details["insecureSwitch"] == "--insecure-allow-leap")
                #expect(error.hint.contains("--insecure-allow-leap"))
            }
            #expect(try EAPMethod(parsing: text, allowLEAP: true) == .leap)
        }
        // In a list, LEAP is skipped without the switch and a supported method chosen.
        #expect(try EAPMethod.firstSupported(in: ["17", "25"]).method == .peap)
        #expect(try EAPMethod.firstSupported(in: ["17", "25"], allowLEAP: true).method == .leap)
        #expect(throws: ProfileError.self) { try EAPMethod.firstSupported(in: ["17"]) }
    }

    @Test func methodFacts() {
        #expect(EAPMethod.leap.eapTypeNumber == 17)
        #expect(EAPMethod.leap.displayName == "LEAP")
        #expect(!EAPMethod.leap.isTunneled && EAPMethod.leap.usesPassword && !EAPMethod.leap.usesTLS)
        #expect(EAPMethod.leap.defaultInnerMethod == nil && EAPMethod.leap.allowedInnerMethods.isEmpty)
    }

    @Test func validationNeedsTheSwitchButNoTrustAnchor() {
        #expect(ProfileValidator.problems(in: Self.leapProfile()).isEmpty)
        #expect(ProfileValidator.problems(in: Self.leapProfile(allowed: false)).map(\.id) == ["leap-not-allowed"])
        var withOuter = Self.leapProfile()
        withOuter.eap.outerIdentity = "anon"
        #expect(ProfileValidator.problems(in: withOuter).map(\.id) == ["unexpected-outer-identity"])
    }

    @Test func jsonRoundTripAndLoudDisplay() throws {
        let profile = Self.leapProfile()
        let json = ProfileJSON.encode(profile)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"outer\" : \"leap\"") && text.contains("\"insecureAllowLEAP\" : true"))
        #expect(try ProfileJSON.decode(json, source: "leap.json") == profile)
        #expect(profile.isInsecure)
        let rendered = profile.rendered()
        #expect(rendered.contains(Profile.leapWarning))
        #expect(rendered.hasPrefix("!!! "))
        // Profiles that never mention it keep their JSON.
        let peap = Profile(name: "p", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap),
                           trust: TrustSettings(insecureNoServerValidation: true))
        #expect(!String(decoding: ProfileJSON.encode(peap), as: UTF8.self).contains("insecureAllowLEAP"))
    }

    @Test func editToLEAPNeedsTheSwitch() throws {
        let peap = Profile(name: "p", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, username: "u"),
                           trust: TrustSettings(insecureNoServerValidation: true))
        var edit = ProfileEdit()
        edit.method = .leap
        #expect(throws: ProfileError.self) { try peap.applying(edit) }
        edit.insecureAllowLEAP = true
        let leap = try peap.applying(edit)
        #expect(leap.eap.outer == .leap && leap.eap.insecureAllowLEAP && leap.eap.inner == nil)
    }
}
