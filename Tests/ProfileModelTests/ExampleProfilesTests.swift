import Foundation
import ProfileModel
import Testing

@Suite struct ExampleProfilesTests {
    @Test func everyExampleProfileLoadsAndValidates() throws {
        let directory = profilesDirectory()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == ["corporate-peap.json", "eap-tls.json", "eduroam-ttls.json", "wired-peap.json"])
        var ids = Set<ProfileID>()
        for file in files {
            let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(file)))
            let profile = try ProfileJSON.decode(bytes, source: file)
            #expect(ProfileValidator.problems(in: profile).isEmpty, "\(file): \(ProfileValidator.problems(in: profile))")
            let canonical = ProfileJSON.encode(profile)
            if ProcessInfo.processInfo.environment["EAPOLCTL_REWRITE_EXAMPLES"] == "1", canonical != bytes {
                try Data(canonical).write(to: directory.appendingPathComponent(file))
            }
            #expect(String(decoding: canonical, as: UTF8.self) == String(decoding: bytes, as: UTF8.self),
                    "\(file) is not in canonical form; run the tests with EAPOLCTL_REWRITE_EXAMPLES=1")
            #expect(!profile.trust.caCertificates.isEmpty)
            ids.insert(profile.id)
        }
        #expect(ids.count == files.count)
    }

    @Test func examplesCoverTheDocumentedCases() throws {
        func load(_ name: String) throws -> Profile {
            let url = profilesDirectory().appendingPathComponent(name)
            return try ProfileJSON.decode(Array(try Data(contentsOf: url)), source: name)
        }
        let peap = try load("corporate-peap.json")
        #expect(peap.eap.outer == .peap && peap.eap.inner == .mschapv2 && peap.security == .wpa2)
        #expect(peap.trust.serverNames.allSatisfy { if case .suffix = $0 { true } else { false } })
        let eduroam = try load("eduroam-ttls.json")
        #expect(eduroam.eap.outer == .ttls && eduroam.security == .wpa2_wpa3)
        #expect(eduroam.eap.outerIdentity?.hasPrefix("anonymous@") == true)
        let tls = try load("eap-tls.json")
        #expect(tls.eap.outer == .tls && tls.security == .wpa3)
        let wired = try load("wired-peap.json")
        #expect(wired.isWired)
    }
}
