import ArgumentParser
import ProfileModel
import StructuredErrors

extension Eapolctl.Profile {
    /// `eapolctl profile edit`
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change fields of a profile in place, keeping its ID and its stored secrets.",
            discussion: """
                The edited profile is checked exactly as `profile create` checks a new one, and written atomically; \
                when anything is refused nothing changes. Each change is printed as field: old -> new. Lists are \
                edited by adding and removing entries; removals come first, so --remove-ca-cert all --add-ca-cert \
                FILE replaces the trusted CAs. A CA certificate is named by its SHA-256 fingerprint, as \
                `eapolctl profile show` prints it. --ssid names the profile to edit, --ssid-set gives it a new SSID; \
                password and identity items stored for the old SSID move with the profile.

                Examples:
                  eapolctl profile edit Corp --add-ca-cert new-ca.pem --remove-ca-cert SHA256
                  eapolctl profile edit --ssid corp --add-server-name radius2.example.org
                  eapolctl profile edit Corp --tls-min 1.2 --no-tls-max --username bob
                  eapolctl profile edit Corp --ssid-set corp-5g --security wpa3
                  eapolctl profile edit Lab --no-wired-interface --json
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: ProfileSelection

        @Option(help: "New user-visible name.") var name: String?
        @Option(name: .customLong("ssid-set"),
                help: ArgumentHelp("New SSID (text, or hex:...); a wired profile becomes a Wi-Fi profile.", valueName: "ssid"))
        var newSSID: String?
        @Option(help: "New Wi-Fi security: wpa2, wpa3, wpa3-192, wpa2-wpa3.") var security: String?
        @Flag(inversion: .prefixedNo, help: "Whether the SSID is hidden.") var hidden: Bool?
        @Flag(help: "Make the profile wired (drops its SSID, security and hidden flag).") var wired = false
        @Option(help: ArgumentHelp("Restrict the wired profile to this interface.", valueName: "interface"))
        var wiredInterface: String?
        @Flag(help: "Lift the wired profile's interface restriction.") var noWiredInterface = false
        @Option(help: "New outer EAP method: peap, ttls, tls, fast (leap only with --insecure-allow-leap).") var method: String?
        @Option(help: "New inner method: mschapv2, gtc (PEAP); pap, chap, mschap, mschapv2, eap-mschapv2 (TTLS).")
        var inner: String?
        @Option(help: "New user name (inner identity).") var username: String?
        @Flag(help: "Remove the user name.") var noUsername = false
        @Option(help: "New outer (anonymous) identity.") var outerIdentity: String?
        @Flag(help: "Remove the outer identity.") var noOuterIdentity = false
        @Option(help: ArgumentHelp("Trust the CA certificate(s) in this PEM or DER file (repeatable).", valueName: "file"))
        var addCaCert: [String] = []
        @Option(help: ArgumentHelp("Stop trusting the CA certificate with this SHA-256 fingerprint, or all of them (repeatable).",
                                   valueName: "sha256|all"))
        var removeCaCert: [String] = []
        @Flag(inversion: .prefixedNo, help: "Whether the system CA bundle is trusted.") var systemCas: Bool?
        @Option(help: ArgumentHelp("Add a server name the certificate must carry (repeatable).", valueName: "name"))
        var addServerName: [String] = []
        @Option(help: ArgumentHelp("Remove a server-name constraint (repeatable).", valueName: "name"))
        var removeServerName: [String] = []
        @Option(help: ArgumentHelp("Add a SHA-256 fingerprint the server certificate may have (repeatable).", valueName: "sha256"))
        var addPin: [String] = []
        @Option(help: ArgumentHelp("Remove a server certificate pin (repeatable).", valueName: "sha256"))
        var removePin: [String] = []
        @Option(help: "New lowest TLS version (1.0-1.3).") var tlsMin: String?
        @Flag(help: "Remove the lowest TLS version.") var noTlsMin = false
        @Option(help: "New highest TLS version (1.0-1.3).") var tlsMax: String?
        @Option(help: ArgumentHelp(RoamingArgument.help, valueName: "mode"), transform: RoamingArgument.parse)
        var roaming: RoamingMode?
        @Flag(help: "Remove the highest TLS version.") var noTlsMax = false
        @Flag(inversion: .prefixedNo, help: "Whether TLS 1.0/1.1 are allowed for old RADIUS servers.") var allowLegacyTls: Bool?
        @Flag(inversion: .prefixedNo, help: "Whether server validation is off (recorded in the profile and shown loudly).")
        var insecureNoServerValidation: Bool?
        @Flag(inversion: .prefixedNo, help: "Whether the password is one-time: never stored, asked for at each authentication.")
        var oneTimePassword: Bool?
        @Flag(inversion: .prefixedNo, help: "Whether the broken LEAP method is allowed (recorded in the profile and shown loudly).")
        var insecureAllowLeap: Bool?
        @Option(help: ArgumentHelp(
            "New EAP-FAST PAC provisioning: none (the stored PAC only), authenticated, anonymous (recorded and shown "
                + "loudly), both.", valueName: "mode"))
        var fastProvisioning: String?

        func run() async throws {
            let context = CommandContext(global)
            let edit = try makeEdit()
            guard !edit.isEmpty else {
                throw UsageError(.missingArgument, "no change given: name at least one field to change",
                                 hint: "For example `eapolctl profile edit PROFILE --add-server-name radius.example.org`; "
                                     + "`eapolctl profile edit --help` lists every change.")
            }
            try ProfileActions.edit(try selection.resolve(in: context.profiles), with: edit, context: context)
        }

        /// The typed edit: every value parsed and every CA file read before the profile is touched.
        func makeEdit() throws -> ProfileEdit {
            var edit = ProfileEdit()
            edit.name = name
            edit.ssid = try newSSID.map(SSID.init(parsing:))
            edit.security = try security.map(SecurityType.init(parsing:))
            edit.hidden = hidden
            edit.makeWired = wired
            edit.wiredInterface = try assignment(wiredInterface, clear: noWiredInterface, "wired-interface")
            edit.method = try method.map { try EAPMethod(parsing: $0, allowLEAP: insecureAllowLeap == true) }
            edit.inner = try inner.map(InnerMethod.init(parsing:))
            edit.username = try assignment(username, clear: noUsername, "username")
            edit.outerIdentity = try assignment(outerIdentity, clear: noOuterIdentity, "outer-identity")
            for path in addCaCert {
                edit.addCACertificates += try TrustedCertificate.parse(try readUserFile(path, what: "CA certificate file"), source: path)
            }
            if removeCaCert.contains(where: { $0.lowercased() == "all" }) {
                edit.removeCACertificates = .all
            } else if !removeCaCert.isEmpty {
                edit.removeCACertificates = .fingerprints(try removeCaCert.map(TrustSettings.parsePin))
            }
            edit.useSystemCAs = systemCas
            edit.addServerNames = try addServerName.map(ServerNameConstraint.init(parsing:))
            edit.removeServerNames = try removeServerName.map(ServerNameConstraint.init(parsing:))
            edit.addPins = try addPin.map(TrustSettings.parsePin)
            edit.removePins = try removePin.map(TrustSettings.parsePin)
            edit.tlsMinVersion = try assignment(try tlsMin.map(TLSVersion.init(parsing:)), clear: noTlsMin, "tls-min")
            edit.tlsMaxVersion = try assignment(try tlsMax.map(TLSVersion.init(parsing:)), clear: noTlsMax, "tls-max")
            edit.allowLegacyTLS = allowLegacyTls
            edit.insecureNoServerValidation = insecureNoServerValidation
            edit.oneTimePassword = oneTimePassword
            edit.insecureAllowLEAP = insecureAllowLeap
            edit.fastProvisioning = try fastProvisioning.map(PACProvisioning.init(parsing:))
            edit.roaming = roaming
            return edit
        }

        private func assignment<Value>(_ value: Value?, clear: Bool, _ option: String) throws -> FieldAssignment<Value>? {
            if let value {
                guard !clear else {
                    throw UsageError(.conflictingArguments, "--\(option) and --no-\(option) contradict each other",
                                     hint: "Give one of them: --\(option) VALUE sets the field, --no-\(option) removes it.")
                }
                return .set(value)
            }
            return clear ? .clear : nil
        }
    }
}
