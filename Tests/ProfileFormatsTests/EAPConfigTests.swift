import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

@Suite struct EAPConfigTests {
    let pki = TestPKI.shared

    func parse(_ text: String, now: Date = Date()) throws -> ImportResult {
        try ProfileImporter.parse(Array(text.utf8), source: "sample.eap-config", now: now)
    }

    @Test func detectsEAPConfig() {
        #expect(ProfileImporter.detect(Array(Samples.eapConfigMulti().utf8)) == .eapConfig)
    }

    @Test func multiMethodFileLandsEveryField() throws {
        let result = try parse(Samples.eapConfigMulti(password: true))
        #expect(result.format == .eapConfig)
        // Two SSIDs, one wired profile and one Passpoint profile (the ConsortiumOID).
        #expect(result.profiles.count == 4)
        let byNetwork = Dictionary(uniqueKeysWithValues: result.profiles.map {
            ($0.profile.ssid?.displayText ?? ($0.profile.binding.passpoint != nil ? "passpoint" : "wired"), $0)
        })
        let eduroam = try #require(byNetwork["eduroam"])
        let secure = try #require(byNetwork["example-secure"])
        let wired = try #require(byNetwork["wired"])
        let passpoint = try #require(byNetwork["passpoint"])
        #expect(passpoint.profile.binding.passpoint == PasspointSettings(
            homeDomains: ["example.org"], realm: "example.org", roamingConsortiums: [try RoamingConsortiumOI(parsing: "001bc50460")]))
        #expect(eduroam.profile.security == .wpa2)
        #expect(secure.profile.security == .wpa3)
        #expect(wired.profile.isWired)
        for item in [eduroam, secure, wired, passpoint] {
            let p = item.profile
            #expect(p.eap.outer == .peap)
            #expect(p.eap.inner == .mschapv2)
            #expect(p.eap.outerIdentity == "anonymous@example.org")
            #expect(p.eap.username == "bob@example.org")
            #expect(p.trust.caCertificates.map(\.der) == [pki.ca1DER, pki.ca2DER])
            #expect(p.trust.serverNames == [.suffix("radius.example.org"), .suffix("radius2.example.org")])
            #expect(item.usernameRule == UsernameRule(suffix: "example.org", hintOnly: true))
            #expect(item.password?.username == "bob@example.org")
            #expect(item.password?.password == SecretBytes(utf8: "s3cret & more"))
            #expect(p.name.hasPrefix("Example University"))
        }
        // The password is nowhere in the profile JSON.
        for item in result.profiles {
            #expect(!String(decoding: ProfileJSON.encode(item.profile), as: UTF8.self).contains("s3cret"))
        }
        // Which method was chosen, and why the others were not.
        let notes = result.notes.joined(separator: "\n")
        #expect(notes.contains("chose PEAP/MSCHAPv2 (method 2 of 3"))
        #expect(notes.contains("method 1 skipped: EAP-pwd (type 52) is not supported"))
        #expect(notes.contains("method 3 (EAP-TTLS (21)) not used"))
        #expect(!notes.contains("Passpoint"))
        let provider = try #require(result.provider)
        #expect(provider.displayName == "Example University")
        #expect(provider.description == "Wi-Fi for staff and students")
        #expect(provider.termsOfUse == "Be nice.")
        #expect(provider.helpdeskEmails == ["helpdesk@example.org"])
        #expect(provider.helpdeskWeb == ["https://help.example.org"])
        #expect(provider.helpdeskPhones == ["+31 20 555 0100"])
        #expect(provider.id == "example.org")
    }

    @Test func idsAreStableAcrossImports() throws {
        let first = try parse(Samples.eapConfigMulti()).profiles.map(\.profile.id)
        let second = try parse(Samples.eapConfigMulti()).profiles.map(\.profile.id)
        #expect(first == second)
        #expect(Set(first).count == 4)
    }

    @Test func ttlsNonEAPInnerMethods() throws {
        for (type, inner) in [(1, InnerMethod.pap), (2, .mschap), (3, .mschapv2)] {
            let text = Samples.eapConfigMulti()
                .replacingOccurrences(of: "<Type>25</Type>", with: "<Type>17</Type>")
                .replacingOccurrences(of: "<NonEAPAuthMethod><Type>1</Type>", with: "<NonEAPAuthMethod><Type>\(type)</Type>")
            let result = try parse(text)
            #expect(result.profiles[0].profile.eap.outer == .ttls)
            #expect(result.profiles[0].profile.eap.inner == inner)
            #expect(result.profiles[0].profile.trust.caCertificates.map(\.der) == [pki.ca1DER])
            #expect(result.notes.contains { $0.contains("method 2 skipped: LEAP (type 17)") })
        }
    }

    @Test func tlsWithPKCS12AndPassphrase() throws {
        let result = try parse(Samples.eapConfigTLS(passphrase: pki.p12Passphrase))
        let item = try #require(result.profiles.first)
        #expect(item.profile.eap.outer == .tls)
        #expect(item.profile.eap.inner == nil)
        #expect(item.identity?.bundle == SecretBytes(pki.p12SHA256))
        #expect(item.identity?.passphrase == SecretBytes(utf8: pki.p12Passphrase))
        #expect(!item.needsIdentity)
    }

    @Test func tlsWithoutPassphraseKeepsBundleForLater() throws {
        let item = try #require(try parse(Samples.eapConfigTLS(passphrase: nil)).profiles.first)
        #expect(item.identity?.passphrase == nil)
        #expect(item.identity?.bundle == SecretBytes(pki.p12SHA256))
    }

    @Test func wrongPKCS12PassphraseIsRefused() throws {
        let error = try #require(throws: ImportError.self) { try parse(Samples.eapConfigTLS(passphrase: "wrong")) }
        #expect(error.code == .pkcs12WrongPassphrase)
    }

    @Test func malformedXMLReportsLineAndColumn() throws {
        var text = Samples.eapConfigMulti()
        text = text.replacingOccurrences(of: "</EAPMethod>\n        <ServerSideCredential>\n", with: "</EAPMethodX>\n        <ServerSideCredential>\n")
        let error = try #require(throws: ImportError.self) { try parse(text) }
        #expect(error.code == .malformedFile)
        guard case .int(let line)? = error.details["line"], case .int(let column)? = error.details["column"] else {
            Issue.record("no line/column in \(error.details)")
            return
        }
        let expectedLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("</EAPMethodX>") }! + 1
        #expect(line == expectedLine)
        #expect(column > 0)
        #expect(error.message.contains("line \(line)"))
    }

    @Test func structuralErrors() throws {
        let base = Samples.eapConfigMulti()
        let cases: [(String, ImportErrorCode)] = [
            (base.replacingOccurrences(of: "<ServerID>radius2.example.org</ServerID>", with: "<ServerIdentity>x</ServerIdentity>"), .unexpectedElement),
            (base.replacingOccurrences(of: "<EAPMethod><Type>25</Type></EAPMethod>", with: ""), .missingField),
            (base.replacingOccurrences(of: pki.ca2DER.base64, with: "!!notbase64!!"), .invalidEncoding),
            (base.replacingOccurrences(of: pki.ca2DER.base64, with: pki.leafDER.base64), .unusableCA),
            (base.replacingOccurrences(of: "<Type>25</Type>", with: "<Type>18</Type>").replacingOccurrences(of: "<Type>21</Type>", with: "<Type>43</Type>"), .noSupportedMethod),
            (base.replacingOccurrences(of: "<IEEE80211><SSID>eduroam</SSID><MinRSNProto>CCMP</MinRSNProto></IEEE80211>", with: "")
                .replacingOccurrences(of: "<IEEE80211><SSID>example-secure</SSID><MinRSNProto>GCMP</MinRSNProto></IEEE80211>", with: "")
                .replacingOccurrences(of: "<IEEE8023><NetworkID>wired-campus</NetworkID></IEEE8023>", with: "")
                .replacingOccurrences(of: "<IEEE80211><ConsortiumOID>001bc50460</ConsortiumOID></IEEE80211>", with: ""),
             .noApplicableNetwork),
            ("<?xml version=\"1.0\"?><Other/>", .unsupportedFormat),
        ]
        for (index, (text, code)) in cases.enumerated() {
            do {
                _ = try ProfileImporter.parse(Array(text.utf8), source: "case\(index)", format: .eapConfig)
                Issue.record("case \(index) was accepted, expected \(code)")
            } catch let error as ImportError {
                #expect(error.code == code, "case \(index): \(error.message)")
                #expect(error.message.contains("case\(index)"))
            }
        }
    }

    @Test func expiredCAIsRefused() throws {
        let later = Date().addingTimeInterval(365 * 86_400)
        let error = try #require(throws: ImportError.self) { try parse(Samples.eapConfigMulti(), now: later) }
        #expect(error.code == .unusableCA)
        #expect(error.message.contains("expired"))
    }
}
