import Foundation
import ProfileModel
import StructuredErrors
import Testing

/// `Profile.applying(_:)`: every field of a profile can be changed, the result is checked as `profile create` checks a
/// new profile, the ID and creation time stay, and a refused edit leaves the profile as it was.
@Suite struct ProfileEditTests {
    let ca: TrustedCertificate
    let otherCA: TrustedCertificate
    let profile: Profile
    static let pinA = String(repeating: "ab:", count: 31) + "ab"
    static let pinB = String(repeating: "cd:", count: 31) + "cd"

    init() throws {
        ca = try generatedCA(name: "Edit CA")
        otherCA = try generatedCA(name: "Other CA")
        profile = try samplePEAPProfile(ca: ca)
    }

    func edited(_ change: (inout ProfileEdit) -> Void) throws -> Profile {
        var edit = ProfileEdit()
        change(&edit)
        let result = try profile.applying(edit)
        #expect(result.id == profile.id)
        #expect(result.createdAt == profile.createdAt)
        return result
    }

    /// The error an edit throws; the profile it started from is a value and is checked to be unchanged.
    func refusal(_ change: (inout ProfileEdit) -> Void) throws -> any StructuredError {
        let before = profile
        var edit = ProfileEdit()
        change(&edit)
        do {
            let result = try profile.applying(edit)
            Issue.record("the edit was accepted: \(result)")
            throw CancellationError()
        } catch let error as any StructuredError {
            #expect(profile == before)
            return error
        }
    }

    @Test func emptyEditIsEmptyAndChangesNothing() throws {
        #expect(ProfileEdit().isEmpty)
        var edit = ProfileEdit()
        edit.hidden = false
        #expect(!edit.isEmpty)
        #expect(try edited { _ in } == profile)
        #expect(ProfileChange.changes(from: profile, to: profile).isEmpty)
    }

    @Test func nameSSIDSecurityHidden() throws {
        let result = try edited {
            $0.name = "Corp 2"
            $0.ssid = try? SSID(parsing: "Corp5G")
            $0.security = .wpa3
            $0.hidden = true
        }
        #expect(result.name == "Corp 2")
        #expect(result.binding == .wifi(ssid: try SSID(parsing: "Corp5G"), security: .wpa3, hidden: true))
        #expect(ProfileChange.changes(from: profile, to: result).map(\.field)
                == ["name", "binding.ssid", "binding.security", "binding.hidden"])
        #expect(ProfileChange.changes(from: profile, to: result)[1]
                == ProfileChange(field: "binding.ssid", old: "CorpNet", new: "Corp5G"))
    }

    @Test func wifiBecomesWiredAndBack() throws {
        let wired = try edited {
            $0.makeWired = true
            $0.wiredInterface = .set("eth1")
        }
        #expect(wired.binding == .wired(interface: "eth1"))
        let changes = ProfileChange.changes(from: profile, to: wired)
        #expect(changes.contains(ProfileChange(field: "binding.kind", old: "wifi", new: "wired")))
        #expect(changes.contains(ProfileChange(field: "binding.interface", old: nil, new: "eth1")))

        var toWiFi = ProfileEdit()
        toWiFi.ssid = try SSID(parsing: "Back")
        let wifi = try wired.applying(toWiFi)
        #expect(wifi.binding == .wifi(ssid: try SSID(parsing: "Back"), security: .wpa2, hidden: false))

        var lift = ProfileEdit()
        lift.wiredInterface = .clear
        #expect(try wired.applying(lift).binding == .wired(interface: nil))
    }

    @Test func bindingEditsThatDoNotFitAreRefused() throws {
        #expect(try refusal { $0.wiredInterface = .set("eth0") }.domain == .usage)
        #expect(try refusal { $0.makeWired = true; $0.security = .wpa3 }.domain == .usage)
        #expect(try refusal { $0.security = .wired }.domain == .profile)
        var wired = profile
        wired.binding = .wired(interface: nil)
        var edit = ProfileEdit()
        edit.security = .wpa3
        #expect(throws: UsageError.self) { try wired.applying(edit) }
        edit = ProfileEdit()
        edit.hidden = true
        #expect(throws: UsageError.self) { try wired.applying(edit) }
        #expect(try refusal { $0.makeWired = true; $0.wiredInterface = .set("no/slash") }.domain == .profile)
    }

    @Test func methodInnerAndIdentities() throws {
        let ttls = try edited {
            $0.method = .ttls
            $0.inner = .pap
            $0.username = .set("bob")
            $0.outerIdentity = .clear
        }
        #expect(ttls.eap == EAPSettings(outer: .ttls, inner: .pap, username: "bob", outerIdentity: nil))
        // A method change keeps an inner method that still fits, else takes the new method's default.
        #expect(try edited { $0.method = .ttls }.eap.inner == .mschapv2)
        let tls = try edited { $0.method = .tls; $0.username = .clear }
        #expect(tls.eap.inner == nil && tls.eap.username == nil)
        #expect(try edited { $0.inner = .gtc }.eap.inner == .gtc)
    }

    @Test func innerMethodThatDoesNotFitIsRefusedAsCreateRefusesIt() throws {
        let error = try refusal { $0.inner = .pap }
        #expect(error.codeInfo.name == "invalid-profile")
        #expect(error.details["problemIDs"] == .list(["inner-method-mismatch"]))
        #expect(try refusal { $0.method = .tls; $0.inner = .mschapv2 }.details["problemIDs"] == .list(["unexpected-inner-method"]))
    }

    @Test func wpa3192NeedsTLS() throws {
        let error = try refusal { $0.security = .wpa3_192 }
        #expect(error.details["problemIDs"] == .list(["suite-b-requires-tls"]))
        #expect(try edited { $0.security = .wpa3_192; $0.method = .tls }.security == .wpa3_192)
    }

    @Test func certificatesAddRemoveAndReplace() throws {
        let added = try edited { $0.addCACertificates = [otherCA, ca] }
        #expect(added.trust.caCertificates == [ca, otherCA])
        let changes = ProfileChange.changes(from: profile, to: added)
        #expect(changes == [ProfileChange(field: "trust.caCertificates", old: nil,
                                          new: "CN=Other CA (SHA-256 \(otherCA.summary.sha256Fingerprint))")])
        let replaced = try edited { $0.removeCACertificates = .all; $0.addCACertificates = [otherCA] }
        #expect(replaced.trust.caCertificates == [otherCA])
        let removed = try added.applying({ var e = ProfileEdit(); e.removeCACertificates = .fingerprints([ca.summary.sha256Fingerprint]); return e }())
        #expect(removed.trust.caCertificates == [otherCA])
    }

    @Test func removingTheLastAnchorIsRefusedWithCreatesError() throws {
        let error = try refusal { $0.removeCACertificates = .fingerprints([ca.summary.sha256Fingerprint]) }
        var bare = profile
        bare.trust.caCertificates = []
        var createError: ProfileError?
        do { _ = try bare.validated() } catch let e as ProfileError { createError = e }
        #expect(error.codeInfo.name == "invalid-profile")
        #expect(error.message == createError?.message)
        #expect(error.details["problemIDs"] == .list(["missing-trust-anchor"]))
        // With a pin or the system CAs in the same edit, the last CA can go.
        #expect(try edited { $0.removeCACertificates = .all; $0.addPins = [Self.pinA] }.trust.caCertificates.isEmpty)
        #expect(try edited { $0.removeCACertificates = .all; $0.useSystemCAs = true }.trust.useSystemCAs)
        #expect(try edited { $0.removeCACertificates = .all; $0.insecureNoServerValidation = true }.isInsecure)
    }

    @Test func removingWhatIsNotThereNamesIt() throws {
        let missing = otherCA.summary.sha256Fingerprint
        let error = try refusal { $0.removeCACertificates = .fingerprints([missing]) }
        #expect(error.codeInfo.name == "not-in-profile")
        #expect(error.message.contains(missing))
        #expect(error.details["value"] == .string(missing))
        #expect(try refusal { $0.removeServerNames = [.suffix("nope.example")] }.message.contains("nope.example"))
        #expect(try refusal { $0.removePins = [Self.pinB] }.message.contains(Self.pinB))
    }

    @Test func serverNamesAndPins() throws {
        let result = try edited {
            $0.addServerNames = [.exact("radius2.corp.example"), .suffix("corp.example")]
            $0.addPins = [Self.pinA, Self.pinB]
        }
        #expect(result.trust.serverNames == [.suffix("corp.example"), .exact("radius2.corp.example")])
        #expect(result.trust.serverCertificatePins == [Self.pinA, Self.pinB])
        var edit = ProfileEdit()
        edit.removeServerNames = [.suffix("corp.example")]
        edit.removePins = [Self.pinA]
        let trimmed = try result.applying(edit)
        #expect(trimmed.trust.serverNames == [.exact("radius2.corp.example")])
        #expect(trimmed.trust.serverCertificatePins == [Self.pinB])
        // The last server name may go only while a pin constrains the server.
        let error = try refusal { $0.removeServerNames = [.suffix("corp.example")] }
        #expect(error.details["problemIDs"] == .list(["missing-server-name"]))
    }

    @Test func tlsBoundsAndLegacy() throws {
        let bounded = try edited { $0.tlsMinVersion = .set(.tls1_2); $0.tlsMaxVersion = .set(.tls1_3) }
        #expect(bounded.trust.tlsMinVersion == .tls1_2 && bounded.trust.tlsMaxVersion == .tls1_3)
        var clear = ProfileEdit()
        clear.tlsMinVersion = .clear
        clear.tlsMaxVersion = .clear
        let open = try bounded.applying(clear)
        #expect(open.trust.tlsMinVersion == nil && open.trust.tlsMaxVersion == nil)
        #expect(try refusal { $0.tlsMinVersion = .set(.tls1_0) }.details["problemIDs"] == .list(["legacy-tls-not-allowed"]))
        #expect(try edited { $0.tlsMinVersion = .set(.tls1_0); $0.allowLegacyTLS = true }.trust.allowLegacyTLS)
        #expect(try refusal { $0.tlsMinVersion = .set(.tls1_3); $0.tlsMaxVersion = .set(.tls1_2) }
                    .details["problemIDs"] == .list(["tls-version-order"]))
    }

    @Test func insecureAndSystemCAsToggle() throws {
        let insecure = try edited { $0.insecureNoServerValidation = true; $0.useSystemCAs = true }
        #expect(insecure.isInsecure && insecure.trust.useSystemCAs)
        var back = ProfileEdit()
        back.insecureNoServerValidation = false
        back.useSystemCAs = false
        #expect(try insecure.applying(back) == profile)
    }

    @Test func textFieldsAreCheckedAsOnCreate() throws {
        #expect(try refusal { $0.name = "  " }.details["problemIDs"] == .list(["empty-name"]))
        #expect(try refusal { $0.username = .set("bob\nnetwork={") }.codeInfo.name == "invalid-profile")
    }
}
