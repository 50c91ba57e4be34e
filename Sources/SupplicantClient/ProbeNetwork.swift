/// The wpa_supplicant network of a certificate probe: an identity and `ca_cert="probe://"`, nothing secret.
///
/// In probe mode wpa_supplicant (src/crypto/tls_openssl.c, `cert_probe`) accepts every certificate of the server's
/// chain while verifying it, reports each one in a `Certification` signal carrying its DER (`cert`), and then
/// rejects the server certificate itself ("Server certificate chain probe"): the TLS handshake stops after the
/// server's Certificate message, before the client sends anything of its own. The only thing that ever leaves is
/// the identity of EAP-Response/Identity (the outer identity, or `anonymous`).
///
/// The properties are built from an allow-list of keys: whatever else a plan might hold (`password`, `private_key`,
/// `client_cert`, `private_key_passwd`, `phase2`, blobs) cannot reach a probe network. EAP-TLS is never offered:
/// wpa_supplicant refuses to start it without a private key, and the probe must not hold one.
public struct ProbeNetwork: Sendable {
    /// The `ca_cert` value that turns on wpa_supplicant's probe mode.
    public static let caCertValue = "probe://"

    /// The only keys a probe network may carry (besides `eap` and `ca_cert`, which the probe sets itself).
    public static let allowedKeys: Set<String> = [
        "ssid", "scan_ssid", "key_mgmt", "eapol_flags", "ieee80211w", "proto", "pairwise", "group", "group_mgmt",
        "identity", "phase1", "openssl_ciphers",
    ]

    /// The network properties, in the order they are sent.
    public let properties: [(key: String, value: NetworkValue)]
    /// The EAP methods offered, in order of preference.
    public let methods: [NetworkSpec.OuterMethod]

    /// The value of `key`, if the network sets it.
    public func value(for key: String) -> NetworkValue? {
        properties.first { $0.key == key }?.value
    }

    /// The keys in order.
    public var keys: [String] { properties.map(\.key) }

    /// Builds the probe network.
    /// - Parameters:
    ///   - binding: wired, or the Wi-Fi network (SSID, security, hidden).
    ///   - identity: the identity sent in clear (EAP-Response/Identity).
    ///   - methods: the tunnelled EAP methods to offer (PEAP, TTLS), first preferred; TLS is refused.
    ///   - tlsMinVersion, tlsMaxVersion, allowLegacyTLS: the TLS bounds (a profile's, or none).
    /// - Throws: ``SupplicantError`` `invalid-network-config` naming the key at fault.
    public static func make(
        binding: NetworkSpec.Binding, identity: [UInt8], methods: [NetworkSpec.OuterMethod] = [.peap, .ttls],
        tlsMinVersion: NetworkSpec.TLSVersion? = nil, tlsMaxVersion: NetworkSpec.TLSVersion? = nil,
        allowLegacyTLS: Bool = false
    ) throws(SupplicantError) -> ProbeNetwork {
        guard !methods.isEmpty else {
            throw NetworkConfiguration.invalid("eap", "the probe needs at least one EAP method (PEAP or TTLS)")
        }
        guard !methods.contains(.tls) else {
            throw NetworkConfiguration.invalid(
                "eap", "the probe cannot offer EAP-TLS: wpa_supplicant starts it only with a private key, and a probe holds none")
        }
        if case .wifi(_, .wpa3_192, _) = binding {
            throw NetworkConfiguration.invalid(
                "key_mgmt", "a WPA3-Enterprise 192-bit network allows only EAP-TLS, which the probe cannot offer without a private key")
        }
        // The link layer, identity and TLS bounds come from the normal mapping (one place decides them), run on a
        // spec that holds no secret and no trust anchor; then only allow-listed keys are kept.
        let spec = NetworkSpec(binding: binding, outer: .peap, inner: .mschapv2, identity: identity,
                               tlsMinVersion: tlsMinVersion, tlsMaxVersion: tlsMaxVersion, allowLegacyTLS: allowLegacyTLS,
                               insecureNoServerValidation: true)
        let plan = try NetworkConfiguration.make(from: spec, blobPrefix: SupplicantNames.blobPrefix)
        var props: [(key: String, value: NetworkValue)] = []
        for (key, value) in plan.properties {
            if key == "eap" {
                props.append(("eap", .string(methods.map(\.rawValue).joined(separator: " "))))
                continue
            }
            guard allowedKeys.contains(key) else { continue }
            if key == "phase1", case .string(let text) = value {
                // phase2_auth concerns the inner method, which a probe never reaches.
                let tokens = text.split(separator: " ").filter { !$0.hasPrefix("phase2_auth=") }
                props.append((key, .string(tokens.joined(separator: " "))))
                continue
            }
            props.append((key, value))
        }
        props.append(("ca_cert", .string(caCertValue)))
        return ProbeNetwork(properties: props, methods: methods)
    }
}
