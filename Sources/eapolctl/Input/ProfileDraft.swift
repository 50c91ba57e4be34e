import Foundation
import ProfileModel
import StructuredErrors

/// What the user asked for when creating a profile, before it is checked: shared by `profile create` and
/// eapolcfg's `createProfile`, so both forms have one implementation.
struct ProfileDraft {
    var name: String?
    var ssid: String?
    var security: String?
    var hidden = false
    var wiredInterface: String?
    /// EAP methods in the user's order; the first supported one is used.
    var methods: [String] = []
    var inner: String?
    var username: String?
    var outerIdentity: String?
    var caCertificateFiles: [String] = []
    var useSystemCAs = false
    var pins: [String] = []
    var serverNames: [String] = []
    var tlsMin: String?
    var tlsMax: String?
    var allowLegacyTLS = false
    var insecureNoServerValidation = false
    /// One-time passwords: nothing is stored, each authentication asks for the password.
    var oneTimePassword = false
    /// The explicit switch that allows the broken LEAP method.
    var insecureAllowLEAP = false
    /// EAP-FAST: whether a PAC is used (eapolcfg `--EAPFASTUsePAC`); nil: yes for a FAST profile.
    var fastUsePAC: Bool?
    /// EAP-FAST PAC provisioning; nil: authenticated for a FAST profile (`profile create`'s default).
    var fastProvisioning: PACProvisioning?
    /// A Passpoint (Hotspot 2.0) profile's matching settings; nil for Wi-Fi and wired profiles.
    var passpoint: PasspointDraft?
    /// Fast roaming (`--roaming`; Wi-Fi profiles only); nil leaves it unset (behaves as none).
    var roaming: RoamingMode? = nil

    /// Builds and validates the profile; every validation problem is reported at once.
    func makeProfile() throws -> Profile {
        guard !methods.isEmpty else {
            throw UsageError(.missingArgument, "no EAP method given", hint: "Pass --method peap|ttls|tls (eapolcfg: --authType).")
        }
        let (method, _) = try EAPMethod.firstSupported(in: methods, allowLEAP: insecureAllowLEAP)
        let binding: NetworkBinding
        if let passpoint {
            binding = try passpoint.binding(conflictingWith: self)
        } else if let ssid {
            let parsedSSID = try SSID(parsing: ssid)
            let securityType = try SecurityType(parsing: security ?? "wpa2")
            guard securityType.isWiFi else {
                throw ProfileError(.unsupportedSecurityType, "security type 'wired' cannot be used with SSID \(ssid)",
                                   hint: "Leave out --ssid for a wired profile, or choose wpa2, wpa3, wpa3-192 or wpa2-wpa3.")
            }
            binding = .wifi(ssid: parsedSSID, security: securityType, hidden: hidden)
        } else {
            if let security, try SecurityType(parsing: security) != .wired {
                throw UsageError(.missingArgument, "security type '\(security)' needs an SSID",
                                 hint: "Pass --ssid (eapolcfg: --SSID), or leave out the security type for a wired profile.")
            }
            binding = .wired(interface: wiredInterface)
        }
        var certificates: [TrustedCertificate] = []
        for path in caCertificateFiles {
            certificates += try TrustedCertificate.parse(try readUserFile(path, what: "CA certificate file"), source: path)
        }
        let normalizedPins = try pins.map(TrustSettings.parsePin)
        let trust = TrustSettings(
            caCertificates: certificates,
            useSystemCAs: useSystemCAs,
            serverCertificatePins: normalizedPins,
            serverNames: try serverNames.map(ServerNameConstraint.init(parsing:)),
            tlsMinVersion: try tlsMin.map(TLSVersion.init(parsing:)),
            tlsMaxVersion: try tlsMax.map(TLSVersion.init(parsing:)),
            allowLegacyTLS: allowLegacyTLS,
            insecureNoServerValidation: insecureNoServerValidation
        )
        let eap = EAPSettings(outer: method, inner: try inner.map(InnerMethod.init(parsing:)), username: username,
                              outerIdentity: outerIdentity, oneTimePassword: oneTimePassword,
                              insecureAllowLEAP: insecureAllowLEAP && method == .leap,
                              fast: fastSettings(for: method))
        let displayName = name ?? passpoint?.defaultName ?? ssid.map { "\(method.displayName) \($0)" } ?? "\(method.displayName) wired"
        var profile = Profile(name: displayName, binding: binding, eap: eap, trust: trust)
        if let roaming {
            guard ssid != nil else {
                throw UsageError(.invalidArgument, "--roaming applies to Wi-Fi profiles (with --ssid) only",
                                 hint: "Leave out --roaming, or give the profile's SSID with --ssid.")
            }
            profile.roaming = roaming
        }
        return try profile.validated()
    }

    /// The PAC settings: a FAST profile's (defaults filled in), or the ones given for another method (which
    /// validation then refuses as `unexpected-fast-settings`), else none.
    private func fastSettings(for method: EAPMethod) -> FASTSettings? {
        guard method == .fast || fastUsePAC != nil || fastProvisioning != nil else { return nil }
        return FASTSettings(usePAC: fastUsePAC ?? true, provisioning: fastProvisioning ?? .authenticated)
    }
}
