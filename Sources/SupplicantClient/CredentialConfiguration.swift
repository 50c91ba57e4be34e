import ProfileModel
import Secrets
public import StructuredErrors

/// Maps a ``PasspointCredential`` to the properties of wpa_supplicant 2.10's `AddCred`; pure, no D-Bus.
///
/// The EAP part is the network mapping of ``NetworkConfiguration`` (same validation, same trust rules, same blobs),
/// renamed to the `cred` keys wpa_supplicant knows (`identity` becomes `username`). A credential only lets
/// wpa_supplicant's interworking selection match access points (the realm match needs the username and password or
/// client certificate to be present); eapolctl never lets wpa_supplicant connect with it (`AutoInterworking` stays 0
/// while it exists) and authenticates through a network of its own built from the same ``NetworkSpec``. Keys a 2.10
/// credential does not have (`anonymous_identity`, `domain_match`, `openssl_ciphers`) are therefore left out, and
/// listed in ``CredentialPlan/omittedNetworkKeys``.
public enum CredentialConfiguration {
    /// The `cred` keys eapolctl sends, and the value type each takes.
    static let stringKeys: Set<String> = [
        "realm", "domain", "roaming_consortiums", "eap", "phase1", "phase2", "ca_cert", "client_cert", "private_key",
        "domain_suffix_match",
    ]
    static let byteKeys: Set<String> = ["username"]
    static let secretKeys: Set<String> = ["password", "private_key_passwd"]
    /// The EAP methods wpa_supplicant's interworking code can use with a username/password or certificate credential.
    static let methods: Set<NetworkSpec.OuterMethod> = [.peap, .ttls, .tls]

    /// Builds the credential plan.
    /// - Parameters:
    ///   - credential: the credential.
    ///   - blobPrefix: the start of every blob name; a random suffix makes names unique.
    /// - Throws: ``SupplicantError`` `invalid-network-config` naming the offending key (`details.key`).
    public static func make(from credential: PasspointCredential, blobPrefix: String) throws(SupplicantError) -> CredentialPlan {
        var rng = SystemRandomNumberGenerator()
        return try make(from: credential, blobPrefix: blobPrefix, using: &rng)
    }

    /// Builds the credential plan with a caller-supplied random generator for the blob-name suffix.
    public static func make<R: RandomNumberGenerator>(
        from credential: PasspointCredential, blobPrefix: String, using rng: inout R
    ) throws(SupplicantError) -> CredentialPlan {
        guard methods.contains(credential.network.outer) else {
            throw invalid("eap", "Passpoint credentials use PEAP, TTLS or TLS, not \(credential.network.outer.rawValue)")
        }
        var props: [(key: String, value: NetworkValue)] = []
        if let realm = credential.realm {
            try realmName(realm)
            props.append(("realm", .string(realm)))
        }
        guard credential.homeDomains.count <= PasspointCredential.maximumDomains else {
            throw invalid("domain", "at most \(PasspointCredential.maximumDomains) home domains, not \(credential.homeDomains.count)")
        }
        for domain in credential.homeDomains {
            try fqdn(domain, key: "domain")
            props.append(("domain", .string(domain)))
        }
        let ois = credential.roamingConsortiums
        guard ois.count <= PasspointCredential.maximumRoamingConsortiums else {
            throw invalid("roaming_consortiums",
                          "at most \(PasspointCredential.maximumRoamingConsortiums) roaming consortium OIs, not \(ois.count)")
        }
        for oi in ois where oi.count != 3 && oi.count != 5 {
            throw invalid("roaming_consortiums", "OI \(PasspointCredential.hex(oi)) is \(oi.count) bytes long; an OI has 3 or 5")
        }
        if Set(ois.map(PasspointCredential.hex)).count != ois.count {
            throw invalid("roaming_consortiums", "an OI is listed twice")
        }
        if !ois.isEmpty {
            props.append(("roaming_consortiums", .string(ois.map(PasspointCredential.hex).joined(separator: ","))))
        }
        guard credential.realm != nil || !ois.isEmpty else {
            throw invalid("realm", "a Passpoint credential needs an NAI realm or at least one roaming consortium OI: "
                          + "nothing else lets an access point match it")
        }

        // The EAP part, exactly as for a network, then renamed.
        var spec = credential.network
        spec.binding = .wired
        let network = try NetworkConfiguration.make(from: spec, blobPrefix: blobPrefix, using: &rng)
        var omitted: [String] = []
        for (key, value) in network.properties {
            switch key {
            case "key_mgmt", "eapol_flags": continue
            case "identity": props.append(("username", value))
            case "anonymous_identity", "domain_match", "openssl_ciphers":
                // Not credential keys in 2.10. The credential only lets wpa_supplicant match access points; the
                // network eapolctl then adds for the match carries them (see the type's documentation).
                omitted.append(key)
            case "pac_file":
                throw invalid("pac_file", "EAP-FAST is not a Passpoint method")
            default: props.append((key, value))
            }
        }
        for (key, value) in props { try property(key: key, value: value) }
        return CredentialPlan(properties: props, blobs: network.blobs, anchor: network.anchor, warnings: network.warnings,
                              omittedNetworkKeys: omitted)
    }

    /// Checks the type and text of one credential property, as ``Validation/property(key:value:)`` does for networks.
    static func property(key: String, value: NetworkValue) throws(SupplicantError) {
        switch value {
        case .int32:
            throw invalid(key, "must not be an integer")
        case .bytes(let b):
            guard byteKeys.contains(key) else { throw invalid(key, "must not be bytes") }
            guard !b.isEmpty else { throw invalid(key, "is empty") }
            guard !b.contains(0), !b.contains(10), !b.contains(13) else {
                throw invalid(key, "contains a NUL byte or a line break")
            }
        case .secretBytes(let s):
            guard secretKeys.contains(key) else { throw invalid(key, "must not be a secret") }
            guard !s.isEmpty else { throw invalid(key, "is empty") }
            guard !s.withUnsafeBytes({ $0.contains(0) || $0.contains(10) || $0.contains(13) }) else {
                throw invalid(key, "contains a NUL byte or a line break")
            }
        case .string(let s):
            guard stringKeys.contains(key) else { throw invalid(key, "is not a credential key eapolctl sends as text") }
            guard !s.isEmpty else { throw invalid(key, "is empty") }
            try Validation.plainText(s, key: key)
            if key == "eap", !["PEAP", "TTLS", "TLS"].contains(s) { throw invalid(key, "'\(s)' is not accepted") }
            if key == "phase2", !Validation.phase2Values.contains(s) { throw invalid(key, "'\(s)' is not accepted") }
        }
    }

    /// An NAI realm: a DNS-like name (letters, digits, `-`, `.`, `_`), 1–253 characters.
    static func realmName(_ realm: String) throws(SupplicantError) { try fqdn(realm, key: "realm") }

    static func fqdn(_ name: String, key: String) throws(SupplicantError) {
        // The profile's own rule, checked again here before the value reaches AddCred.
        guard PasspointSettings.isDomainName(name) else {
            throw invalid(key, "'\(String(name.debugDescription.dropFirst().dropLast()))' is not a domain name")
        }
    }

    static func invalid(_ key: String, _ why: String) -> SupplicantError {
        SupplicantError(.invalidNetworkConfig, "Passpoint credential setting \(key): \(why)", details: ["key": .string(key)])
    }
}
