import Foundation
import ProfileModel
import Testing

/// The typed property-list values kept in a profile (eapolcfg profile information) and their limits.
@Suite struct ProfileInformationTests {
    static let every: [String: PropertyListValue] = [
        "s": .string("text"), "i": .integer(Int64.min), "big": .integer(Int64.max), "r": .real(1), "f": .real(0.1),
        "b": .bool(false), "d": .date(Date(timeIntervalSince1970: 1_704_067_200)),
        "ms": .date(Date(timeIntervalSince1970: 1_704_067_200.25)), "bytes": .data([0, 1, 0xFF]),
        "a": .array([.string("x"), .array([])]), "n": .dictionary(["deep": .dictionary([:])]),
    ]

    @Test func jsonKeepsEveryType() throws {
        let data = try JSONEncoder().encode(Self.every)
        let decoded = try JSONDecoder().decode([String: PropertyListValue].self, from: data)
        #expect(decoded == Self.every)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""r":{"real":1}"#) && text.contains(#""bytes":{"data":"AAH\/"}"#))
        #expect(text.contains(#""d":{"date":"2024-01-01T00:00:00Z"}"#))
    }

    @Test func malformedJSONValuesAreRefused() {
        for json in [#"{"x":{"string":"a","integer":1}}"#, #"{"x":{"float":1}}"#, #"{"x":{}}"#, #"{"x":{"data":"%%"}}"#,
                     #"{"x":{"date":"yesterday"}}"#, #"{"x":{"integer":1.5}}"#] {
            #expect(throws: DecodingError.self, "\(json)") {
                try JSONDecoder().decode([String: PropertyListValue].self, from: Data(json.utf8))
            }
        }
    }

    @Test func applicationIDsAreReverseDNS() {
        for good in ["com.example.vpn", "org.example_1.x-y", "a.b"] { #expect(ApplicationID.problem(good) == nil, "\(good)") }
        for bad in ["", "com", "com..x", ".com.x", "com.x.", "com.ex ample", "com.exämple", "org.eapolctl", "a.\u{1B}[2J",
                    "a." + String(repeating: "b", count: 64)] {
            #expect(ApplicationID.problem(bad) != nil, "\(bad)")
        }
    }

    @Test func limitsAreEnforcedAndNothingChangesOnRefusal() throws {
        var information = ProfileInformation()
        let app = try ApplicationID(parsing: "com.example.a")
        try information.set(Self.every, for: app)
        let before = information
        let huge: [String: PropertyListValue] = ["k": .data(Array(repeating: 0, count: ProfileInformation.maximumWeight))]
        #expect(throws: (any Error).self) { try information.set(huge, for: app) }
        var nested = PropertyListValue.string("leaf")
        for _ in 0..<ProfileInformation.maximumDepth { nested = .array([nested]) }
        #expect(throws: (any Error).self) { try information.set(["k": nested], for: app) }
        #expect(throws: (any Error).self) { try information.set(["k": .string("a\rb")], for: app) }
        #expect(throws: (any Error).self) { try information.set(["\u{7}": .string("x")], for: app) }
        #expect(information == before)
        try information.set(["k": .string("tab\tand\nline feed")], for: try ApplicationID(parsing: "com.example.b"))
        #expect(information.applicationIDs.map(\.rawValue) == ["com.example.a", "com.example.b"])
    }

    @Test func profileJSONCarriesInformationOnlyWhenThereIsSome() throws {
        var profile = Profile(name: "P", binding: .wired(interface: nil), eap: EAPSettings(outer: .tls))
        #expect(!String(decoding: ProfileJSON.encode(profile), as: UTF8.self).contains("information"))
        try profile.information.set(Self.every, for: try ApplicationID(parsing: "com.example.a"))
        let decoded = try ProfileJSON.decode(ProfileJSON.encode(profile), source: "p.json")
        #expect(decoded.information == profile.information)
        let bad = String(decoding: ProfileJSON.encode(profile), as: UTF8.self).replacingOccurrences(of: "com.example.a", with: "nodots")
        #expect(throws: (any Error).self) { try ProfileJSON.decode(Array(bad.utf8), source: "bad.json") }
    }
}
