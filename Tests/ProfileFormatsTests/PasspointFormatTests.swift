import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

/// Passpoint profiles through every format: eap-config import (every ConsortiumOID, SSID and Passpoint profiles side
/// by side), wpa_supplicant `cred={}` and iwd hotspot exports, the eapolcfg plist round trip, NetworkManager's refusal.
@Suite struct PasspointFormatTests {
    let pki = TestPKI.shared

    func profile(domains: [String] = ["example.org", "example.net"], realm: String? = "example.org",
                 ois: [String] = ["001bc50460", "5a03ba0000", "004096"], method: EAPMethod = .ttls,
                 names: [ServerNameConstraint] = [.suffix("radius.example.org")]) throws -> Profile {
        Profile(name: "Edu Passpoint", binding: .passpoint(PasspointSettings(
                    homeDomains: domains, realm: realm, roamingConsortiums: try ois.map(RoamingConsortiumOI.init(parsing:)))),
                eap: EAPSettings(outer: method, inner: method == .tls ? nil : .mschapv2, username: "alice@example.org",
                                 outerIdentity: "anonymous@example.org"),
                trust: TrustSettings(caCertificates: try TrustedCertificate.parse(pki.ca1DER, source: "ca"), serverNames: names))
    }

    static func eapConfig(_ pki: TestPKI, applicability: String, providerID: String = "example.edu") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <EAPIdentityProviderList>
          <EAPIdentityProvider ID="\(providerID)" namespace="urn:RFC4282:realm" lang="en" version="1">
            <AuthenticationMethods><AuthenticationMethod>
              <EAPMethod><Type>21</Type></EAPMethod>
              <ServerSideCredential><CA format="X.509" encoding="base64">\(pki.ca1DER.base64)</CA><ServerID>radius.example.edu</ServerID></ServerSideCredential>
              <ClientSideCredential><OuterIdentity>anonymous@example.edu</OuterIdentity></ClientSideCredential>
              <InnerAuthenticationMethod><NonEAPAuthMethod><Type>3</Type></NonEAPAuthMethod></InnerAuthenticationMethod>
            </AuthenticationMethod></AuthenticationMethods>
            <CredentialApplicability>\(applicability)</CredentialApplicability>
            <ProviderInfo><DisplayName lang="en">Example Edu</DisplayName></ProviderInfo>
          </EAPIdentityProvider>
        </EAPIdentityProviderList>
        """
    }

    @Test func eapConfigWithSSIDAndOIsGivesBothProfilesWithEveryOI() throws {
        let text = Self.eapConfig(pki, applicability: """
            <IEEE80211><SSID>eduroam</SSID></IEEE80211>
            <IEEE80211><ConsortiumOID>001bc50460</ConsortiumOID></IEEE80211>
            <IEEE80211><ConsortiumOID>5A03BA0000</ConsortiumOID></IEEE80211>
            <IEEE80211><ConsortiumOID>001bc50460</ConsortiumOID><ConsortiumOID>004096</ConsortiumOID></IEEE80211>
            """)
        let result = try ProfileImporter.parse(Array(text.utf8), source: "edu.eap-config")
        #expect(result.profiles.count == 2)
        let wifi = try #require(result.profiles.first { $0.profile.ssid != nil }?.profile)
        let passpoint = try #require(result.profiles.first { $0.profile.binding.passpoint != nil }?.profile)
        #expect(wifi.ssid?.displayText == "eduroam")
        let settings = try #require(passpoint.binding.passpoint)
        #expect(settings.roamingConsortiums.map(\.hex) == ["001bc50460", "5a03ba0000", "004096"])
        #expect(settings.homeDomains == ["example.edu"] && settings.realm == "example.edu")
        #expect(passpoint.eap.outer == .ttls && passpoint.eap.inner == .mschapv2)
        #expect(passpoint.trust == wifi.trust)
        #expect(passpoint.id != wifi.id)
        #expect(passpoint.name == "Example Edu (Passpoint)")
    }

    @Test func onlyOIsGivesAPasspointProfileInsteadOfNoApplicableNetwork() throws {
        let text = Self.eapConfig(pki, applicability: "<IEEE80211><ConsortiumOID>001bc50460</ConsortiumOID></IEEE80211>")
        let result = try ProfileImporter.parse(Array(text.utf8), source: "edu.eap-config")
        #expect(result.profiles.map { $0.profile.binding.passpoint?.roamingConsortiums.map(\.hex) } == [["001bc50460"]])
    }

    @Test(arguments: ["001bc5", "zz1bc50460", "001bc504601", "00:1b:c5:04", "\u{202E}001bc50460"])
    func malformedConsortiumOIDIsAStructuredErrorNamingIt(_ oid: String) throws {
        let text = Self.eapConfig(pki, applicability: "<IEEE80211><ConsortiumOID>\(oid)</ConsortiumOID></IEEE80211>")
        if oid == "001bc5" {
            // 3 bytes is a valid OI (OUI-24).
            #expect(try ProfileImporter.parse(Array(text.utf8), source: "x").profiles.count == 1)
            return
        }
        let error = try #require(throws: ImportError.self) { try ProfileImporter.parse(Array(text.utf8), source: "x") }
        #expect(error.code == .unexpectedElement)
        #expect(error.details["field"] == .string("ConsortiumOID"))
    }

    @Test func wpaSupplicantExportIsACredBlock() throws {
        let output = try ProfileExporter.export(try profile(), as: .wpaSupplicant, secrets: ExportSecrets(
            password: ImportedPassword(username: "alice@example.org", password: SecretBytes(utf8: "pw"))))
        let text = output.text
        #expect(text.contains("cred={") && !text.contains("network={"))
        for line in ["realm=\"example.org\"", "domain=\"example.org\"", "domain=\"example.net\"",
                     "roaming_consortiums=\"001bc50460,5a03ba0000,004096\"", "eap=TTLS", "username=\"alice@example.org\"",
                     "password=\"pw\"", "domain_suffix_match=\"radius.example.org\"", "phase2=\"auth=MSCHAPV2\""] {
            #expect(text.contains("\t" + line + "\n"), "missing \(line)")
        }
        #expect(!text.contains("identity=") && !text.contains("ssid=") && !text.contains("key_mgmt"))
        #expect(output.notes.contains { $0.contains("outer identity") })
    }

    @Test func exactServerNamesCannotBeACredAndSaySo() throws {
        let error = try #require(throws: ImportError.self) {
            try ProfileExporter.export(try profile(names: [.exact("radius.example.org")]), as: .wpaSupplicant)
        }
        #expect(error.code == .unsupportedExport && error.message.contains("domain_suffix_match"))
    }

    @Test func hostileDomainInAnUnvalidatedProfileIsRefusedNotWritten() throws {
        // A profile value that bypassed validation (built in code) still cannot end the quoted value.
        var p = try profile()
        p.binding = .passpoint(PasspointSettings(homeDomains: ["x.org\"\n}\nap_scan=2\ncred={"], realm: "example.org"))
        #expect(throws: ImportError.self) { try ProfileExporter.export(p, as: .wpaSupplicant) }
        p.binding = .passpoint(PasspointSettings(homeDomains: ["example.org"], realm: "a\"b"))
        #expect(throws: ImportError.self) { try ProfileExporter.export(p, as: .wpaSupplicant) }
    }

    @Test func iwdHotspotFileCarriesTheFirstOIAndNamesTheRest() throws {
        let output = try ProfileExporter.export(try profile(), as: .iwd)
        let text = output.text
        #expect(text.contains("[Hotspot]\nName=Edu Passpoint\nDomain=example.org\nNAIRealmNames=example.org\nRoamingConsortium=001bc50460\n"))
        #expect(text.contains("[Security]\nEAP-Method=TTLS\n"))
        #expect(text.contains("EAP-TTLS-Phase2-Method=Tunneled-MSCHAPv2"))
        #expect(output.suggestedFileName == "Edu_Passpoint.conf")
        #expect(output.notes.contains { $0.contains("5a03ba0000, 004096") })
        #expect(output.notes.contains { $0.contains("/var/lib/iwd/hotspot/") })
    }

    @Test func networkManagerRefusesPasspoint() throws {
        let error = try #require(throws: ImportError.self) { try ProfileExporter.export(try profile(), as: .networkManager) }
        #expect(error.code == .unsupportedExport && error.message.contains("Passpoint"))
    }

    @Test func eapolcfgPlistRoundTripKeepsEverything() throws {
        let original = try profile()
        let output = try ProfileExporter.export(original, as: .eapolcfg)
        let back = try #require(try ProfileImporter.parse(output.bytes, source: "x.plist", format: .eapolcfg).profiles.first).profile
        #expect(back.binding == original.binding)
        #expect(back.id == original.id && back.eap == original.eap)
    }

    @Test func eapolcfgDomainOnlyPlistIsAPasspointProfile() throws {
        var plist = try PropertyListSerialization.propertyList(
            from: Data(try ProfileExporter.export(try profile(), as: .eapolcfg).bytes), format: nil) as! [String: Any]
        plist["Information"] = nil   // as eapolcfg itself writes it: WLAN.Domain only
        let data = try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0)
        let back = try #require(try ProfileImporter.parse(Array(data), source: "x.plist", format: .eapolcfg).profiles.first).profile
        #expect(back.binding == .passpoint(PasspointSettings(homeDomains: ["example.org"], realm: "example.org")))
    }

    /// A malformed OI in an eapolcfg plist is named with the file and the key it sits under, not only its text.
    @Test func eapolcfgPlistWithABadOINamesTheFileAndKey() throws {
        var plist = try PropertyListSerialization.propertyList(
            from: Data(try ProfileExporter.export(try profile(), as: .eapolcfg).bytes), format: nil) as! [String: Any]
        var information = try #require(plist["Information"] as? [String: Any])
        var extra = try #require(information[EapolcfgPlist.informationKey] as? [String: Any])
        extra["PasspointRoamingConsortiums"] = ["001bc50460", "00zz11"]
        information[EapolcfgPlist.informationKey] = extra
        plist["Information"] = information
        let data = try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0)
        let error = try #require(throws: ProfileError.self) {
            try ProfileImporter.parse(Array(data), source: "corp.plist", format: .eapolcfg)
        }
        #expect(error.code == .invalidPasspoint)
        #expect(error.message.hasPrefix("corp.plist: key 'Information.org.eapolctl.PasspointRoamingConsortiums[1]'"), "\(error.message)")
        #expect(error.message.contains("00zz11"))
        #expect(error.details["file"] == .string("corp.plist"))
        #expect(error.details["field"] == .string("Information.org.eapolctl.PasspointRoamingConsortiums[1]"))
        #expect(error.details["oi"] == .string("00zz11"))
    }
}
