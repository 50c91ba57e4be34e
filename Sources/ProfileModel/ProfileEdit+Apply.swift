public import Foundation
import StructuredErrors

extension Profile {
    /// The profile with `edit` applied: same ID and creation time, every other field as the edit says.
    ///
    /// The result is checked exactly as `profile create` checks a new profile (``validated(now:)``): an edit that
    /// leaves no trust anchor, pairs WPA3-192 with a tunnelled method, or breaks any other rule throws the same
    /// `invalid-profile` error create would. Nothing is written here; the receiver is not changed.
    /// - Throws: `UsageError` when the edit contradicts itself or the kind of profile (a wired interface for a Wi-Fi
    ///   profile, a security type without an SSID); `ProfileError` `not-in-profile` when a CA certificate, server
    ///   name or pin to remove is not there; `ProfileError` `invalid-profile` when the result breaks a rule.
    public func applying(_ edit: ProfileEdit, now: Date = Date()) throws -> Profile {
        var result = self
        if let name = edit.name { result.name = name }
        result.binding = try editedBinding(edit)
        result.eap = editedEAP(edit)
        result.trust = try editedTrust(edit)
        try result.applyRoaming(edit.roaming)
        return try result.validated(now: now)
    }

    /// `--roaming` only on a profile that is Wi-Fi after the edit (as `profile create` requires); a profile the edit
    /// makes wired or that is Passpoint drops the setting, which only Wi-Fi networks use.
    private mutating func applyRoaming(_ roaming: RoamingMode?) throws {
        guard case .wifi = binding else {
            if roaming != nil {
                throw UsageError(.invalidArgument, "--roaming applies to Wi-Fi profiles only, and profile \(name) has no SSID",
                                 hint: "Leave out --roaming, or give the profile an SSID as well (--ssid-set SSID).")
            }
            self.roaming = nil
            return
        }
        if let roaming { self.roaming = roaming }
    }

    private func editedBinding(_ edit: ProfileEdit) throws -> NetworkBinding {
        if edit.security == .wired {
            throw ProfileError(.unsupportedSecurityType, "'wired' is not a Wi-Fi security type (profile \(name))",
                               hint: "Use --wired to make the profile wired, or choose wpa2, wpa3, wpa3-192 or wpa2-wpa3.")
        }
        if edit.makeWired {
            let clashing = [edit.ssid.map { _ in "--ssid-set" }, edit.security.map { _ in "--security" },
                            edit.hidden.map { _ in "--hidden" }].compactMap { $0 }
            guard clashing.isEmpty else {
                throw UsageError(.conflictingArguments,
                                 "--wired makes the profile wired, so it cannot also take \(clashing.joined(separator: ", "))",
                                 hint: "Give either --wired or the Wi-Fi settings (--ssid-set, --security, --hidden).")
            }
        }
        if case .passpoint = binding {
            let clashing = [edit.ssid.map { _ in "--ssid-set" }, edit.security.map { _ in "--security" },
                            edit.hidden.map { _ in "--hidden" }, edit.makeWired ? "--wired" : nil,
                            edit.wiredInterface.map { _ in "--wired-interface" }].compactMap { $0 }
            guard clashing.isEmpty else {
                throw ProfileError(.invalidPasspoint,
                                   "profile \(name) is a Passpoint profile, which has no SSID, security type or wired port: "
                                       + "\(clashing.joined(separator: ", ")) cannot apply",
                                   hint: "Create a separate Wi-Fi or wired profile with `eapolctl profile create`.")
            }
            return binding
        }
        switch binding {
        case .passpoint: return binding
        case .wifi(let ssid, let security, let hidden) where !edit.makeWired:
            if edit.wiredInterface != nil {
                throw UsageError(.invalidArgument, "profile \(name) is a Wi-Fi profile, which has no wired interface",
                                 hint: "Add --wired to make it a wired profile restricted to that interface.")
            }
            return .wifi(ssid: edit.ssid ?? ssid, security: edit.security ?? security, hidden: edit.hidden ?? hidden)
        case .wifi:
            return .wired(interface: edit.wiredInterface?.value)
        case .wired(let interface):
            guard let ssid = edit.ssid else {
                if let security = edit.security {
                    throw UsageError(.missingArgument, "security type '\(security)' needs an SSID, and profile \(name) is wired",
                                     hint: "Give the profile an SSID as well (--ssid-set SSID).")
                }
                if edit.hidden != nil {
                    throw UsageError(.missingArgument, "--hidden needs an SSID, and profile \(name) is wired",
                                     hint: "Give the profile an SSID as well (--ssid-set SSID).")
                }
                guard let assignment = edit.wiredInterface else { return binding }
                return .wired(interface: assignment.value)
            }
            if edit.wiredInterface != nil {
                throw UsageError(.conflictingArguments, "--ssid-set makes profile \(name) a Wi-Fi profile, which has no wired interface",
                                 hint: "Leave out --wired-interface/--no-wired-interface.")
            }
            _ = interface
            return .wifi(ssid: ssid, security: edit.security ?? .wpa2, hidden: edit.hidden ?? false)
        }
    }

    private func editedEAP(_ edit: ProfileEdit) -> EAPSettings {
        let outer = edit.method ?? eap.outer
        var inner = edit.inner
        if inner == nil {
            if let current = eap.inner, outer.allowedInnerMethods.contains(current) {
                inner = current
            } else {
                inner = outer.defaultInnerMethod
            }
        }
        var result = EAPSettings(outer: outer, inner: inner, username: eap.username, outerIdentity: eap.outerIdentity,
                                 oneTimePassword: edit.oneTimePassword ?? eap.oneTimePassword,
                                 insecureAllowLEAP: edit.insecureAllowLEAP ?? eap.insecureAllowLEAP)
        if outer == .tls, edit.inner == nil { result.inner = nil }
        // PAC settings follow the method: kept on FAST, EAP-FAST's default (authenticated provisioning) when the
        // method becomes FAST, dropped when it stops being FAST; an explicit provisioning mode wins.
        if outer == .fast {
            result.fast = eap.outer == .fast ? (eap.fast ?? FASTSettings()) : FASTSettings(provisioning: .authenticated)
        }
        if let provisioning = edit.fastProvisioning { result.fast = FASTSettings(usePAC: true, provisioning: provisioning) }
        if let username = edit.username { result.username = username.value }
        if let outerIdentity = edit.outerIdentity { result.outerIdentity = outerIdentity.value }
        return result
    }

    private func editedTrust(_ edit: ProfileEdit) throws -> TrustSettings {
        var trust = self.trust
        switch edit.removeCACertificates {
        case nil: break
        case .all: trust.caCertificates = []
        case .fingerprints(let fingerprints):
            for fingerprint in fingerprints {
                guard trust.caCertificates.contains(where: { $0.summary.sha256Fingerprint == fingerprint }) else {
                    throw notInProfile("CA certificate with SHA-256 fingerprint \(fingerprint)", field: "trust.caCertificates",
                                       value: fingerprint)
                }
                trust.caCertificates.removeAll { $0.summary.sha256Fingerprint == fingerprint }
            }
        }
        for certificate in edit.addCACertificates where !trust.caCertificates.contains(certificate) {
            trust.caCertificates.append(certificate)
        }
        for serverName in edit.removeServerNames {
            guard trust.serverNames.contains(serverName) else {
                throw notInProfile("server name \(serverName)", field: "trust.serverNames", value: serverName.description)
            }
            trust.serverNames.removeAll { $0 == serverName }
        }
        for serverName in edit.addServerNames where !trust.serverNames.contains(serverName) {
            trust.serverNames.append(serverName)
        }
        for pin in edit.removePins {
            guard trust.serverCertificatePins.contains(pin) else {
                throw notInProfile("server certificate pin \(pin)", field: "trust.serverCertificatePins", value: pin)
            }
            trust.serverCertificatePins.removeAll { $0 == pin }
        }
        for pin in edit.addPins where !trust.serverCertificatePins.contains(pin) {
            trust.serverCertificatePins.append(pin)
        }
        if let useSystemCAs = edit.useSystemCAs { trust.useSystemCAs = useSystemCAs }
        if let tlsMin = edit.tlsMinVersion { trust.tlsMinVersion = tlsMin.value }
        if let tlsMax = edit.tlsMaxVersion { trust.tlsMaxVersion = tlsMax.value }
        if let allowLegacyTLS = edit.allowLegacyTLS { trust.allowLegacyTLS = allowLegacyTLS }
        if let insecure = edit.insecureNoServerValidation { trust.insecureNoServerValidation = insecure }
        return trust
    }

    private func notInProfile(_ what: String, field: String, value: String) -> ProfileError {
        ProfileError(.notInProfile, "profile \(name) (\(id)) has no \(what)",
                     hint: "Run `eapolctl profile show \(id)` to see what the profile holds.",
                     details: ["profile": .string(name), "id": .string(id.description), "field": .string(field),
                               "value": .string(value)])
    }
}
