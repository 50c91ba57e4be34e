import Foundation
import ProfileModel
import StructuredErrors
import Testing

@Suite struct ProfileJSONTests {
    func richProfile() throws -> Profile {
        let ca = try generatedCA(name: "Rich CA")
        let other = try generatedCA(name: "Other CA")
        return Profile(
            name: "eduroam \"quoted\" / slashes",
            binding: .wifi(ssid: try SSID(bytes: [0xFF, 0x00, 0x41]), security: .wpa2_wpa3, hidden: true),
            eap: EAPSettings(outer: .ttls, inner: .pap, username: "student@uni.example", outerIdentity: "anonymous@uni.example"),
            trust: TrustSettings(
                caCertificates: [ca, other], useSystemCAs: true, systemCABundlePath: "/etc/ssl/custom.pem",
                serverCertificatePins: [ca.summary.sha256Fingerprint],
                serverNames: [.suffix("uni.example"), .exact("radius.uni.example")],
                tlsMinVersion: .tls1_1, tlsMaxVersion: .tls1_3, allowLegacyTLS: true),
            createdAt: Date(timeIntervalSince1970: 1_700_000_000.75))
    }

    @Test func roundTripOfRichProfiles() throws {
        let profiles = [
            try richProfile(),
            Profile(name: "wired", binding: .wired(interface: nil), eap: EAPSettings(outer: .tls),
                    trust: TrustSettings(insecureNoServerValidation: true)),
            Profile(name: "wired eth1", binding: .wired(interface: "eth1"), eap: EAPSettings(outer: .peap, inner: .gtc)),
        ]
        for profile in profiles {
            let bytes = ProfileJSON.encode(profile)
            let decoded = try ProfileJSON.decode(bytes, source: "rich.json")
            #expect(decoded == profile)
            #expect(String(decoding: ProfileJSON.encode(decoded), as: UTF8.self) == String(decoding: bytes, as: UTF8.self), "encoding is stable")
            #expect(try ProfileJSON.decodeSummary(bytes, source: "rich.json") == profile.summary)
        }
    }

    @Test func encodingHasFormatVersionAndSortedKeys() throws {
        let profile = try richProfile()
        let text = String(decoding: ProfileJSON.encode(profile), as: UTF8.self)
        #expect(text.contains("\"format\" : \"eapolctl-profile\""))
        #expect(text.contains("\"version\" : 1"))
        #expect(text.contains("\"ssid\" : \"hex:FF0041\""))
        #expect(text.contains("\"createdAt\" : \"2023-11-14T22:13:20Z\""))
        #expect(text.contains("\"exact:radius.uni.example\""))
        let keys = ["binding", "createdAt", "eap", "format", "id", "name", "trust", "version"]
        let positions = keys.map { text.range(of: "\n  \"\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.hasSuffix("}\n"))
    }

    func decodeError(_ json: String, source: String = "/etc/eapolctl/profiles/x.json") -> (any StructuredError)? {
        do {
            _ = try ProfileJSON.decode(Array(json.utf8), source: source)
            return nil
        } catch let error as any StructuredError {
            return error
        } catch {
            Issue.record("not a structured error: \(error)")
            return nil
        }
    }

    func mutated(_ edit: (inout [String: Any]) -> Void) throws -> String {
        let bytes = ProfileJSON.encode(try samplePEAPProfile(ca: try generatedCA()))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        edit(&object)
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func invalidFieldValuesNameTheFieldAndFile() throws {
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("binding.security", { o in var b = o["binding"] as! [String: Any]; b["security"] = "wep"; o["binding"] = b }),
            ("binding.ssid", { o in var b = o["binding"] as! [String: Any]; b["ssid"] = String(repeating: "x", count: 40); o["binding"] = b }),
            ("eap.outer", { o in var e = o["eap"] as! [String: Any]; e["outer"] = "md5"; o["eap"] = e }),
            ("eap.inner", { o in var e = o["eap"] as! [String: Any]; e["inner"] = 5; o["eap"] = e }),
            ("trust.serverNames[0]", { o in var t = o["trust"] as! [String: Any]; t["serverNames"] = ["bad name"]; o["trust"] = t }),
            ("trust.caCertificates[0]", { o in var t = o["trust"] as! [String: Any]; t["caCertificates"] = ["AAAA"]; o["trust"] = t }),
            ("trust.tlsMinVersion", { o in var t = o["trust"] as! [String: Any]; t["tlsMinVersion"] = "1.9"; o["trust"] = t }),
            ("id", { o in o["id"] = "nope" }),
            ("createdAt", { o in o["createdAt"] = "yesterday" }),
            ("name", { o in o["name"] = NSNull() }),
        ]
        for (field, edit) in cases {
            let error = decodeError(try mutated(edit))
            #expect(error?.codeInfo.name == "invalid-json", "\(field)")
            #expect(error?.details["field"] == .string(field), "\(field)")
            #expect(error?.message.contains("/etc/eapolctl/profiles/x.json: field '\(field)'") == true, "\(error?.message ?? "")")
        }
    }

    @Test func missingFieldsAreImportErrors() throws {
        let error = decodeError(try mutated { o in var e = o["eap"] as! [String: Any]; e["outer"] = nil; o["eap"] = e })
        #expect(error?.codeInfo.name == "missing-field")
        #expect(error?.domain == .import)
        #expect(error?.details["field"] == .string("eap.outer"))
        #expect(error?.message.contains("x.json") == true)
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let error = decodeError("{\n  \"format\": \"eapolctl-profile\",\n  \"version\": 1,\n  oops\n}")
        #expect(error?.codeInfo.name == "malformed-file")
        #expect(error?.details["line"] == .int(4))
        #expect(error?.details["column"] != nil)
        #expect(error?.message.contains("x.json: invalid JSON at line 4") == true, "\(error?.message ?? "")")
    }

    @Test func formatAndVersionAreChecked() throws {
        let newer = decodeError(try mutated { o in o["version"] = 2; o["eap"] = "a future shape" })
        #expect(newer?.codeInfo.name == "unsupported-version")
        #expect(newer?.message.contains("version 2") == true)
        let foreign = decodeError(try mutated { o in o["format"] = "something-else" })
        #expect(foreign?.codeInfo.name == "unsupported-format")
        let noFormat = decodeError(try mutated { o in o["format"] = nil })
        #expect(noFormat?.codeInfo.name == "unsupported-format")
        #expect(decodeError("[1, 2]")?.codeInfo.name == "unsupported-format")
    }

    @Test func decodingDoesNotValidate() throws {
        let json = try mutated { o in var t = o["trust"] as! [String: Any]; t["caCertificates"] = []; o["trust"] = t }
        let profile = try ProfileJSON.decode(Array(json.utf8), source: "x.json")
        #expect(ProfileValidator.problems(in: profile).map(\.id) == ["missing-trust-anchor"])
    }

    @Test func optionalTrustFieldsDefault() throws {
        let json = """
        {"format": "eapolctl-profile", "version": 1, "id": "6A1F3C2E-0B7D-4E59-9C8A-1D2E3F405162", "name": "Min",
         "createdAt": "2025-01-15T09:30:00Z", "binding": {"kind": "wifi", "ssid": "Min", "security": "wpa3"},
         "eap": {"outer": "peap", "inner": "mschapv2"}, "trust": {"useSystemCAs": true, "serverNames": ["min.example"]}}
        """
        let profile = try ProfileJSON.decode(Array(json.utf8), source: "min.json")
        #expect(profile.trust.systemCABundlePath == TrustSettings.defaultSystemCABundlePath)
        #expect(profile.binding == .wifi(ssid: try SSID(parsing: "Min"), security: .wpa3, hidden: false))
        #expect(ProfileValidator.problems(in: profile).isEmpty)
    }
}
