import DBusKit
import Secrets
import StructuredErrors
import Testing
@testable import SupplicantClient

/// A Passpoint credential becomes `AddCred`'s a{sv}: matching keys first, then the network's EAP mapping renamed.
@Suite struct PasspointCredentialTests {
    static let ca = NetworkSpec.CACertificate(der: [0x30, 0x01, 0xAA], subject: "CN=A", issuer: "CN=A",
                                              sha256Hex: String(repeating: "a", count: 64))
    static let eduroam: [UInt8] = [0x00, 0x1b, 0xc5, 0x04, 0x60]
    static let openRoaming: [UInt8] = [0x5a, 0x03, 0xba, 0x00, 0x00]

    static func credential(domains: [String] = ["hwsim.test", "example.org"], realm: String? = "hwsim.test",
                           ois: [[UInt8]] = [eduroam, openRoaming, [0x00, 0x40, 0x96]],
                           outer: NetworkSpec.OuterMethod = .peap, identity: String = "alice@hwsim.test",
                           password: String = "pw", serverNames: [NetworkSpec.ServerName] = [.suffix("radius.hwsim.test")],
                           anonymous: String? = nil) -> PasspointCredential {
        PasspointCredential(homeDomains: domains, realm: realm, roamingConsortiums: ois, network: NetworkSpec(
            binding: .wired, outer: outer, inner: outer == .tls ? nil : .mschapv2, identity: Array(identity.utf8),
            anonymousIdentity: anonymous.map { Array($0.utf8) }, password: SecretBytes(utf8: password),
            caCertificates: [ca], serverNames: serverNames))
    }

    static func refusal(_ c: PasspointCredential) -> SupplicantError? {
        do { _ = try CredentialConfiguration.make(from: c, blobPrefix: "eapolctl"); return nil } catch { return error }
    }

    @Test func everyOIAndDomainReachesAddCred() throws {
        let plan = try CredentialConfiguration.make(from: Self.credential(), blobPrefix: "eapolctl")
        #expect(plan.values(for: "realm") == [.string("hwsim.test")])
        #expect(plan.values(for: "domain") == [.string("hwsim.test"), .string("example.org")])
        #expect(plan.values(for: "roaming_consortiums") == [.string("001bc50460,5a03ba0000,004096")])
        #expect(plan.values(for: "eap") == [.string("PEAP")])
        #expect(plan.values(for: "username") == [.bytes(Array("alice@hwsim.test".utf8))])
        #expect(plan.values(for: "phase2") == [.string("auth=MSCHAPV2")])
        #expect(plan.values(for: "domain_suffix_match") == [.string("radius.hwsim.test")])
        let blob = try #require(plan.blobs.first)
        #expect(plan.values(for: "ca_cert") == [.string(blob.reference)])
        guard case .secretBytes(let secret)? = plan.values(for: "password").first else { Issue.record("no password"); return }
        #expect(secret.utf8String() == "pw")
        // Network-only keys never reach a credential.
        for key in ["key_mgmt", "eapol_flags", "identity", "ssid"] { #expect(!plan.keys.contains(key)) }
    }

    @Test func keysWithoutACredentialFormAreOmittedAndListed() throws {
        let plan = try CredentialConfiguration.make(
            from: Self.credential(serverNames: [.exact("radius.hwsim.test")], anonymous: "anon@hwsim.test"), blobPrefix: "e")
        #expect(plan.omittedNetworkKeys.sorted() == ["anonymous_identity", "domain_match"])
        #expect(!plan.keys.contains("anonymous_identity") && !plan.keys.contains("domain_match"))
    }

    @Test func ouiOnlyCredentialHasNoRealmKey() throws {
        let plan = try CredentialConfiguration.make(from: Self.credential(realm: nil), blobPrefix: "eapolctl")
        #expect(!plan.keys.contains("realm"))
    }

    @Test(arguments: [
        ([[0x00, 0x1b, 0xc5, 0x04]], "roaming_consortiums"),          // 4 bytes
        ([[0x00, 0x1b]], "roaming_consortiums"),                      // 2 bytes
        ([eduroam, eduroam], "roaming_consortiums"),                  // twice
    ] as [([[UInt8]], String)])
    func malformedOIsAreRefusedByName(_ ois: [[UInt8]], _ key: String) {
        let error = Self.refusal(Self.credential(ois: ois))
        #expect(error?.code == .invalidNetworkConfig)
        #expect(error?.details["key"] == .string(key))
    }

    @Test func neitherRealmNorOIMatchesNothingAndIsRefused() {
        #expect(Self.refusal(Self.credential(realm: nil, ois: []))?.details["key"] == .string("realm"))
    }

    @Test func thirtySevenOIsAreTooMany() {
        let ois = (0..<37).map { [UInt8(0), UInt8(0), UInt8($0)] }
        #expect(Self.refusal(Self.credential(ois: ois))?.details["key"] == .string("roaming_consortiums"))
        #expect(Self.refusal(Self.credential(ois: Array(ois.prefix(36)))) == nil)
    }

    @Test(arguments: ["hwsim.test\"\nap_scan=2", "a b.test", "x\u{0}y", ".test", "a..b", "", String(repeating: "a", count: 254)])
    func domainsAndRealmsMustBeDomainNames(_ hostile: String) {
        #expect(Self.refusal(Self.credential(domains: [hostile]))?.details["key"] == .string("domain"))
        #expect(Self.refusal(Self.credential(realm: hostile))?.details["key"] == .string("realm"))
    }

    @Test func usernameWithALineBreakIsRefused() {
        // wpa_supplicant refuses line breaks in credential strings (has_newline); it would answer only InvalidArgs.
        #expect(Self.refusal(Self.credential(identity: "alice\n"))?.details["key"] == .string("username"))
        #expect(Self.refusal(Self.credential(password: "p\nw"))?.details["key"] == .string("password"))
    }

    @Test(arguments: [NetworkSpec.OuterMethod.fast, .leap])
    func onlyPEAPTTLSAndTLSArePasspointMethods(_ method: NetworkSpec.OuterMethod) {
        #expect(Self.refusal(Self.credential(outer: method))?.details["key"] == .string("eap"))
    }

    @Test func aCredentialWithoutTrustIsRefusedLikeANetwork() {
        var c = Self.credential()
        c.network.caCertificates = []
        #expect(Self.refusal(c)?.details["key"] == .string("ca_cert"))
    }
}

/// InterworkingAPAdded / InterworkingSelectDone decode only in wpa_supplicant 2.10's exact shape.
@Suite struct InterworkingSignalDecoderTests {
    static let iface = "/fi/w1/wpa_supplicant1/Interfaces/3"

    static func signal(_ member: String, _ args: [DBusValue], path: String = iface,
                       interface: String = SupplicantNames.interface) -> DBusSignal {
        DBusSignal(sender: ":1.7", path: path, interface: interface, member: member, arguments: args)
    }

    static func info(_ type: String, excluded: Int32 = 0) -> DBusValue {
        .dictionary(keySignature: "s", valueSignature: "v", [
            .init(key: .string("type"), value: .variant(.string(type))),
            .init(key: .string("excluded"), value: .variant(.int32(excluded))),
            .init(key: .string("priority"), value: .variant(.int32(0))),
        ])
    }

    @Test func apAddedDecodes() {
        let events = InterworkingSignalDecoder.events(from: Self.signal("InterworkingAPAdded", [
            .objectPath(Self.iface + "/BSSs/4"), .objectPath(Self.iface + "/Credentials/0"), Self.info("home"),
        ]), interfacePath: Self.iface)
        #expect(events == [.accessPointMatched(.init(bssPath: Self.iface + "/BSSs/4", credentialPath: Self.iface + "/Credentials/0",
                                                     kind: .home, excluded: false))])
    }

    @Test func selectDoneDecodes() {
        #expect(InterworkingSignalDecoder.events(from: Self.signal("InterworkingSelectDone", []), interfacePath: Self.iface)
                == [.selectDone])
    }

    @Test func malformedOrForeignSignalsDecodeToNothing() {
        let bss = DBusValue.objectPath(Self.iface + "/BSSs/4"), cred = DBusValue.objectPath(Self.iface + "/Credentials/0")
        let cases: [DBusSignal] = [
            Self.signal("InterworkingAPAdded", [bss, cred]),                                   // no dictionary
            Self.signal("InterworkingAPAdded", [.string(Self.iface + "/BSSs/4"), cred, Self.info("home")]), // s, not o
            Self.signal("InterworkingAPAdded", [.objectPath("/fi/w1/wpa_supplicant1/Interfaces/9/BSSs/4"), cred,
                                                Self.info("home")]),                          // another interface's BSS
            Self.signal("InterworkingAPAdded", [bss, .objectPath(Self.iface + "/Networks/0"), Self.info("home")]),
            Self.signal("InterworkingAPAdded", [bss, cred, Self.info("home"), .string("extra")]),
            Self.signal("InterworkingAPAdded", [bss, cred, Self.info("home")], path: "/fi/w1/wpa_supplicant1/Interfaces/9"),
            Self.signal("InterworkingAPAdded", [bss, cred, Self.info("home")], interface: SupplicantNames.network),
            Self.signal("InterworkingSelectDone", [.string("x")]),
        ]
        for s in cases { #expect(InterworkingSignalDecoder.events(from: s, interfacePath: Self.iface).isEmpty, "\(s.member) \(s.arguments)") }
    }

    @Test func unknownMatchTypeIsUnknown() {
        let events = InterworkingSignalDecoder.events(from: Self.signal("InterworkingAPAdded", [
            .objectPath(Self.iface + "/BSSs/4"), .objectPath(Self.iface + "/Credentials/0"), Self.info("partner", excluded: 1),
        ]), interfacePath: Self.iface)
        guard case .accessPointMatched(let match)? = events.first else { Issue.record("no match"); return }
        #expect(match.kind == .unknown && match.excluded)
    }
}

/// The beacon's Roaming Consortium element (ID 111) as wpa_supplicant's `IEs` property carries it.
@Suite struct RoamingConsortiumElementTests {
    @Test func threeOIsWithNibbleLengths() {
        // SSID element, then RC: 2 more in ANQP, OI#1 5 bytes, OI#2 3 bytes, OI#3 the rest (5 bytes).
        let ies: [UInt8] = [0, 3, 0x61, 0x62, 0x63, 111, 15, 2, 0x35, 0x00, 0x1b, 0xc5, 0x04, 0x60, 0x00, 0x40, 0x96,
                            0x5a, 0x03, 0xba, 0x00, 0x00]
        #expect(BSSDescription.roamingConsortiumOIs(inInformationElements: ies)
                == [[0x00, 0x1b, 0xc5, 0x04, 0x60], [0x00, 0x40, 0x96], [0x5a, 0x03, 0xba, 0x00, 0x00]])
    }

    @Test func inconsistentElementsGiveNothing() {
        #expect(BSSDescription.roamingConsortiumOIs(inInformationElements: [111, 5, 0, 0x55, 1, 2, 3]).isEmpty) // lengths 5+5 > body
        #expect(BSSDescription.roamingConsortiumOIs(inInformationElements: [111, 20, 0, 0x03]).isEmpty)         // element overruns
        #expect(BSSDescription.roamingConsortiumOIs(inInformationElements: [111, 1, 0]).isEmpty)
        #expect(BSSDescription.roamingConsortiumOIs(inInformationElements: []).isEmpty)
    }

    @Test func firstAdvertisedFollowsTheProfileOrder() {
        let bss = BSSDescription(ssid: [], bssid: [2, 0, 0, 0, 1, 0], frequency: 2412,
                                 advertisedOIs: [[0x00, 0x40, 0x96], [0x5a, 0x03, 0xba, 0x00, 0x00]])
        #expect(bss.firstAdvertised(of: [[1, 2, 3], [0x5a, 0x03, 0xba, 0x00, 0x00], [0x00, 0x40, 0x96]])
                == [0x5a, 0x03, 0xba, 0x00, 0x00])
        #expect(bss.bssidText == "02:00:00:00:01:00")
        #expect(bss.firstAdvertised(of: [[1, 2, 3]]) == nil)
    }
}
