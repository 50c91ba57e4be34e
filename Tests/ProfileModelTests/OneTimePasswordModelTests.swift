import Foundation
@testable import ProfileModel
import StructuredErrors
import Testing

/// The profile's one-time-password flag: JSON round trip (absent when off), validation, edit.
@Suite struct OneTimePasswordModelTests {
    static let pin = String(repeating: "ab", count: 32)

    static func profile(_ method: EAPMethod = .peap, oneTime: Bool = true) -> Profile {
        Profile(name: "otp", binding: .wired(interface: nil),
                eap: EAPSettings(outer: method, username: "alice", oneTimePassword: oneTime),
                trust: TrustSettings(serverCertificatePins: [pin]), createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func jsonRoundTripKeepsTheFlagAndOmitsItWhenOff() throws {
        let otp = Self.profile()
        let json = ProfileJSON.encode(otp)
        #expect(String(decoding: json, as: UTF8.self).contains("\"oneTimePassword\" : true"))
        let back = try ProfileJSON.decode(json, source: "otp.json")
        #expect(back == otp)
        #expect(back.eap.oneTimePassword)

        let plain = ProfileJSON.encode(Self.profile(oneTime: false))
        #expect(!String(decoding: plain, as: UTF8.self).contains("oneTimePassword"))
        #expect(try ProfileJSON.decode(plain, source: "p.json").eap.oneTimePassword == false)
    }

    @Test func eapTLSCannotBeOneTime() throws {
        let problems = ProfileValidator.problems(in: Self.profile(.tls))
        #expect(problems.map(\.id) == ["one-time-password-without-password"])
        #expect(ProfileValidator.problems(in: Self.profile(.ttls)).isEmpty)
    }

    @Test func editTurnsItOnAndOffAndKeepsItOtherwise() throws {
        var edit = ProfileEdit()
        edit.oneTimePassword = true
        let on = try Self.profile(oneTime: false).applying(edit)
        #expect(on.eap.oneTimePassword)
        // An unrelated edit (even a method change) keeps the flag.
        var other = ProfileEdit()
        other.method = .ttls
        #expect(try on.applying(other).eap.oneTimePassword)
        edit.oneTimePassword = false
        #expect(try on.applying(edit).eap.oneTimePassword == false)
        #expect(ProfileChange.changes(from: Self.profile(oneTime: false), to: on).map(\.field).contains("eap.oneTimePassword"))
    }

    @Test func displayShowsIt() {
        #expect(Self.profile().rendered().contains("one-time"))
    }
}
