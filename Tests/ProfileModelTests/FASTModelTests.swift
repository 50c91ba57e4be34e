import Foundation
@testable import ProfileModel
import StructuredErrors
import Testing

/// EAP-FAST (type 43) profiles: PAC settings, the validation of their combinations, anonymous provisioning recorded
/// and shown as a weakening, JSON, edits and summaries.
@Suite struct FASTModelTests {
    static let pin = String(repeating: "ab", count: 32)

    static func fastProfile(_ fast: FASTSettings? = FASTSettings(provisioning: .authenticated), inner: InnerMethod? = nil) -> Profile {
        Profile(name: "fast-wired", binding: .wired(interface: nil),
                eap: EAPSettings(outer: .fast, inner: inner, username: "fast-user", fast: fast),
                trust: TrustSettings(serverCertificatePins: [pin]),
                createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func fastParsesByNameAndNumberAndIsTunneledWithMSCHAPv2OrGTC() throws {
        for text in ["fast", "EAP-FAST", "43"] { #expect(try EAPMethod(parsing: text) == .fast) }
        #expect(try EAPMethod.firstSupported(in: ["18", "43", "25"]).method == .fast)
        #expect(EAPMethod.fast.eapTypeNumber == 43 && EAPMethod.fast.displayName == "EAP-FAST")
        #expect(EAPMethod.fast.isTunneled && EAPMethod.fast.usesPassword && EAPMethod.fast.usesTLS)
        #expect(EAPMethod.fast.defaultInnerMethod == .mschapv2 && EAPMethod.fast.allowedInnerMethods == [.mschapv2, .gtc])
        // EAP-MSCHAPv2 is what EAP-FAST's MSCHAPv2 is: normalised as under PEAP.
        #expect(EAPSettings(outer: .fast, inner: .eapMSCHAPv2).inner == .mschapv2)
    }

    @Test func provisioningParsesAndMapsEapolcfgFlagsBothWays() throws {
        for mode in PACProvisioning.allCases {
            #expect(try PACProvisioning(parsing: mode.rawValue.uppercased()) == mode)
            #expect(PACProvisioning(provisionPAC: mode.allowsAuthenticated, anonymously: mode.allowsAnonymous) == mode)
        }
        do {
            _ = try PACProvisioning(parsing: "sometimes")
            Issue.record("an unknown provisioning mode parsed")
        } catch let error as ProfileError {
            #expect(error.code == .invalidFASTProvisioning && error.details["fastProvisioning"] == "sometimes")
        }
    }

    @Test func validCombinationsAndRefusedOnes() throws {
        for mode in PACProvisioning.allCases {
            #expect(ProfileValidator.problems(in: Self.fastProfile(FASTSettings(provisioning: mode))).isEmpty, "\(mode)")
        }
        // No settings at all: a PAC is used and nothing is provisioned (valid; auth start needs a stored PAC).
        #expect(ProfileValidator.problems(in: Self.fastProfile(nil)).isEmpty)
        #expect(ProfileValidator.problems(in: Self.fastProfile(FASTSettings(usePAC: false))).map(\.id) == ["fast-pac-required"])
        let provisionWithoutUse = Self.fastProfile(FASTSettings(usePAC: false, provisioning: .anonymous))
        #expect(ProfileValidator.problems(in: provisionWithoutUse).map(\.id) == ["fast-provisioning-without-pac"])
        #expect(ProfileValidator.problems(in: Self.fastProfile(inner: .pap)).map(\.id) == ["inner-method-mismatch"])
        var peap = Self.fastProfile()
        peap.eap.outer = .peap
        #expect(ProfileValidator.problems(in: peap).map(\.id) == ["unexpected-fast-settings"])
        do {
            _ = try provisionWithoutUse.validated()
            Issue.record("a FAST profile that provisions a PAC it does not use validated")
        } catch let error as ProfileError {
            #expect(error.code == .invalidProfile)
            #expect(error.message.contains("would never be used") && error.hint.contains("--EAPFASTUsePAC"))
        }
    }

    @Test func anonymousProvisioningIsAWeakeningRecordedAndShown() throws {
        let anonymous = Self.fastProfile(FASTSettings(provisioning: .anonymous))
        let both = Self.fastProfile(FASTSettings(provisioning: .both))
        let authenticated = Self.fastProfile()
        #expect(anonymous.isInsecure && both.isInsecure && !authenticated.isInsecure)
        #expect(anonymous.insecurityWarnings == [Profile.anonymousProvisioningWarning])
        #expect(anonymous.summary.insecure && anonymous.summary.line.hasSuffix("\tINSECURE"))
        let rendered = anonymous.rendered()
        #expect(rendered.hasPrefix("!!! \(Profile.anonymousProvisioningWarning) !!!"))
        #expect(!rendered.contains(Profile.insecureWarning), "the server certificate IS validated outside provisioning")
        #expect(rendered.contains("Provisioning:   anonymous (the server is NOT authenticated while a PAC is provisioned)"))
        #expect(authenticated.rendered().contains("Provisioning:   authenticated\n"))
        #expect(!authenticated.rendered().contains("!!!"))
        // The light summary decoder (profile list, index) agrees.
        let summary = try ProfileJSON.decodeSummary(ProfileJSON.encode(anonymous), source: "fast.json")
        #expect(summary.insecure && summary.method == .fast)
    }

    @Test func jsonRoundTripKeepsThePACSettingsAndOtherProfilesTheirBytes() throws {
        let profile = Self.fastProfile(FASTSettings(provisioning: .both), inner: .gtc)
        let json = ProfileJSON.encode(profile)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"outer\" : \"fast\"") && text.contains("\"provisioning\" : \"both\"") && text.contains("\"usePAC\" : true"))
        #expect(try ProfileJSON.decode(json, source: "fast.json") == profile)
        let peap = Profile(name: "p", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap),
                           trust: TrustSettings(serverCertificatePins: [Self.pin]))
        #expect(!String(decoding: ProfileJSON.encode(peap), as: UTF8.self).contains("\"fast\""))
        // A hand-written unknown mode is a decoding error naming the accepted ones.
        let bad = text.replacingOccurrences(of: "\"both\"", with: "\"always\"")
        #expect(throws: ProfileError.self) { try ProfileJSON.decode(Array(bad.utf8), source: "bad.json") }
    }

    @Test func editsFollowTheMethodAndSetProvisioning() throws {
        var edit = ProfileEdit()
        edit.fastProvisioning = ProfileModel.PACProvisioning.none
        let off = try Self.fastProfile(FASTSettings(provisioning: .anonymous)).applying(edit)
        #expect(off.eap.fast == FASTSettings(usePAC: true, provisioning: .none) && !off.isInsecure)
        let changes = ProfileChange.changes(from: Self.fastProfile(FASTSettings(provisioning: .anonymous)), to: off)
        #expect(changes.map(\.field).contains("eap.fast.provisioning"))

        let peap = Profile(name: "p", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, username: "u"),
                           trust: TrustSettings(serverCertificatePins: [Self.pin]))
        var toFAST = ProfileEdit()
        toFAST.method = .fast
        let fast = try peap.applying(toFAST)
        #expect(fast.eap.fast == FASTSettings(provisioning: .authenticated) && fast.eap.inner == .mschapv2)
        var back = ProfileEdit()
        back.method = .peap
        #expect(try fast.applying(back).eap.fast == nil)
        var wrong = ProfileEdit()
        wrong.fastProvisioning = .anonymous
        #expect(throws: ProfileError.self) { try peap.applying(wrong) }
    }
}
