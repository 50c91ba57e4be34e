import ProfileModel
import StructuredErrors
import Testing

@Suite struct EnumParsingTests {
    @Test(arguments: [
        ("wpa2", SecurityType.wpa2), ("WPA", .wpa2), ("WPA2", .wpa2), ("wpa3", .wpa3), ("WPA3", .wpa3),
        ("wpa3-192", .wpa3_192), ("WPA3_192", .wpa3_192), ("wpa2-wpa3", .wpa2_wpa3), ("Any", .wpa2_wpa3),
        ("any", .wpa2_wpa3), ("wired", .wired),
    ])
    func securityTypeSpellings(text: String, expected: SecurityType) throws {
        #expect(try SecurityType(parsing: text) == expected)
    }

    @Test(arguments: ["WEP", "wep", "None", "open"])
    func securityTypeRefusesWEPAndOpen(text: String) {
        do {
            _ = try SecurityType(parsing: text)
            Issue.record("\(text) was accepted")
        } catch let error as ProfileError {
            #expect(error.code == .unsupportedSecurityType)
            #expect(error.message.contains("WEP is broken"))
            #expect(error.message.contains("WPA2/WPA3-Enterprise"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func securityTypeUnknown() {
        #expect(throws: ProfileError(.unsupportedSecurityType, "")) { try SecurityType(parsing: "wpa4") }
    }

    @Test(arguments: [
        ("PEAP", EAPMethod.peap), ("peap", .peap), ("EAP-PEAP", .peap), ("25", .peap),
        ("TTLS", .ttls), ("eap-ttls", .ttls), ("21", .ttls),
        ("TLS", .tls), ("EAP-TLS", .tls), ("13", .tls),
    ])
    func eapMethodSpellings(text: String, expected: EAPMethod) throws {
        let method = try EAPMethod(parsing: text)
        #expect(method == expected)
        #expect(try EAPMethod(parsing: String(method.eapTypeNumber)) == method)
    }

    @Test(arguments: [
        ("MD5", "EAP-MD5"), ("4", "EAP-MD5"), ("SIM", "EAP-SIM"),
        ("18", "EAP-SIM"), ("AKA", "EAP-AKA"), ("23", "EAP-AKA"), ("50", "EAP-AKA'"), ("AKA'", "EAP-AKA'"),
    ])
    func eapMethodRefusesKnownUnsupported(text: String, name: String) {
        do {
            _ = try EAPMethod(parsing: text)
            Issue.record("\(text) was accepted")
        } catch let error as ProfileError {
            #expect(error.code == .unsupportedEAPMethod)
            #expect(error.message.contains("\(name) (type"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func eapMethodUnknown() {
        #expect(throws: ProfileError(.unsupportedEAPMethod, "")) { try EAPMethod(parsing: "kerberos") }
    }

    @Test func firstSupportedSkipsUnsupported() throws {
        let (method, skipped) = try EAPMethod.firstSupported(in: ["EAP-SIM", "PEAP", "TTLS"])
        #expect(method == .peap)
        #expect(skipped == ["EAP-SIM", "TTLS"])
        #expect(throws: ProfileError(.unsupportedEAPMethod, "")) { try EAPMethod.firstSupported(in: ["LEAP", "18"]) }
        #expect(throws: ProfileError(.unsupportedEAPMethod, "")) { try EAPMethod.firstSupported(in: []) }
    }

    @Test(arguments: [
        ("PAP", InnerMethod.pap), ("chap", .chap), ("MSCHAP", .mschap), ("MSCHAPv2", .mschapv2),
        ("mschapv2", .mschapv2), ("EAP-MSCHAPv2", .eapMSCHAPv2), ("GTC", .gtc), ("eap-gtc", .gtc),
    ])
    func innerMethodSpellings(text: String, expected: InnerMethod) throws {
        #expect(try InnerMethod(parsing: text) == expected)
    }

    @Test func innerMethodUnknown() {
        #expect(throws: ProfileError(.invalidInnerMethod, "")) { try InnerMethod(parsing: "EAP-TLS") }
    }

    @Test func innerDefaultsAndNormalisation() {
        #expect(EAPSettings(outer: .peap).inner == .mschapv2)
        #expect(EAPSettings(outer: .ttls).inner == .mschapv2)
        #expect(EAPSettings(outer: .tls).inner == nil)
        #expect(EAPSettings(outer: .peap, inner: .eapMSCHAPv2).inner == .mschapv2)
        #expect(EAPSettings(outer: .ttls, inner: .eapMSCHAPv2).inner == .eapMSCHAPv2)
    }

    @Test func tlsVersions() throws {
        #expect(try TLSVersion(parsing: "1.2") == .tls1_2)
        #expect(try TLSVersion(parsing: "TLSv1.3") == .tls1_3)
        #expect(try TLSVersion(parsing: "tls1_0") == .tls1_0)
        #expect(TLSVersion.tls1_1 < .tls1_2)
        #expect(TLSVersion.tls1_1.isLegacy && !TLSVersion.tls1_2.isLegacy)
        #expect(throws: ProfileError(.invalidTLSVersion, "")) { try TLSVersion(parsing: "1.4") }
    }

    @Test func serverNameConstraints() throws {
        #expect(try ServerNameConstraint(parsing: "Corp.Example") == .suffix("corp.example"))
        #expect(try ServerNameConstraint(parsing: "=radius.corp.example") == .exact("radius.corp.example"))
        #expect(try ServerNameConstraint(parsing: "exact:radius.corp.example") == .exact("radius.corp.example"))
        let suffix = ServerNameConstraint.suffix("corp.example")
        #expect(suffix.matches("corp.example") && suffix.matches("radius.corp.example"))
        #expect(!suffix.matches("badcorp.example") && !suffix.matches("corp.example.evil"))
        let exact = ServerNameConstraint.exact("radius.corp.example")
        #expect(exact.matches("RADIUS.corp.example.") && !exact.matches("x.radius.corp.example"))
        for bad in ["", "*.corp.example", "-corp.example", "corp..example", "corp example", "=", String(repeating: "a", count: 64) + ".x"] {
            #expect(throws: ProfileError(.invalidServerName, ""), "\(bad)") { try ServerNameConstraint(parsing: bad) }
        }
    }

    @Test func profileIDs() throws {
        let id = ProfileID.new()
        #expect(ProfileID(string: id.description) == id)
        #expect(ProfileID(string: id.description.lowercased()) == id)
        #expect(id.description == id.description.uppercased())
        #expect(ProfileID(string: "not-a-uuid") == nil)
    }

    @Test func errorCodesAreInRangeAndDescribed() {
        let profileNumbers = ProfileErrorCode.allCodes.map(\.number)
        #expect(profileNumbers.first == 201 && Set(profileNumbers).count == profileNumbers.count)
        #expect(ImportErrorCode.allCodes.map(\.number) == Array(301...315))
        for info in ProfileErrorCode.allCodes.map(\.info) + ImportErrorCode.allCodes.map(\.info) {
            #expect(!info.summary.isEmpty && !info.hint.isEmpty)
        }
    }

    @Test func duplicateSSIDMessageNamesExistingProfile() throws {
        let id = ProfileID.new()
        let error = ProfileError.duplicateSSID(try SSID(parsing: "CorpNet"), existingName: "Corp", existingID: id)
        #expect(error.code == .duplicateSSID)
        #expect(error.message == "a profile for SSID CorpNet already exists: Corp \(id)")
    }
}
