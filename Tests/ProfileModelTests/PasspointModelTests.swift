import Foundation
import ProfileModel
import StructuredErrors
import Testing

/// The Passpoint binding: OI parsing, validation, the JSON round trip, `profile show`, edits that do not fit.
@Suite struct PasspointModelTests {
    static func profile(_ settings: PasspointSettings, method: EAPMethod = .peap) -> Profile {
        Profile(name: "Passpoint", binding: .passpoint(settings),
                eap: EAPSettings(outer: method, inner: method == .tls ? nil : .mschapv2, username: "alice@example.org"),
                trust: TrustSettings(useSystemCAs: true, serverNames: [.suffix("radius.example.org")]))
    }
    static let settings = PasspointSettings(homeDomains: ["example.org", "example.net"], realm: "example.org",
                                            roamingConsortiums: [try! RoamingConsortiumOI(parsing: "001bc50460"),
                                                                 try! RoamingConsortiumOI(parsing: "5A-03-BA-00-00"),
                                                                 try! RoamingConsortiumOI(parsing: "00:40:96")])

    @Test func oiParsingAcceptsSeparatorsAndCase() throws {
        #expect(try RoamingConsortiumOI(parsing: "5A-03-BA-00-00").hex == "5a03ba0000")
        #expect(try RoamingConsortiumOI(parsing: "004096").bytes == [0x00, 0x40, 0x96])
    }

    @Test(arguments: ["", "00", "0040", "00409", "0040960", "00409600", "001bc504600a", "gg4096", "00 40 96x", "+0x004096"])
    func malformedOIsAreRefused(_ text: String) {
        let error = #expect(throws: ProfileError.self) { try RoamingConsortiumOI(parsing: text) }
        #expect(error?.code == .invalidPasspoint)
    }

    @Test func jsonRoundTripKeepsEveryField() throws {
        let original = Self.profile(Self.settings)
        let back = try ProfileJSON.decode(ProfileJSON.encode(original), source: "x.json")
        #expect(back == original)
        let text = String(decoding: ProfileJSON.encode(original), as: UTF8.self)
        #expect(text.contains("\"kind\" : \"passpoint\"") || text.contains("\"kind\":\"passpoint\""))
        #expect(text.contains("5a03ba0000"))
        #expect(original.ssid == nil && !original.isWired && original.security == .wpa2)
    }

    @Test func jsonWithAMalformedOIIsRefused() throws {
        let text = String(decoding: ProfileJSON.encode(Self.profile(Self.settings)), as: UTF8.self)
            .replacingOccurrences(of: "5a03ba0000", with: "5a03ba00")
        #expect(throws: (any Error).self) { try ProfileJSON.decode(Array(text.utf8), source: "x.json") }
    }

    @Test func validProfileValidates() throws {
        _ = try Self.profile(Self.settings).validated()
    }

    @Test func validationNamesEachProblem() {
        func problems(_ s: PasspointSettings, method: EAPMethod = .peap) -> [String] {
            ProfileValidator.problems(in: Self.profile(s, method: method)).filter { $0.id == "invalid-passpoint" }.map(\.field)
        }
        #expect(problems(PasspointSettings(homeDomains: ["example.org"])) == ["binding.realm"])
        #expect(problems(PasspointSettings(homeDomains: [], realm: "example.org")) == ["binding.homeDomains"])
        #expect(problems(PasspointSettings(homeDomains: ["exa\"mple.org"], realm: "example.org")) == ["binding.homeDomains"])
        #expect(problems(PasspointSettings(homeDomains: ["example.org"], realm: "a\nb")) == ["binding.realm"])
        let oi = try! RoamingConsortiumOI(parsing: "004096")
        #expect(problems(PasspointSettings(homeDomains: ["example.org"], roamingConsortiums: [oi, oi])) == ["binding.roamingConsortiums"])
        let many = (0..<37).map { try! RoamingConsortiumOI(parsing: String(format: "0040%02x", $0)) }
        #expect(problems(PasspointSettings(homeDomains: ["example.org"], roamingConsortiums: many)) == ["binding.roamingConsortiums"])
        #expect(problems(Self.settings, method: .leap) == ["eap.outer"])
    }

    @Test func showListsDomainsRealmAndEveryOI() {
        let text = Self.profile(Self.settings).rendered()
        #expect(text.contains("Passpoint (Hotspot 2.0)"))
        #expect(text.contains("example.org, example.net"))
        #expect(text.contains("001bc50460, 5a03ba0000, 004096"))
    }

    @Test func wifiEditsDoNotApplyToPasspoint() throws {
        var edit = ProfileEdit()
        edit.ssid = try SSID(parsing: "corp")
        let error = #expect(throws: ProfileError.self) { try Self.profile(Self.settings).applying(edit) }
        #expect(error?.code == .invalidPasspoint)
        var rename = ProfileEdit()
        rename.name = "Renamed"
        #expect(try Self.profile(Self.settings).applying(rename).binding == .passpoint(Self.settings))
    }
}
