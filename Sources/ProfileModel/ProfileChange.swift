/// One field that differs between two versions of a profile, as `profile edit` reports it.
///
/// `field` is the JSON path (`name`, `binding.ssid`, `trust.serverNames`…); `old` and `new` are display texts, nil
/// where the field had or has no value. A CA certificate added or removed is one change of its own
/// (`trust.caCertificates`), named by subject and SHA-256 fingerprint.
public struct ProfileChange: Sendable, Hashable, Encodable {
    public let field: String
    public let old: String?
    public let new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    private enum CodingKeys: String, CodingKey { case field, old, new }

    /// Writes `old` and `new` as null when absent, so every change has the same three keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
    }

    /// Every field that differs from `old` to `new`, in the order of the profile's JSON.
    public static func changes(from old: Profile, to new: Profile) -> [ProfileChange] {
        var changes: [ProfileChange] = []
        func compare(_ field: String, _ a: String?, _ b: String?) {
            if a != b { changes.append(ProfileChange(field: field, old: a, new: b)) }
        }
        func list<T>(_ values: [T], _ text: (T) -> String) -> String? {
            values.isEmpty ? nil : values.map(text).joined(separator: ", ")
        }
        compare("name", old.name, new.name)
        compare("binding.kind", old.isWired ? "wired" : "wifi", new.isWired ? "wired" : "wifi")
        compare("binding.ssid", old.ssid?.displayText, new.ssid?.displayText)
        compare("binding.security", old.isWired ? nil : old.security.rawValue, new.isWired ? nil : new.security.rawValue)
        compare("binding.hidden", hidden(of: old), hidden(of: new))
        compare("binding.interface", interface(of: old), interface(of: new))
        compare("roaming", old.roaming?.rawValue, new.roaming?.rawValue)
        compare("eap.outer", old.eap.outer.rawValue, new.eap.outer.rawValue)
        compare("eap.inner", old.eap.inner?.rawValue, new.eap.inner?.rawValue)
        compare("eap.username", old.eap.username, new.eap.username)
        compare("eap.outerIdentity", old.eap.outerIdentity, new.eap.outerIdentity)
        compare("eap.oneTimePassword", String(old.eap.oneTimePassword), String(new.eap.oneTimePassword))
        compare("eap.insecureAllowLEAP", String(old.eap.insecureAllowLEAP), String(new.eap.insecureAllowLEAP))
        compare("eap.fast.usePAC", old.eap.fast.map { String($0.usePAC) }, new.eap.fast.map { String($0.usePAC) })
        compare("eap.fast.provisioning", old.eap.fast?.provisioning.rawValue, new.eap.fast?.provisioning.rawValue)
        for certificate in old.trust.caCertificates where !new.trust.caCertificates.contains(certificate) {
            changes.append(ProfileChange(field: "trust.caCertificates", old: describe(certificate), new: nil))
        }
        for certificate in new.trust.caCertificates where !old.trust.caCertificates.contains(certificate) {
            changes.append(ProfileChange(field: "trust.caCertificates", old: nil, new: describe(certificate)))
        }
        compare("trust.useSystemCAs", String(old.trust.useSystemCAs), String(new.trust.useSystemCAs))
        compare("trust.serverCertificatePins", list(old.trust.serverCertificatePins) { $0 },
                list(new.trust.serverCertificatePins) { $0 })
        compare("trust.serverNames", list(old.trust.serverNames, \.description), list(new.trust.serverNames, \.description))
        compare("trust.tlsMinVersion", old.trust.tlsMinVersion?.rawValue, new.trust.tlsMinVersion?.rawValue)
        compare("trust.tlsMaxVersion", old.trust.tlsMaxVersion?.rawValue, new.trust.tlsMaxVersion?.rawValue)
        compare("trust.allowLegacyTLS", String(old.trust.allowLegacyTLS), String(new.trust.allowLegacyTLS))
        compare("trust.insecureNoServerValidation", String(old.trust.insecureNoServerValidation),
                String(new.trust.insecureNoServerValidation))
        return changes
    }

    private static func hidden(of profile: Profile) -> String? {
        if case .wifi(_, _, let hidden) = profile.binding { return String(hidden) }
        return nil
    }

    private static func interface(of profile: Profile) -> String? {
        if case .wired(let interface) = profile.binding { return interface }
        return nil
    }

    private static func describe(_ certificate: TrustedCertificate) -> String {
        "\(certificate.summary.subject) (SHA-256 \(certificate.summary.sha256Fingerprint))"
    }
}
