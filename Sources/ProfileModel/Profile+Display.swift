public import Foundation

extension Profile {
    /// The warning shown whenever a profile turns off server validation.
    public static let insecureWarning = "INSECURE: server certificate is NOT validated"
    /// The warning shown whenever a profile uses LEAP (allowed with `--insecure-allow-leap`).
    public static let leapWarning = "INSECURE: LEAP is broken (MS-CHAPv1 based, offline dictionary attacks on a captured exchange)"
    /// The warning shown whenever a profile allows anonymous EAP-FAST PAC provisioning.
    public static let anonymousProvisioningWarning = "INSECURE: EAP-FAST anonymous PAC provisioning authenticates no server "
        + "(anonymous Diffie-Hellman): a rogue network can run the provisioning and capture the inner MSCHAPv2 exchange"

    /// The warnings of every weakening the profile records (server validation off, LEAP, anonymous EAP-FAST PAC
    /// provisioning); empty when ``isInsecure`` is false.
    public var insecurityWarnings: [String] {
        var warnings: [String] = []
        if trust.insecureNoServerValidation || eap.outer == .leap { warnings.append(Self.insecureWarning) }
        if eap.outer == .leap { warnings.append(Self.leapWarning) }
        if eap.allowsAnonymousPACProvisioning { warnings.append(Self.anonymousProvisioningWarning) }
        return warnings
    }

    /// Renders the profile for humans, as `eapolctl profile show` prints it (multi-line, trailing newline).
    ///
    /// Insecure profiles carry ``insecureWarning`` on their first line and again in the trust section; validation
    /// problems found at `now` are listed at the end.
    /// - Parameter now: the time certificate validity and validation are judged at.
    public func rendered(now: Date = Date()) -> String {
        var lines: [String] = []
        func row(_ label: String, _ value: String, indent: String = "") {
            lines.append(indent + (label + ":").padding(toLength: 16, withPad: " ", startingAt: 0) + value)
        }
        for warning in insecurityWarnings { lines.append("!!! \(warning) !!!") }
        row("Name", name)
        row("ID", id.description)
        row("Created", Profile.formatDate(createdAt))
        switch binding {
        case .wifi(let ssid, let security, let hidden):
            row("Network", "Wi-Fi")
            row("SSID", ssid.displayText + (hidden ? " (hidden)" : ""))
            row("Security", "\(security.displayName) (\(security.rawValue))")
            row("Roaming", roaming?.rawValue ?? "none (not set)")
        case .wired(let interface):
            row("Network", "wired 802.1X")
            row("Interface", interface ?? "any")
        case .passpoint(let settings):
            row("Network", "Passpoint (Hotspot 2.0)")
            row("Home domains", settings.homeDomains.joined(separator: ", "))
            row("Realm", settings.realm ?? "none")
            row("Consortium OIs", settings.roamingConsortiums.isEmpty ? "none"
                : settings.roamingConsortiums.map(\.hex).joined(separator: ", "))
        }
        row("EAP method", eap.outer.displayName + (eap.inner.map { " / \($0.displayName)" } ?? ""))
        row("Username", eap.username ?? "(asked at connect time)")
        row("Outer identity", eap.outerIdentity ?? "(same as username)")
        if eap.oneTimePassword { row("Password", "one-time: never stored, asked for at each authentication") }
        if eap.outer == .fast {
            let fast = eap.fast ?? FASTSettings()
            row("PAC", fast.usePAC ? "used (kept in the credential store)" : "not used")
            row("Provisioning", fast.provisioning.rawValue
                + (fast.provisioning.allowsAnonymous ? " (the server is NOT authenticated while a PAC is provisioned)" : ""))
        }
        lines.append("Server validation:")
        if trust.insecureNoServerValidation || eap.outer == .leap { lines.append("  \(Self.insecureWarning)") }
        if trust.caCertificates.isEmpty {
            row("CA certificates", "none", indent: "  ")
        }
        for (index, certificate) in trust.caCertificates.enumerated() {
            let s = certificate.summary
            row("CA certificate", "#\(index + 1) \(s.subject)", indent: "  ")
            row("  issuer", s.issuer + (s.isSelfSigned ? " (self-signed)" : ""), indent: "  ")
            let expiry = s.isValid(at: now) ? "" : (now > s.notValidAfter ? " (EXPIRED)" : " (NOT YET VALID)")
            row("  valid", "\(Profile.formatDate(s.notValidBefore)) to \(Profile.formatDate(s.notValidAfter))\(expiry)", indent: "  ")
            row("  SHA-256", s.sha256Fingerprint, indent: "  ")
            if !s.isCA { row("  note", "not a CA certificate", indent: "  ") }
        }
        row("System CAs", trust.useSystemCAs ? "yes (\(trust.systemCABundlePath))" : "no", indent: "  ")
        for pin in trust.serverCertificatePins { row("Pinned server", pin, indent: "  ") }
        let names = trust.serverNames.map { constraint in
            switch constraint {
            case .suffix(let name): "\(name) (or a subdomain)"
            case .exact(let name): "\(name) (exactly)"
            }
        }
        row("Server names", names.isEmpty ? "any" : names.joined(separator: ", "), indent: "  ")
        let low = trust.tlsMinVersion?.rawValue ?? "default"
        let high = trust.tlsMaxVersion?.rawValue ?? "newest"
        row("TLS versions", "\(low) to \(high)" + (trust.allowLegacyTLS ? " (legacy TLS allowed)" : ""), indent: "  ")
        let problems = ProfileValidator.problems(in: self, now: now)
        if !problems.isEmpty {
            lines.append("Problems:")
            for problem in problems { lines.append("  - [\(problem.id)] \(problem.description)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
