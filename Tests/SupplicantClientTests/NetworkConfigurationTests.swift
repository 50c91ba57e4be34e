import Secrets
import StructuredErrors
import Testing
@testable import SupplicantClient

private let ca1 = NetworkSpec.CACertificate(der: [0x30, 0x01, 0xAA], subject: "CN=Corp Root A,O=Corp", issuer: "CN=Corp Root A,O=Corp",
                                            sha256Hex: String(repeating: "a", count: 64))
private let ca2 = NetworkSpec.CACertificate(der: [0x30, 0x01, 0xBB], subject: "CN=Corp Root B,O=Corp", issuer: "CN=Corp Root B,O=Corp",
                                            sha256Hex: String(repeating: "b", count: 64))

private func peap(_ binding: NetworkSpec.Binding = .wired) -> NetworkSpec {
    NetworkSpec(binding: binding, outer: .peap, inner: .mschapv2, identity: Array("alice".utf8),
                password: SecretBytes(utf8: "pa\"ss word"), caCertificates: [ca1],
                serverNames: [.suffix("radius.example.com")])
}

private func string(_ plan: NetworkPlan, _ key: String) -> String? {
    if case .string(let s)? = plan.value(for: key) { s } else { nil }
}
private func int(_ plan: NetworkPlan, _ key: String) -> Int32? {
    if case .int32(let i)? = plan.value(for: key) { i } else { nil }
}

@Test func wiredPEAPMapping() throws {
    let plan = try NetworkConfiguration.make(from: peap(), blobPrefix: "eapolctl")
    #expect(string(plan, "key_mgmt") == "IEEE8021X")
    #expect(int(plan, "eapol_flags") == 0)
    #expect(plan.value(for: "ssid") == nil)
    #expect(string(plan, "eap") == "PEAP")
    #expect(plan.value(for: "identity") == .bytes(Array("alice".utf8)))
    guard case .secretBytes(let pw)? = plan.value(for: "password") else { Issue.record("password not secret bytes"); return }
    #expect(pw.utf8String() == "pa\"ss word")
    #expect(string(plan, "phase2") == "auth=MSCHAPV2")
    #expect(string(plan, "phase1")?.contains("phase2_auth=1") == true)
    #expect(string(plan, "phase1")?.contains("tls_disable_tlsv1_0=1") == true)
    #expect(string(plan, "phase1")?.contains("tls_disable_tlsv1_1=1") == true)
    #expect(string(plan, "domain_suffix_match") == "radius.example.com")
    #expect(plan.blobs.count == 1)
    #expect(string(plan, "ca_cert") == "blob://\(plan.blobs[0].name)")
    guard case .bytes(let der) = plan.blobs[0].content else { Issue.record("CA blob not public bytes"); return }
    #expect(der == ca1.der)
    #expect(!plan.insecureNoServerValidation)
    // Blobs are referenced before use; the plan's description never shows the password.
    #expect(!plan.properties.map { "\($0.value)" }.joined().contains("ss word"))
}

@Test(arguments: NetworkSpec.WiFiSecurity.allCases)
func wifiSecurityMapping(_ security: NetworkSpec.WiFiSecurity) throws {
    var spec = peap(.wifi(ssidBytes: [0x43, 0xFF, 0x00, 0x72], security: security, hidden: true))
    if security == .wpa3_192 {
        spec.outer = .tls; spec.inner = nil; spec.password = nil
        spec.clientIdentity = .pkcs12(SecretBytes([1, 2, 3]), passphrase: SecretBytes(utf8: "p12"))
    }
    let plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(plan.value(for: "ssid") == .bytes([0x43, 0xFF, 0x00, 0x72]))
    #expect(int(plan, "scan_ssid") == 1)
    #expect(string(plan, "proto") == "RSN")
    #expect(plan.value(for: "eapol_flags") == nil)
    switch security {
    case .wpa2:
        #expect(string(plan, "key_mgmt") == "WPA-EAP"); #expect(int(plan, "ieee80211w") == 1)
    case .wpa2_wpa3:
        #expect(string(plan, "key_mgmt") == "WPA-EAP WPA-EAP-SHA256"); #expect(int(plan, "ieee80211w") == 1)
    case .wpa3:
        #expect(string(plan, "key_mgmt") == "WPA-EAP-SHA256"); #expect(int(plan, "ieee80211w") == 2)
    case .wpa3_192:
        #expect(string(plan, "key_mgmt") == "WPA-EAP-SUITE-B-192"); #expect(int(plan, "ieee80211w") == 2)
        #expect(string(plan, "pairwise") == "GCMP-256"); #expect(string(plan, "group") == "GCMP-256")
        #expect(string(plan, "group_mgmt") == "BIP-GMAC-256")
        #expect(string(plan, "phase1")?.contains("tls_suiteb=1") == true)
    }
}

@Test func suiteB192RequiresTLS() {
    #expect(throws: SupplicantError(.invalidNetworkConfig, "")) {
        try NetworkConfiguration.make(from: peap(.wifi(ssidBytes: [65], security: .wpa3_192, hidden: false)), blobPrefix: "t")
    }
}

@Test func visibleSSIDHasNoScanSSIDAndNoScanFrequencies() throws {
    // A scan hint never becomes part of the network: `scan_freq` would narrow every later scan for it (reconnects,
    // roams) to the hinted channels. The hint is a one-off `Scan` instead (ScanRequestTests).
    let spec = peap(.wifi(ssidBytes: Array("corp".utf8), security: .wpa2, hidden: false))
    let plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(plan.value(for: "scan_ssid") == nil)
    #expect(plan.value(for: "scan_freq") == nil)
}

@Test(arguments: [
    (NetworkSpec.OuterMethod.peap, NetworkSpec.InnerMethod.mschapv2, "auth=MSCHAPV2"),
    (.peap, .gtc, "auth=GTC"),
    (.peap, .eapMSCHAPv2, "auth=MSCHAPV2"),
    (.ttls, .pap, "auth=PAP"),
    (.ttls, .chap, "auth=CHAP"),
    (.ttls, .mschap, "auth=MSCHAP"),
    (.ttls, .mschapv2, "auth=MSCHAPV2"),
    (.ttls, .eapMSCHAPv2, "autheap=MSCHAPV2"),
    (.ttls, .gtc, "autheap=GTC"),
])
func innerMethodMapping(_ outer: NetworkSpec.OuterMethod, _ inner: NetworkSpec.InnerMethod, _ phase2: String) throws {
    var spec = peap()
    spec.outer = outer; spec.inner = inner
    let plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(string(plan, "eap") == outer.rawValue)
    #expect(string(plan, "phase2") == phase2)
    #expect((string(plan, "phase1")?.contains("phase2_auth=1") ?? false) == (outer == .peap))
}

@Test(arguments: [NetworkSpec.InnerMethod.pap, .chap, .mschap])
func peapRejectsNonEAPInner(_ inner: NetworkSpec.InnerMethod) {
    var spec = peap(); spec.inner = inner
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
}

@Test func tlsWithPEMClientIdentity() throws {
    var spec = peap()
    spec.outer = .tls; spec.inner = nil; spec.password = nil
    spec.clientIdentity = .pem(certificate: Array("-----BEGIN CERTIFICATE-----".utf8), key: SecretBytes(utf8: "KEY"),
                               passphrase: SecretBytes(utf8: "kp"))
    let plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(string(plan, "eap") == "TLS")
    #expect(plan.value(for: "phase2") == nil)
    #expect(plan.value(for: "password") == nil)
    #expect(plan.blobs.count == 3)
    let names = Set(plan.blobNames)
    #expect(names.count == 3)
    #expect(string(plan, "client_cert").map { names.contains(String($0.dropFirst(7))) } == true)
    #expect(string(plan, "private_key").map { names.contains(String($0.dropFirst(7))) } == true)
    guard case .secret? = plan.blobs.first(where: { "blob://\($0.name)" == string(plan, "private_key") })?.content else {
        Issue.record("private key blob not secret"); return
    }
    guard case .secretBytes(let pass)? = plan.value(for: "private_key_passwd") else { Issue.record("no passphrase"); return }
    #expect(pass.utf8String() == "kp")
}

@Test func tlsWithPKCS12AndMissingIdentity() throws {
    var spec = peap()
    spec.outer = .tls; spec.inner = nil; spec.password = nil
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
    spec.clientIdentity = .pkcs12(SecretBytes([0x30, 0x82]), passphrase: nil)
    let plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(plan.value(for: "client_cert") == nil)
    #expect(string(plan, "private_key")?.hasPrefix("blob://t-") == true)
    #expect(plan.value(for: "private_key_passwd") == nil)
}

@Test func blobNamesAreUniquePerAttempt() throws {
    let a = try NetworkConfiguration.make(from: peap(), blobPrefix: "eapolctl")
    let b = try NetworkConfiguration.make(from: peap(), blobPrefix: "eapolctl")
    #expect(a.blobNames[0] != b.blobNames[0])
    #expect(a.blobNames[0].hasPrefix("eapolctl-"))
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: peap(), blobPrefix: "bad prefix") }
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: peap(), blobPrefix: "") }
}

@Test func tlsBoundsMapToPhase1() throws {
    var spec = peap()
    spec.tlsMinVersion = .v1_2; spec.tlsMaxVersion = .v1_2
    var phase1 = try string(NetworkConfiguration.make(from: spec, blobPrefix: "t"), "phase1") ?? ""
    #expect(phase1.contains("tls_disable_tlsv1_0=1") && phase1.contains("tls_disable_tlsv1_1=1"))
    #expect(phase1.contains("tls_disable_tlsv1_3=1"))
    spec.tlsMinVersion = .v1_3; spec.tlsMaxVersion = .v1_3
    phase1 = try string(NetworkConfiguration.make(from: spec, blobPrefix: "t"), "phase1") ?? ""
    #expect(phase1.contains("tls_disable_tlsv1_2=1") && phase1.contains("tls_disable_tlsv1_3=0"))
    spec.tlsMinVersion = nil; spec.tlsMaxVersion = nil
    phase1 = try string(NetworkConfiguration.make(from: spec, blobPrefix: "t"), "phase1") ?? ""
    #expect(!phase1.contains("tlsv1_3"))
    // Legacy needs the explicit allowance and lowers OpenSSL's security level.
    spec.tlsMinVersion = .v1_0
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
    spec.allowLegacyTLS = true
    let legacy = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(string(legacy, "phase1")?.contains("tls_disable_tlsv1_0=0") == true)
    #expect(string(legacy, "openssl_ciphers") == "DEFAULT@SECLEVEL=0")
    spec.tlsMinVersion = .v1_3; spec.tlsMaxVersion = .v1_2
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
}

@Test func invalidStringsAreRejectedNamingTheKey() throws {
    var spec = peap()
    spec.identity = [0x61, 0x00, 0x62]
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
    spec = peap(); spec.identity = []
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
    spec = peap(); spec.password = SecretBytes([])
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
    for bad in ["radius\"x", "a\nb", "a;b", "", "a b"] {
        spec = peap(); spec.serverNames = [.exact(bad)]
        #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
    }
    spec = peap(); spec.caCertificates = []; spec.useSystemCAs = true; spec.systemCABundlePath = "/etc/ssl/\"x"
    do {
        _ = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
        Issue.record("quote in path accepted")
    } catch {
        #expect(error.code == .invalidNetworkConfig)
        #expect(error.details["key"] == .string("ca_cert"))
        #expect(error.message.contains("double quote"))
    }
    // Direct validation of keyword values.
    #expect(throws: SupplicantError.self) { try Validation.property(key: "key_mgmt", value: .string("WPA-PSK")) }
    #expect(throws: SupplicantError.self) { try Validation.property(key: "eap", value: .string("MD5")) }
    #expect(throws: SupplicantError.self) { try Validation.property(key: "identity", value: .string("alice")) }
    #expect(throws: SupplicantError.self) { try Validation.property(key: "ssid", value: .bytes([])) }
    #expect(throws: SupplicantError.self) { try Validation.property(key: "phase2", value: .string("auth=MD5")) }
}

@Test func serverNamesSuffixExactAndMixed() throws {
    var spec = peap()
    spec.serverNames = [.exact("radius1.example.com"), .exact("radius2.example.com")]
    var plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(string(plan, "domain_match") == "radius1.example.com;radius2.example.com")
    #expect(plan.value(for: "domain_suffix_match") == nil)
    spec.serverNames = [.suffix("example.com"), .exact("radius.example.org")]
    plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(string(plan, "domain_suffix_match") == "example.com;radius.example.org")
    #expect(plan.value(for: "domain_match") == nil)
    #expect(!plan.warnings.isEmpty)
}

@Test func trustAnchors() throws {
    var spec = peap()
    spec.caCertificates = [ca1, ca2]; spec.useSystemCAs = true
    var plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(plan.trustCandidates.count == 3)
    #expect(plan.anchor == plan.trustCandidates[0])
    guard case .embeddedCA(0, _, _) = plan.anchor else { Issue.record("first CA not first"); return }
    #expect(plan.trustCandidates[2] == .systemBundle(path: "/etc/ssl/certs/ca-certificates.crt"))
    // Hint puts the CA that worked last time first.
    plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t", preferredFingerprint: ca2.sha256Hex.uppercased())
    guard case .embeddedCA(1, _, _) = plan.anchor else { Issue.record("hint ignored"); return }
    guard case .bytes(let der) = plan.blobs[0].content else { return }
    #expect(der == ca2.der)
    // Explicit anchor: the system bundle (no CA blob).
    plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t", anchor: .systemBundle(path: spec.systemCABundlePath))
    #expect(string(plan, "ca_cert") == "/etc/ssl/certs/ca-certificates.crt")
    #expect(plan.blobs.isEmpty)
    #expect(throws: SupplicantError.self) {
        try NetworkConfiguration.make(from: spec, blobPrefix: "t", anchor: .serverPin(sha256Hex: String(repeating: "c", count: 64)))
    }
}

@Test func pinsReplaceCAs() throws {
    var spec = peap()
    let pin = "AB:" + String(repeating: "cd", count: 31)
    spec.serverPins = [pin]
    let plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(string(plan, "ca_cert") == "hash://server/sha256/ab" + String(repeating: "cd", count: 31))
    #expect(plan.blobs.isEmpty)
    #expect(plan.warnings.contains { $0.contains("pin") })
    spec.serverPins = ["1234"]
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
}

@Test func noValidationMustBeExplicitAndIsFlagged() throws {
    var spec = peap(); spec.caCertificates = []
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
    spec.insecureNoServerValidation = true
    let plan = try NetworkConfiguration.make(from: spec, blobPrefix: "t")
    #expect(plan.insecureNoServerValidation)
    #expect(plan.value(for: "ca_cert") == nil)
    #expect(plan.warnings.contains { $0.hasPrefix("INSECURE") })
    spec.caCertificates = [ca1]
    #expect(throws: SupplicantError.self) { try NetworkConfiguration.make(from: spec, blobPrefix: "t") }
}

@Test func errorCodesHaveStableNumbersAndHints() {
    #expect(SupplicantErrorCode.allCodes.map(\.number) == Array(701...711))
    // Contiguous from 801, no gaps, no duplicates (new codes are appended; numbers never change).
    let eapCount = EAPErrorCode.allCodes.count
    #expect(eapCount >= 12)
    #expect(EAPErrorCode.allCodes.map(\.number) == Array(801..<(801 + eapCount)))
    #expect(EAPErrorCode.allCodes.prefix(12).map(\.name) == [
        "credentials-rejected", "server-certificate-untrusted", "server-name-mismatch", "method-refused", "tls-alert",
        "credentials-missing", "no-authenticator", "authentication-stalled", "timeout", "key-handshake-incomplete",
        "no-server-certificate", "incomplete-chain",
    ])
    for info in SupplicantErrorCode.allCodes.map(\.info) + EAPErrorCode.allCodes.map(\.info) {
        #expect(!info.summary.isEmpty && !info.hint.isEmpty)
    }
    #expect(Set(EAPErrorCode.allCodes.map(\.name)).count == eapCount)
}
