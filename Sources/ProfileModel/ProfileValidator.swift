import StructuredErrors
public import Foundation

/// Checks a decoded or constructed profile against eapolctl's rules, separately from loading it (as iwd does).
///
/// The rules and problem ids are listed in Docs/profile-format.md.
public enum ProfileValidator {
    /// Every rule the profile breaks, in a stable order (empty when the profile is valid).
    /// - Parameters:
    ///   - profile: the profile to check.
    ///   - now: the time certificate validity is checked against.
    public static func problems(in profile: Profile, now: Date = Date()) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ id: String, _ field: String, _ message: String, _ hint: String) {
            problems.append(ValidationProblem(id: id, field: field, message: message, hint: hint))
        }

        // Name.
        if profile.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add("empty-name", "name", "the profile has no name", "Give the profile a name (--name).")
        } else if let problem = textProblem(profile.name, field: "name", id: "invalid-name", what: "the profile name") {
            problems.append(problem)
        }

        // Binding.
        switch profile.binding {
        case .wifi(_, let security, _):
            if security == .wired {
                add("wired-security-on-wifi", "binding.security", "a Wi-Fi binding cannot use the security type 'wired'",
                    "Use wpa2, wpa3, wpa3-192 or wpa2-wpa3, or make the profile wired.")
            }
            if security == .wpa3_192, profile.eap.outer != .tls {
                add("suite-b-requires-tls", "eap.outer",
                    "WPA3-Enterprise 192-bit (Suite-B) requires EAP-TLS, but the profile uses \(profile.eap.outer.displayName)",
                    "Use --eap tls with a client certificate, or the security type wpa3.")
            }
        case .wired(let interface):
            if let interface, !isValidInterfaceName(interface) {
                add("invalid-interface", "binding.interface",
                    "'\(interface.debugDescription.dropFirst().dropLast())' is not a valid interface name "
                        + "(1 to 15 bytes, no '/', ':', whitespace or control characters)",
                    "Give the name `ip link` shows, e.g. eth0, or leave it out to allow any wired interface.")
            }
        case .passpoint(let settings):
            problems += settings.problems(method: profile.eap.outer)
        }

        // EAP inner method.
        let eap = profile.eap
        if let inner = eap.inner {
            if eap.outer == .tls {
                add("unexpected-inner-method", "eap.inner", "EAP-TLS has no inner method, but '\(inner.rawValue)' is set",
                    "Remove the inner method.")
            } else if !eap.outer.allowedInnerMethods.contains(inner) {
                let allowed = eap.outer.allowedInnerMethods.map(\.rawValue).joined(separator: ", ")
                add("inner-method-mismatch", "eap.inner",
                    "inner method '\(inner.rawValue)' does not fit \(eap.outer.displayName) (accepted: \(allowed))",
                    "Choose one of: \(allowed).")
            }
        } else if eap.outer.isTunneled {
            add("missing-inner-method", "eap.inner", "\(eap.outer.displayName) needs an inner method",
                "Set the inner method, usually mschapv2.")
        }

        if eap.outer == .leap {
            if !eap.insecureAllowLEAP {
                add("leap-not-allowed", "eap.insecureAllowLEAP",
                    "\(EAPMethod.leapBrokenReason); the profile does not allow it explicitly",
                    "Use PEAP or TTLS; only for a network that offers nothing else, allow LEAP with --insecure-allow-leap.")
            }
            if let outer = eap.outerIdentity {
                add("unexpected-outer-identity", "eap.outerIdentity",
                    "LEAP has no outer (anonymous) identity, but '\(outer)' is set", "Remove the outer identity.")
            }
        }
        problems += fastProblems(in: eap)
        if eap.oneTimePassword, !eap.outer.usesPassword {
            add("one-time-password-without-password", "eap.oneTimePassword",
                "\(eap.outer.displayName) authenticates with a client certificate and uses no password, so a one-time password cannot apply",
                "Leave out the one-time password flag, or use PEAP or TTLS.")
        }

        // Trust.
        let trust = profile.trust
        if !trust.insecureNoServerValidation, eap.outer.usesTLS {
            if !trust.hasTrustAnchor {
                add("missing-trust-anchor", "trust.caCertificates",
                    "\(eap.outer.displayName) needs a trust anchor to validate the RADIUS server, and none is set",
                    "Embed the server's CA certificate (--ca-cert FILE), enable the system CAs, or pin the server certificate.")
            }
            if trust.serverNames.isEmpty, trust.serverCertificatePins.isEmpty {
                add("missing-server-name", "trust.serverNames",
                    "no server-name constraint: any server certified by the trusted CAs would be accepted",
                    "Add the RADIUS server's DNS name (--server-name radius.example.org).")
            }
        }
        let textProblems = textFieldProblems(in: profile)
        if trust.useSystemCAs, !trust.systemCABundlePath.hasPrefix("/"),
           !textProblems.contains(where: { $0.field == "trust.systemCABundlePath" }) {
            add("invalid-system-ca-path", "trust.systemCABundlePath",
                "the system CA bundle path '\(trust.systemCABundlePath)' is not absolute",
                "Use an absolute path such as \(TrustSettings.defaultSystemCABundlePath).")
        }
        for (index, pin) in trust.serverCertificatePins.enumerated() where TrustSettings.normalizedPin(pin) == nil {
            add("invalid-pin", "trust.serverCertificatePins[\(index)]",
                "'\(pin)' is not a SHA-256 fingerprint (64 hex digits, colons optional)",
                "Use the output of `openssl x509 -noout -fingerprint -sha256 -in server.pem`.")
        }
        for (index, certificate) in trust.caCertificates.enumerated() {
            let field = "trust.caCertificates[\(index)]"
            let summary = certificate.summary
            if !summary.isCA {
                add("certificate-not-ca", field,
                    "certificate '\(summary.subject)' is not a CA (basicConstraints CA:FALSE or absent)",
                    "Embed the CA that issued the server certificate, or pin the server certificate instead.")
            }
            if now > summary.notValidAfter {
                add("certificate-expired", field,
                    "certificate '\(summary.subject)' expired on \(Profile.formatDate(summary.notValidAfter))",
                    "Get the current CA certificate from the network administrator.")
            } else if now < summary.notValidBefore {
                add("certificate-not-yet-valid", field,
                    "certificate '\(summary.subject)' is not valid before \(Profile.formatDate(summary.notValidBefore))",
                    "Check the system clock, or get the current CA certificate.")
            }
        }
        if let min = trust.tlsMinVersion, let max = trust.tlsMaxVersion, min > max {
            add("tls-version-order", "trust.tlsMinVersion",
                "the minimum TLS version \(min.rawValue) is above the maximum \(max.rawValue)",
                "Lower the minimum or raise the maximum.")
        }
        if !trust.allowLegacyTLS {
            if let min = trust.tlsMinVersion, min.isLegacy {
                add("legacy-tls-not-allowed", "trust.tlsMinVersion",
                    "TLS \(min.rawValue) is deprecated (RFC 8996) and needs allowLegacyTLS",
                    "Use 1.2 or later, or set allowLegacyTLS (--allow-legacy-tls) for an old RADIUS server.")
            }
            if let max = trust.tlsMaxVersion, max.isLegacy {
                add("legacy-tls-not-allowed", "trust.tlsMaxVersion",
                    "a maximum of TLS \(max.rawValue) forces a deprecated version (RFC 8996) and needs allowLegacyTLS",
                    "Remove the maximum, or set allowLegacyTLS (--allow-legacy-tls).")
            }
        }
        problems += textProblems
        for problem in profile.information.problems() {
            add("invalid-information", "information", problem,
                "Make the application's information smaller or simpler (`eapolctl setProfileInformation`), or remove it "
                    + "(`eapolctl clearProfileInformation`).")
        }
        return problems
    }

    /// Whether `name` can be a Linux interface name (1 to 15 bytes, no '/', ':', whitespace or control
    /// characters, not `.` or `..`).
    public static func isValidInterfaceName(_ name: String) -> Bool {
        guard (1...15).contains(name.utf8.count), name != ".", name != ".." else { return false }
        return !name.unicodeScalars.contains { $0 == "/" || $0 == ":" || $0.properties.isWhitespace }
            && forbiddenCharacter(in: name) == nil
    }
}

extension Profile {
    /// Returns the profile unchanged when it breaks no rule.
    /// - Parameter now: the time certificate validity is checked against.
    /// - Throws: one ``ProfileError`` `invalid-profile` whose message lists every problem and whose details hold
    ///   them as `.list` (`problems`) along with their ids (`problemIDs`).
    public func validated(now: Date = Date()) throws -> Profile {
        let problems = ProfileValidator.problems(in: self, now: now)
        guard problems.isEmpty else {
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            let list = problems.enumerated().map { "\($0.offset + 1)) \($0.element.description)" }.joined(separator: "; ")
            throw ProfileError(
                .invalidProfile,
                "profile '\(name)' (\(id)) has \(count): \(list)",
                hint: problems.map(\.hint).joined(separator: " "),
                details: [
                    "profile": .string(name), "id": .string(id.description),
                    "problems": .list(problems.map(\.description)),
                    "problemIDs": .list(problems.map(\.id)),
                ])
        }
        return self
    }
}
