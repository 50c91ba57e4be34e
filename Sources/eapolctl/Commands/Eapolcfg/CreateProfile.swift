import ArgumentParser
import ProfileModel
import StructuredErrors

extension Eapolcfg {
    /// eapolcfg `createProfile`, with its option names.
    struct CreateProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "createProfile",
            abstract: "Create a profile (eapolcfg form of `profile create`); prints the new profile ID.",
            discussion: """
                Without --SSID the profile is for wired 802.1X ports. Unlike eapolcfg, a PEAP/TTLS/TLS profile \
                needs --trustedCertificate and --trustedServerName unless --insecure-no-server-validation is given.

                Example:
                  eapolctl createProfile --authType PEAP --SSID corp --securityType WPA2 --userDefinedName Corp \\
                      --trustedCertificate ca.pem --trustedServerName radius.example.org
                """
        )

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("authType"), help: "EAP type: PEAP, TTLS, TLS, FAST (43), LEAP (with --insecure-allow-leap) or a number (repeatable; the first supported is used).")
        var authType: [String] = []
        @Option(name: .customLong("userDefinedName"), help: "User-visible name.") var userDefinedName: String?
        @Option(name: .customLong("SSID"), help: "Wi-Fi SSID (text, or hex:...).") var ssid: String?
        @Option(name: .customLong("securityType"), help: "WPA, WPA2, Any, or wpa3, wpa3-192, wpa2-wpa3 (WEP is refused).")
        var securityType: String?
        @Option(name: .customLong("domain"),
                help: "Hotspot 2.0 (Passpoint) home domain, also used as the NAI realm; makes a Passpoint profile (no --SSID).")
        var domain: String?
        @Option(name: .customLong("trustedCertificate"), help: "Trusted CA certificate file, DER or PEM (repeatable).")
        var trustedCertificate: [String] = []
        @Option(name: .customLong("trustedServerName"), help: "Server name the certificate must carry (repeatable).")
        var trustedServerName: [String] = []
        @Option(name: .customLong("outerIdentity"), help: "Outer (anonymous) identity.") var outerIdentity: String?
        @Option(name: .customLong("TTLSInnerAuthentication"), help: "PAP, CHAP, MSCHAP or MSCHAPv2.")
        var ttlsInnerAuthentication: String?
        @Option(name: .customLong("userName"), help: "User name (extension).") var userName: String?
        @Flag(name: .customLong("oneTimePassword"),
              help: "One-time passwords: nothing is stored; startAuthentication asks on the terminal or reads --password-stdin.")
        var oneTimePassword = false
        @Flag(name: .customLong("insecure-no-server-validation"),
              help: "Do not validate the server certificate (recorded in the profile and shown loudly).")
        var insecureNoServerValidation = false
        @Flag(name: .customLong("insecure-allow-leap"),
              help: "Allow the broken LEAP method (MS-CHAPv1 based; recorded in the profile and shown loudly).")
        var insecureAllowLeap = false
        @Flag(name: .customLong("EAPFASTUsePAC"), help: "EAP-FAST: use a PAC (required on Linux: wpa_supplicant's EAP-FAST needs one).")
        var eapFASTUsePAC = false
        @Flag(name: .customLong("EAPFASTProvisionPAC"), help: "EAP-FAST: allow authenticated (server certificate) PAC provisioning.")
        var eapFASTProvisionPAC = false
        @Flag(name: .customLong("EAPFASTProvisionPACAnonymously"),
              help: "EAP-FAST: allow anonymous PAC provisioning (the server is not authenticated; recorded and shown loudly).")
        var eapFASTProvisionPACAnonymously = false

        func validate() throws {
            if authType.isEmpty { throw ValidationError("--authType is required") }
        }

        /// eapolcfg's EAP-FAST flags apply as given (a missing one is false) to an EAP-FAST profile, or when any is
        /// given (then validation refuses them on another method).
        private var fastGiven: Bool {
            eapFASTUsePAC || eapFASTProvisionPAC || eapFASTProvisionPACAnonymously
                || (try? EAPMethod.firstSupported(in: authType, allowLEAP: insecureAllowLeap))?.method == .fast
        }

        func run() async throws {
            let context = CommandContext(global)
            let draft = ProfileDraft(
                name: userDefinedName, ssid: ssid, security: securityType, methods: authType,
                inner: ttlsInnerAuthentication, username: userName, outerIdentity: outerIdentity,
                caCertificateFiles: trustedCertificate, serverNames: trustedServerName,
                insecureNoServerValidation: insecureNoServerValidation, oneTimePassword: oneTimePassword,
                insecureAllowLEAP: insecureAllowLeap, fastUsePAC: fastGiven ? eapFASTUsePAC : nil,
                fastProvisioning: fastGiven
                    ? PACProvisioning(provisionPAC: eapFASTProvisionPAC, anonymously: eapFASTProvisionPACAnonymously) : nil,
                passpoint: domain.map { PasspointDraft(domains: [$0], realm: $0) })
            ProfileActions.printCreated(try ProfileActions.create(draft, context: context), context: context)
        }
    }
}
