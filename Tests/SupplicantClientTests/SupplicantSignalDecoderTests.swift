import DBusKit
import Testing
@testable import SupplicantClient

// Signals shaped exactly as wpa_supplicant 2.10 sends them from an interface object (dbus_new.c).
private let ifacePath = "/fi/w1/wpa_supplicant1/Interfaces/3"

private func signal(_ interface: String, _ member: String, _ args: [DBusValue]) -> DBusSignal {
    DBusSignal(sender: ":1.7", path: ifacePath, interface: interface, member: member, arguments: args)
}

/// A signal of `fi.w1.wpa_supplicant1.Interface`.
private func signal(_ member: String, _ args: [DBusValue]) -> DBusSignal { signal(SupplicantNames.interface, member, args) }

/// An `a{sv}` as libdbus reads it: every value wrapped in a variant.
private func asv(_ entries: [(String, DBusValue)]) -> DBusValue {
    .dictionary(keySignature: "s", valueSignature: "v",
                entries.map { DBusValue.Entry(key: .string($0.0), value: .variant($0.1)) })
}

private func strings(_ values: [String]) -> DBusValue { .array(elementSignature: "s", values.map(DBusValue.string)) }

@Test func eapSignalBecomesEAPStatus() {
    #expect(SupplicantSignalDecoder.events(from: signal("EAP", [.string("started"), .string("")]))
            == [.eapStatus("started", "")])
    #expect(SupplicantSignalDecoder.events(from: signal("EAP", [.string("remote certificate verification"),
                                                                 .string("unable to get local issuer certificate")]))
            == [.eapStatus("remote certificate verification", "unable to get local issuer certificate")])
    #expect(SupplicantSignalDecoder.events(from: signal("EAP", [.string("completion"), .string("success")]))
            == [.eapStatus("completion", "success")])
}

@Test func certificationSignalCarriesTheWholeCertificate() {
    let der: [UInt8] = [0x30, 0x82, 0x01, 0x0A, 0xFF]
    let hash = String(repeating: "0f", count: 32)
    let dict = asv([
        ("depth", .uint32(1)),
        ("subject", .string("/C=FI/O=Corp/CN=Root B")),
        ("altsubject", strings(["DNS:radius.example.com", "EMAIL:ops@example.com"])),
        ("cert_hash", .string(hash)),
        ("cert", .bytes(der)),
    ])
    #expect(SupplicantSignalDecoder.events(from: signal("Certification", [dict]))
            == [.certification(depth: 1, subject: "/C=FI/O=Corp/CN=Root B",
                               altSubjects: ["DNS:radius.example.com", "EMAIL:ops@example.com"],
                               certHashHex: hash, der: der)])
    // `ay` read as an array of bytes decodes the same.
    let asArray = asv([("depth", .uint32(0)), ("subject", .string("/CN=leaf")), ("cert_hash", .string("ab")),
                       ("cert", .array(elementSignature: "y", der.map(DBusValue.byte)))])
    #expect(SupplicantSignalDecoder.events(from: signal("Certification", [asArray]))
            == [.certification(depth: 0, subject: "/CN=leaf", altSubjects: [], certHashHex: "ab", der: der)])
}

@Test func certificationWithoutOptionalKeysStillMaps() {
    // wpa_supplicant omits altsubject when there is none and cert/cert_hash when the TLS library gives none.
    let dict = asv([("depth", .uint32(2)), ("subject", .string("/CN=Root"))])
    #expect(SupplicantSignalDecoder.events(from: signal("Certification", [dict]))
            == [.certification(depth: 2, subject: "/CN=Root", altSubjects: [], certHashHex: "", der: [])])
}

@Test func networkRequestSignalNamesTheField() {
    let args: [DBusValue] = [.objectPath(ifacePath + "/Networks/0"), .string("PASSWORD"), .string("Password needed for SSID corp")]
    #expect(SupplicantSignalDecoder.events(from: signal("NetworkRequest", args))
            == [.networkRequest(field: "PASSWORD", text: "Password needed for SSID corp")])
}

@Test func standardPropertiesChangedGivesAuthModeBeforeState() {
    let args: [DBusValue] = [
        .string(SupplicantNames.interface),
        asv([("State", .string("completed")), ("CurrentAuthMode", .string("EAP-PEAP")),
             ("CurrentBSS", .objectPath("/")), ("DisconnectReason", .int32(0))]),
        .array(elementSignature: "s", []),
    ]
    #expect(SupplicantSignalDecoder.events(from: signal(SupplicantNames.properties, "PropertiesChanged", args))
            == [.currentAuthMode("EAP-PEAP"), .stateChanged("completed"), .currentBSS(nil)])
    let stateOnly: [DBusValue] = [.string(SupplicantNames.interface), asv([("State", .string("associated"))]),
                                  .array(elementSignature: "s", [])]
    #expect(SupplicantSignalDecoder.events(from: signal(SupplicantNames.properties, "PropertiesChanged", stateOnly))
            == [.stateChanged("associated")])
}

@Test func deprecatedInterfacePropertiesChangedIsIgnored() {
    // The same change also comes as fi.w1.wpa_supplicant1.Interface.PropertiesChanged(a{sv}); the match rule delivers
    // both, so decoding this one too would report every State change twice.
    let args: [DBusValue] = [asv([("State", .string("completed")), ("CurrentAuthMode", .string("EAP-PEAP"))])]
    #expect(SupplicantSignalDecoder.events(from: signal(SupplicantNames.interface, "PropertiesChanged", args)).isEmpty)
}

@Test func propertiesChangedOfOtherInterfacesIsIgnored() {
    let network: [DBusValue] = [.string(SupplicantNames.network), asv([("Enabled", .bool(true))]),
                                .array(elementSignature: "s", [])]
    #expect(SupplicantSignalDecoder.events(from: signal(SupplicantNames.properties, "PropertiesChanged", network)).isEmpty)
    // An interface-level change of properties we do not follow.
    let other: [DBusValue] = [.string(SupplicantNames.interface), asv([("Scanning", .bool(false))]),
                              .array(elementSignature: "s", [])]
    #expect(SupplicantSignalDecoder.events(from: signal(SupplicantNames.properties, "PropertiesChanged", other)).isEmpty)
}

@Test func malformedSignalsAreIgnored() {
    let decode = SupplicantSignalDecoder.events(from:)
    // EAP with missing or wrongly typed arguments.
    #expect(decode(signal("EAP", [])).isEmpty)
    #expect(decode(signal("EAP", [.string("started")])).isEmpty)
    #expect(decode(signal("EAP", [.int32(1), .string("x")])).isEmpty)
    // Certification whose argument is not a string-keyed dictionary.
    #expect(decode(signal("Certification", [])).isEmpty)
    #expect(decode(signal("Certification", [.string("depth")])).isEmpty)
    #expect(decode(signal("Certification", [.dictionary(keySignature: "u", valueSignature: "v",
                                                        [.init(key: .uint32(0), value: .variant(.string("x")))])])).isEmpty)
    // NetworkRequest missing its text, or with a non-string field.
    #expect(decode(signal("NetworkRequest", [.objectPath("/n"), .string("PASSWORD")])).isEmpty)
    #expect(decode(signal("NetworkRequest", [.objectPath("/n"), .uint32(1), .string("t")])).isEmpty)
    // PropertiesChanged with a missing or non-dictionary second argument, or wrongly typed values.
    #expect(decode(signal(SupplicantNames.properties, "PropertiesChanged", [.string(SupplicantNames.interface)])).isEmpty)
    #expect(decode(signal(SupplicantNames.properties, "PropertiesChanged",
                          [.string(SupplicantNames.interface), .string("State")])).isEmpty)
    #expect(decode(signal(SupplicantNames.properties, "PropertiesChanged",
                          [.string(SupplicantNames.interface), asv([("State", .uint32(9)), ("CurrentAuthMode", .bool(true))]),
                           .array(elementSignature: "s", [])])).isEmpty)
    // Signals of no interest.
    #expect(decode(signal("NetworkSelected", [.objectPath(ifacePath + "/Networks/0")])).isEmpty)
    #expect(decode(signal("BlobAdded", [.string("eapolctl-0-ca")])).isEmpty)
}

@Test func certificationWithWronglyTypedFieldsMapsWithoutCrashing() {
    // Wrong types degrade to defaults rather than trapping; the tracker then simply has less to report.
    let dict = asv([("depth", .string("one")), ("subject", .uint32(5)), ("altsubject", .string("DNS:x")),
                    ("cert_hash", .bytes([1])), ("cert", .string("not bytes"))])
    #expect(SupplicantSignalDecoder.events(from: signal("Certification", [dict]))
            == [.certification(depth: 0, subject: "", altSubjects: [], certHashHex: "", der: [])])
}

@Test func matchRuleCoversEveryInterfaceSignal() {
    let rule = SupplicantSignalDecoder.matchRule(interfacePath: ifacePath)
    #expect(rule == MatchRule(sender: SupplicantNames.service, path: ifacePath))
}
