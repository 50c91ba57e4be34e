import ArgumentParser
import ProfileModel
import StructuredErrors

extension Eapolctl.Profile {
    /// `eapolctl profile create`
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a profile (refused without a trust anchor and a server-name constraint).",
            discussion: """
                A Wi-Fi profile names an SSID; leave --ssid out for a wired 802.1X port. The new profile's ID is \
                printed. Server names: a plain name matches it and its subdomains; exact:NAME matches only NAME.

                Examples:
                  eapolctl profile create --name Corp --ssid corp --security wpa2 --method peap \\
                      --ca-cert ca.pem --server-name radius.example.org --username alice
                  eapolctl profile create --name Lab --method tls --ca-cert ca.pem --server-name radius.lab
                  eapolctl profile create --name Edu --ssid eduroam --security wpa2-wpa3 --method ttls --inner pap \\
                      --outer-identity anonymous@example.edu --system-cas --server-name radius.example.edu
                  eapolctl profile create --name EduPasspoint --passpoint --domain example.edu --realm example.edu \\
                      --roaming-consortium 001bc50460 --method ttls --inner mschapv2 --system-cas \\
                      --server-name radius.example.edu --username alice@example.edu
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "User-visible name (default: method and SSID).") var name: String?
        @Option(help: "Wi-Fi SSID: text, or hex:... for any bytes. Omit for a wired profile.") var ssid: String?
        @Option(help: "wpa2, wpa3, wpa3-192, wpa2-wpa3 (default wpa2 with --ssid).") var security: String?
        @Flag(help: "The SSID is hidden (probe for it explicitly).") var hidden = false
        @Option(help: ArgumentHelp("Restrict a wired profile to this interface.", valueName: "interface"))
        var wiredInterface: String?
        @Option(help: "Outer EAP method: peap, ttls, tls, fast (leap only with --insecure-allow-leap).") var method: String
        @Option(help: "Inner method: mschapv2, gtc (PEAP, EAP-FAST); pap, chap, mschap, mschapv2, eap-mschapv2 (TTLS).")
        var inner: String?
        @Option(help: "User name (inner identity).") var username: String?
        @Option(help: "Outer (anonymous) identity.") var outerIdentity: String?
        @Option(help: ArgumentHelp("Trusted CA certificate file, PEM or DER (repeatable).", valueName: "file"))
        var caCert: [String] = []
        @Flag(help: "Trust the system CA bundle.") var systemCas = false
        @Option(help: ArgumentHelp("SHA-256 fingerprint the server certificate must have (repeatable).", valueName: "sha256"))
        var pin: [String] = []
        @Option(help: ArgumentHelp("Server name the certificate must carry (repeatable).", valueName: "name"))
        var serverName: [String] = []
        @Option(help: "Lowest TLS version (1.0-1.3).") var tlsMin: String?
        @Option(help: "Highest TLS version (1.0-1.3).") var tlsMax: String?
        @Flag(help: "Allow TLS 1.0/1.1 for old RADIUS servers.") var allowLegacyTls = false
        @Flag(help: "Do not validate the server certificate (recorded in the profile and shown loudly).")
        var insecureNoServerValidation = false
        @Flag(help: "One-time passwords: nothing is stored; auth start asks on the terminal or reads --password-stdin.")
        var oneTimePassword = false
        @Flag(help: "Allow the broken LEAP method (MS-CHAPv1 based; recorded in the profile and shown loudly).")
        var insecureAllowLeap = false
        @Option(help: ArgumentHelp(
            "EAP-FAST PAC provisioning: none (a stored PAC only), authenticated (default), anonymous (the server is not "
                + "authenticated while provisioning; recorded and shown loudly), both.",
            valueName: "mode"))
        var fastProvisioning: String?
        @Flag(help: "A Passpoint (Hotspot 2.0) profile: no SSID; networks match by --roaming-consortium, --realm, --domain.")
        var passpoint = false
        @Option(help: ArgumentHelp("Passpoint home domain (FQDN of the home operator; repeatable).", valueName: "fqdn"))
        var domain: [String] = []
        @Option(help: ArgumentHelp("Passpoint NAI realm of the account, e.g. example.edu.", valueName: "realm"))
        var realm: String?
        @Option(help: ArgumentHelp("Passpoint roaming consortium OI, 6 or 10 hex digits, e.g. 001bc50460 (repeatable).",
                                   valueName: "oi"))
        var roamingConsortium: [String] = []
        @Option(help: ArgumentHelp(RoamingArgument.help, valueName: "mode"), transform: RoamingArgument.parse)
        var roaming: RoamingMode?

        /// The Passpoint settings with --passpoint; without it, any Passpoint option is refused.
        func passpointDraft() throws -> PasspointDraft? {
            guard passpoint else {
                let given = [domain.isEmpty ? nil : "--domain", realm.map { _ in "--realm" },
                             roamingConsortium.isEmpty ? nil : "--roaming-consortium"].compactMap { $0 }
                if !given.isEmpty {
                    throw UsageError(.missingArgument, "\(given.joined(separator: ", ")) apply to Passpoint profiles only",
                                     hint: "Add --passpoint (and leave out --ssid).")
                }
                return nil
            }
            return PasspointDraft(domains: domain, realm: realm, roamingConsortiums: roamingConsortium)
        }

        func run() async throws {
            let context = CommandContext(global)
            let draft = ProfileDraft(
                name: name, ssid: ssid, security: security, hidden: hidden, wiredInterface: wiredInterface,
                methods: [method], inner: inner, username: username, outerIdentity: outerIdentity,
                caCertificateFiles: caCert, useSystemCAs: systemCas, pins: pin, serverNames: serverName,
                tlsMin: tlsMin, tlsMax: tlsMax, allowLegacyTLS: allowLegacyTls,
                insecureNoServerValidation: insecureNoServerValidation, oneTimePassword: oneTimePassword,
                insecureAllowLEAP: insecureAllowLeap,
                fastProvisioning: try fastProvisioning.map(PACProvisioning.init(parsing:)),
                passpoint: try passpointDraft(), roaming: roaming)
            ProfileActions.printCreated(try ProfileActions.create(draft, context: context), context: context)
        }
    }
}
