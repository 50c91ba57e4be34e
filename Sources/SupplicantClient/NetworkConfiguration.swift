import Secrets
public import StructuredErrors

/// Maps a ``NetworkSpec`` to wpa_supplicant 2.10 network properties and blobs; pure, no D-Bus.
public enum NetworkConfiguration {
    /// Builds the plan of one attempt.
    ///
    /// - Parameters:
    ///   - spec: the network to configure.
    ///   - blobPrefix: the start of every blob name (letters, digits, `-`, `_`); a random suffix makes names unique.
    ///   - anchor: the trust anchor of this attempt, one of ``trustCandidates(for:preferring:)``; nil takes the first.
    ///   - preferredFingerprint: the SHA-256 of the CA that worked last time; it is tried first.
    /// - Returns: the ordered properties, the blobs, and the trust candidates for retries.
    /// - Throws: ``SupplicantError`` `invalid-network-config` naming the offending key.
    public static func make(
        from spec: NetworkSpec, blobPrefix: String, anchor: TrustAnchor? = nil, preferredFingerprint: String? = nil
    ) throws(SupplicantError) -> NetworkPlan {
        var rng = SystemRandomNumberGenerator()
        return try make(from: spec, blobPrefix: blobPrefix, anchor: anchor, preferredFingerprint: preferredFingerprint,
                        using: &rng)
    }

    /// Builds the plan of one attempt with a caller-supplied random generator for the blob-name suffix.
    public static func make<R: RandomNumberGenerator>(
        from spec: NetworkSpec, blobPrefix: String, anchor: TrustAnchor? = nil, preferredFingerprint: String? = nil,
        using rng: inout R
    ) throws(SupplicantError) -> NetworkPlan {
        try Validation.blobPrefix(blobPrefix)
        let suffix = String(rng.next() & 0xFFFF_FFFF, radix: 16)
        let base = "\(blobPrefix)-\(String(repeating: "0", count: 8 - suffix.count))\(suffix)"

        var props: [(key: String, value: NetworkValue)] = []
        var blobs: [NetworkBlob] = []
        var warnings: [String] = []

        // Link layer.
        switch spec.binding {
        case .wired:
            props.append(("key_mgmt", .string("IEEE8021X")))
            props.append(("eapol_flags", .int32(0)))
        case .wifi(let ssid, let security, let hidden):
            guard !ssid.isEmpty, ssid.count <= 32 else {
                throw invalid("ssid", "the SSID must be 1 to 32 bytes long (it is \(ssid.count))")
            }
            props.append(("ssid", .bytes(ssid)))
            if hidden { props.append(("scan_ssid", .int32(1))) }
            /// The security type's AKMs as the profile's roaming mode extends them.
            func keyManagement(_ base: String) -> String { spec.roaming?.keyManagement(base: base) ?? base }
            switch security {
            case .wpa2:
                props.append(("key_mgmt", .string(keyManagement("WPA-EAP"))))
                props.append(("ieee80211w", .int32(1)))
                props.append(("proto", .string("RSN")))
            case .wpa2_wpa3:
                props.append(("key_mgmt", .string(keyManagement("WPA-EAP WPA-EAP-SHA256"))))
                props.append(("ieee80211w", .int32(1)))
                props.append(("proto", .string("RSN")))
            case .wpa3:
                props.append(("key_mgmt", .string(keyManagement("WPA-EAP-SHA256"))))
                props.append(("ieee80211w", .int32(2)))
                props.append(("proto", .string("RSN")))
            case .wpa3_192:
                guard spec.outer == .tls else {
                    throw invalid("eap", "WPA3-Enterprise 192-bit requires EAP-TLS, not \(spec.outer.rawValue)")
                }
                props.append(("key_mgmt", .string("WPA-EAP-SUITE-B-192")))
                props.append(("ieee80211w", .int32(2)))
                props.append(("proto", .string("RSN")))
                props.append(("pairwise", .string("GCMP-256")))
                props.append(("group", .string("GCMP-256")))
                props.append(("group_mgmt", .string("BIP-GMAC-256")))
            }
            if spec.roaming?.opportunisticKeyCaching == true { props.append(("proactive_key_caching", .int32(1))) }
        }

        // EAP method and identities.
        props.append(("eap", .string(spec.outer.rawValue)))
        guard !spec.identity.isEmpty else { throw invalid("identity", "the identity is empty") }
        try Validation.cBytes(spec.identity, key: "identity")
        props.append(("identity", .bytes(spec.identity)))
        if let anon = spec.anonymousIdentity, !anon.isEmpty {
            try Validation.cBytes(anon, key: "anonymous_identity")
            props.append(("anonymous_identity", .bytes(anon)))
        }
        if let password = spec.password {
            guard spec.outer != .tls else { throw invalid("password", "EAP-TLS uses a client certificate, not a password") }
            guard !password.isEmpty else { throw invalid("password", "the password is empty") }
            guard !password.withUnsafeBytes({ $0.contains(0) }) else {
                throw invalid("password", "the password contains a NUL byte")
            }
            props.append(("password", .secretBytes(password)))
        }
        // LEAP has no TLS: no phase1/phase2, no trust anchor, no client certificate.
        if spec.outer == .leap { return try leapPlan(spec, properties: props, warnings: warnings) }

        // phase1: TLS bounds, PEAP phase 2 requirement, Suite B.
        var phase1: [String] = []
        let minV = spec.tlsMinVersion ?? .v1_2
        if let maxV = spec.tlsMaxVersion, maxV < minV {
            throw invalid("phase1", "the TLS minimum \(minV.rawValue) is above the maximum \(maxV.rawValue)")
        }
        if minV < .v1_2 && !spec.allowLegacyTLS {
            throw invalid("phase1", "TLS \(minV.rawValue) is a legacy version; allow legacy TLS explicitly to use it")
        }
        for v in [NetworkSpec.TLSVersion.v1_0, .v1_1] {
            phase1.append("tls_disable_\(v.phase1Token)=\(v < minV ? 1 : 0)")
        }
        if minV > .v1_2 { phase1.append("tls_disable_tlsv1_2=1") }
        if let maxV = spec.tlsMaxVersion {
            phase1.append("tls_disable_tlsv1_3=\(maxV < .v1_3 ? 1 : 0)")
        }
        if spec.outer == .peap { phase1.append("phase2_auth=1") }
        if spec.outer == .fast { phase1.append("fast_provisioning=\(spec.fast?.provisioning.rawValue ?? 0)") }
        if case .wifi(_, .wpa3_192, _) = spec.binding { phase1.append("tls_suiteb=1") }
        props.append(("phase1", .string(phase1.joined(separator: " "))))
        if minV < .v1_2 {
            // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level.
            props.append(("openssl_ciphers", .string("DEFAULT@SECLEVEL=0")))
            warnings.append("legacy TLS \(minV.rawValue) enabled (OpenSSL security level 0)")
        }

        // phase2.
        switch (spec.outer, spec.inner) {
        case (.tls, nil): break
        case (.leap, _): break // returned by leapPlan above
        case (.tls, let inner?):
            throw invalid("phase2", "EAP-TLS has no inner method, but \(inner.rawValue) was given")
        case (_, nil):
            throw invalid("phase2", "\(spec.outer.rawValue) needs an inner method")
        case (.peap, let inner?):
            switch inner {
            case .mschapv2, .eapMSCHAPv2: props.append(("phase2", .string("auth=MSCHAPV2")))
            case .gtc: props.append(("phase2", .string("auth=GTC")))
            case .pap, .chap, .mschap:
                throw invalid("phase2", "PEAP carries only EAP inner methods (MSCHAPv2, GTC), not \(inner.rawValue)")
            }
        case (.fast, let inner?):
            props.append(("phase2", .string(try fastPhase2(inner))))
        case (.ttls, let inner?):
            let value = switch inner {
            case .pap: "auth=PAP"
            case .chap: "auth=CHAP"
            case .mschap: "auth=MSCHAP"
            case .mschapv2: "auth=MSCHAPV2"
            case .eapMSCHAPv2: "autheap=MSCHAPV2"
            case .gtc: "autheap=GTC"
            }
            props.append(("phase2", .string(value)))
        }

        // Server validation.
        let candidates = try trustCandidates(for: spec, preferring: preferredFingerprint)
        let chosen = anchor ?? candidates[0]
        guard candidates.contains(chosen) else {
            throw invalid("ca_cert", "the requested trust anchor (\(chosen)) is not one the profile allows")
        }
        if !spec.serverPins.isEmpty && (!spec.caCertificates.isEmpty || spec.useSystemCAs) {
            warnings.append("server pin given: CA certificates are not used (a pin replaces ca_cert in wpa_supplicant 2.10)")
        }
        switch chosen {
        case .embeddedCA(let index, _, _):
            let blob = NetworkBlob(name: "\(base)-ca", content: .bytes(spec.caCertificates[index].der))
            blobs.append(blob)
            props.append(("ca_cert", .string(blob.reference)))
        case .systemBundle(let path):
            try Validation.path(path, key: "ca_cert")
            props.append(("ca_cert", .string(path)))
        case .serverPin(let hex):
            props.append(("ca_cert", .string("hash://server/sha256/\(hex)")))
        case .none:
            warnings.append("INSECURE: the server certificate is not validated; credentials may go to any server")
        }
        try appendServerNames(spec.serverNames, to: &props, warnings: &warnings)

        // Client identity.
        if spec.outer == .tls && spec.clientIdentity == nil {
            throw invalid("private_key", "EAP-TLS needs a client certificate and key")
        }
        if let client = spec.clientIdentity {
            switch client {
            case .pkcs12(let p12, let passphrase):
                guard !p12.isEmpty else { throw invalid("private_key", "the PKCS#12 data is empty") }
                let blob = NetworkBlob(name: "\(base)-key", content: .secret(p12))
                blobs.append(blob)
                props.append(("private_key", .string(blob.reference)))
                try appendPassphrase(passphrase, to: &props)
            case .pem(let cert, let key, let passphrase):
                guard !cert.isEmpty else { throw invalid("client_cert", "the client certificate is empty") }
                guard !key.isEmpty else { throw invalid("private_key", "the private key is empty") }
                let certBlob = NetworkBlob(name: "\(base)-cert", content: .bytes(cert))
                let keyBlob = NetworkBlob(name: "\(base)-key", content: .secret(key))
                blobs.append(certBlob)
                blobs.append(keyBlob)
                props.append(("client_cert", .string(certBlob.reference)))
                props.append(("private_key", .string(keyBlob.reference)))
                try appendPassphrase(passphrase, to: &props)
            }
        }

        var pacBlobName: String?
        if spec.outer == .fast {
            pacBlobName = try appendPAC(spec, base: base, to: &props, blobs: &blobs, warnings: &warnings)
        } else if spec.fast != nil {
            throw invalid("pac_file", "PAC settings apply to EAP-FAST only, not \(spec.outer.rawValue)")
        }

        for (key, value) in props { try Validation.property(key: key, value: value) }
        return NetworkPlan(properties: props, blobs: blobs, anchor: chosen, trustCandidates: candidates,
                           insecureNoServerValidation: chosen == .none, warnings: warnings, pacBlobName: pacBlobName)
    }

    /// The trust anchors a spec allows, in the order to try them.
    ///
    /// Pins win over CAs (one `ca_cert` value cannot hold both); embedded CAs come before the system bundle; the CA or
    /// pin whose fingerprint equals `preferring` comes first.
    /// - Throws: ``SupplicantError`` `invalid-network-config` when no validation is configured, when insecure mode is
    ///   combined with anchors, or when a pin is not 64 hex digits.
    public static func trustCandidates(
        for spec: NetworkSpec, preferring fingerprint: String? = nil
    ) throws(SupplicantError) -> [TrustAnchor] {
        let hasAnchors = !spec.serverPins.isEmpty || !spec.caCertificates.isEmpty || spec.useSystemCAs
        if spec.insecureNoServerValidation {
            guard !hasAnchors else {
                throw invalid("ca_cert", "insecure mode (no server validation) cannot be combined with CAs or pins")
            }
            return [.none]
        }
        guard hasAnchors else {
            throw invalid("ca_cert", "no CA certificate, system CAs or server pin is configured; "
                          + "refusing to send credentials to an unvalidated server",
                          hint: "Add a CA to the profile (--ca-cert), enable system CAs, or pin the server certificate.")
        }
        var result: [TrustAnchor]
        if !spec.serverPins.isEmpty {
            result = try spec.serverPins.map { (pin: String) throws(SupplicantError) -> TrustAnchor in
                let hex = pin.lowercased().filter { $0 != ":" }
                guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                    throw invalid("ca_cert", "server pin '\(pin)' is not a SHA-256 fingerprint (64 hex digits)")
                }
                return .serverPin(sha256Hex: hex)
            }
        } else {
            result = spec.caCertificates.enumerated().map { i, ca in
                .embeddedCA(index: i, subject: ca.subject, sha256Hex: ca.sha256Hex.lowercased())
            }
            for (i, ca) in spec.caCertificates.enumerated() where ca.der.isEmpty {
                throw invalid("ca_cert", "CA certificate #\(i + 1) (\(ca.subject)) is empty")
            }
            if spec.useSystemCAs { result.append(.systemBundle(path: spec.systemCABundlePath)) }
        }
        if let fp = fingerprint?.lowercased().filter({ $0 != ":" }),
           let i = result.firstIndex(where: { $0.fingerprint == fp }), i > 0 {
            result.insert(result.remove(at: i), at: 0)
        }
        return result
    }

    private static func appendServerNames(
        _ names: [NetworkSpec.ServerName], to props: inout [(key: String, value: NetworkValue)], warnings: inout [String]
    ) throws(SupplicantError) {
        guard !names.isEmpty else { return }
        for n in names { try Validation.serverName(n.name) }
        let suffixes = names.compactMap { if case .suffix(let s) = $0 { s } else { nil } }
        let exacts = names.compactMap { if case .exact(let s) = $0 { s } else { nil } }
        if exacts.isEmpty {
            props.append(("domain_suffix_match", .string(suffixes.joined(separator: ";"))))
        } else if suffixes.isEmpty {
            props.append(("domain_match", .string(exacts.joined(separator: ";"))))
        } else {
            // wpa_supplicant requires BOTH keys to match when both are set; the profile means "any of these names".
            props.append(("domain_suffix_match", .string((suffixes + exacts).joined(separator: ";"))))
            warnings.append("exact server names \(exacts.joined(separator: ", ")) are matched as suffixes "
                            + "because suffix names are also configured")
        }
    }

    private static func appendPassphrase(
        _ passphrase: SecretBytes?, to props: inout [(key: String, value: NetworkValue)]
    ) throws(SupplicantError) {
        guard let passphrase, !passphrase.isEmpty else { return }
        guard !passphrase.withUnsafeBytes({ $0.contains(0) }) else {
            throw invalid("private_key_passwd", "the key passphrase contains a NUL byte")
        }
        props.append(("private_key_passwd", .secretBytes(passphrase)))
    }

    static func invalid(_ key: String, _ why: String, hint: String? = nil) -> SupplicantError {
        SupplicantError(.invalidNetworkConfig, "network setting \(key): \(why)", hint: hint,
                        details: ["key": .string(key)])
    }
}

extension TrustAnchor {
    /// The SHA-256 fingerprint of the CA or pinned certificate, if any.
    public var fingerprint: String? {
        switch self {
        case .embeddedCA(_, _, let fp), .serverPin(let fp): fp
        case .systemBundle, .none: nil
        }
    }
}
