import SupplicantClient
import Testing

/// The probe network carries an identity and `ca_cert="probe://"`, and nothing that could give a credential away.
@Suite struct ProbeNetworkTests {
    static let forbidden: Set<String> = [
        "password", "private_key", "private_key_passwd", "client_cert", "phase2", "ca_cert2", "client_cert2",
        "private_key2", "private_key2_passwd", "pin", "engine", "psk", "sae_password", "anonymous_identity",
    ]

    static let bindings: [NetworkSpec.Binding] = [
        .wired,
        .wifi(ssidBytes: Array("corp".utf8), security: .wpa2, hidden: false),
        .wifi(ssidBytes: Array("corp".utf8), security: .wpa2_wpa3, hidden: true),
        .wifi(ssidBytes: Array("corp".utf8), security: .wpa3, hidden: false),
    ]

    @Test("No password, private key, client certificate or inner method; probe:// as ca_cert", arguments: bindings)
    func carriesNoSecret(binding: NetworkSpec.Binding) throws {
        let network = try ProbeNetwork.make(binding: binding, identity: Array("anonymous".utf8))
        for (key, value) in network.properties {
            #expect(!Self.forbidden.contains(key), "probe network sets \(key)")
            #expect(ProbeNetwork.allowedKeys.contains(key) || key == "eap" || key == "ca_cert", "unexpected key \(key)")
            if case .secretBytes = value { Issue.record("\(key) holds a secret") }
        }
        #expect(network.value(for: "ca_cert") == .string("probe://"))
        #expect(network.value(for: "eap") == .string("PEAP TTLS"))
        #expect(network.value(for: "identity") == .bytes(Array("anonymous".utf8)))
        guard case .string(let phase1)? = network.value(for: "phase1") else {
            Issue.record("no phase1")
            return
        }
        #expect(!phase1.contains("phase2_auth"))
        #expect(network.keys.filter { $0 == "ca_cert" }.count == 1)
    }

    @Test("The link layer is the normal mapping's: wired IEEE8021X, Wi-Fi WPA-EAP with the SSID")
    func linkLayer() throws {
        let wired = try ProbeNetwork.make(binding: .wired, identity: Array("a".utf8))
        #expect(wired.value(for: "key_mgmt") == .string("IEEE8021X"))
        let wifi = try ProbeNetwork.make(binding: .wifi(ssidBytes: Array("corp".utf8), security: .wpa2, hidden: false),
                                         identity: Array("a".utf8), methods: [.ttls, .peap])
        #expect(wifi.value(for: "key_mgmt") == .string("WPA-EAP"))
        #expect(wifi.value(for: "ssid") == .bytes(Array("corp".utf8)))
        #expect(wifi.value(for: "eap") == .string("TTLS PEAP"))
    }

    @Test("EAP-TLS, no method, WPA3 192-bit and an empty identity are refused")
    func refusals() {
        #expect(throws: SupplicantError.self) { try ProbeNetwork.make(binding: .wired, identity: [0x61], methods: [.peap, .tls]) }
        #expect(throws: SupplicantError.self) { try ProbeNetwork.make(binding: .wired, identity: [0x61], methods: []) }
        #expect(throws: SupplicantError.self) {
            try ProbeNetwork.make(binding: .wifi(ssidBytes: [0x61], security: .wpa3_192, hidden: false), identity: [0x61])
        }
        #expect(throws: SupplicantError.self) { try ProbeNetwork.make(binding: .wired, identity: []) }
    }
}
