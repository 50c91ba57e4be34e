import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `setIdentity --certificate FILE (--profileID | --SSID | --default)`, with a private key or a
    /// PKCS#12 bundle since Linux has no keychain to find the key in.
    struct SetIdentity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setIdentity",
            abstract: "Store an EAP-TLS identity (eapolcfg form of `identity set`).",
            discussion: """
                Examples:
                  eapolctl setIdentity --certificate client.pem --privateKey client.key --SSID corp
                  eapolctl setIdentity --pkcs12 client.p12 --passphraseFile p12.pass --profileID ID
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgItemSelection
        @Option(name: .customLong("certificate"), help: "PEM client certificate.") var certificate: String?
        @Option(name: .customLong("privateKey"), help: "PEM private key for --certificate.") var privateKey: String?
        @Option(name: .customLong("pkcs12"), help: "PKCS#12 bundle.") var pkcs12: String?
        @Option(name: .customLong("passphraseFile"), help: "Read the PKCS#12 or key passphrase from this file.")
        var passphraseFile: String?

        func validate() throws { try selection.check() }

        func run() async throws {
            let identity = try SecretActions.readIdentity(
                pkcs12: pkcs12, certificate: certificate, privateKey: privateKey,
                passphrase: try passphraseFile.map { try SecretInput.fromFile($0) })
            try SecretActions.setIdentity(target: selection.target, identity: identity,
                                          context: CommandContext(global))
        }
    }
}
