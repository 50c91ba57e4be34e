import StructuredErrors

extension NetworkConfiguration {
    /// The warning of a plan that allows anonymous PAC provisioning.
    public static let anonymousProvisioningWarning = "EAP-FAST anonymous PAC provisioning: the provisioning exchange "
        + "is not server-authenticated (anonymous Diffie-Hellman, RFC 5422); the inner MSCHAPv2 is then the only proof"

    /// The `phase2` of EAP-FAST: MSCHAPv2 or GTC (the inner methods wpa_supplicant's EAP-FAST carries).
    static func fastPhase2(_ inner: NetworkSpec.InnerMethod) throws(SupplicantError) -> String {
        switch inner {
        case .mschapv2, .eapMSCHAPv2: "auth=MSCHAPV2"
        case .gtc: "auth=GTC"
        case .pap, .chap, .mschap:
            throw invalid("phase2", "EAP-FAST carries only EAP inner methods (MSCHAPv2, GTC), not \(inner.rawValue)")
        }
    }

    /// Adds `pac_file="blob://BASE-pac"` and, when a PAC is stored, the blob holding it; returns the blob name.
    ///
    /// The PAC blob is always named, even without a stored PAC: wpa_supplicant 2.10 then starts with no PAC and writes
    /// a provisioned one into that blob (in memory; `GetBlob` reads it), where the caller picks it up.
    static func appendPAC(
        _ spec: NetworkSpec, base: String, to props: inout [(key: String, value: NetworkValue)],
        blobs: inout [NetworkBlob], warnings: inout [String]
    ) throws(SupplicantError) -> String {
        let settings = spec.fast ?? NetworkSpec.FASTSettings(provisioning: .none)
        if settings.provisioning == .none && (settings.pac?.isEmpty ?? true) {
            throw invalid("pac_file", "EAP-FAST has no PAC and PAC provisioning is off; nothing can authenticate",
                          hint: "Allow PAC provisioning (anonymous or authenticated) or provide a stored PAC.")
        }
        if settings.provisioning == .anonymous || settings.provisioning == .both {
            warnings.append(anonymousProvisioningWarning)
        }
        let name = "\(base)-pac"
        if let pac = settings.pac, !pac.isEmpty {
            guard !pac.withUnsafeBytes({ $0.contains(0) }) else {
                throw invalid("pac_file", "the stored PAC contains a NUL byte (it is a text file)")
            }
            blobs.append(NetworkBlob(name: name, content: .secret(pac)))
        }
        props.append(("pac_file", .string("blob://\(name)")))
        return name
    }
}
