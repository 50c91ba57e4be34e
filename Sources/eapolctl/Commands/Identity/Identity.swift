import ArgumentParser
import Secrets

extension Eapolctl {
    /// `eapolctl identity ...`
    struct Identity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "identity",
            abstract: "Manage EAP-TLS client identities (PKCS#12, or PEM certificate + key) in the encrypted store.",
            subcommands: [Set.self, Get.self, Clear.self, Check.self]
        )
    }
}

/// Where an identity comes from.
struct IdentityInput: ParsableArguments {
    @Option(help: ArgumentHelp("PKCS#12 bundle holding the certificate and private key.", valueName: "file"))
    var pkcs12: String?
    @Option(help: ArgumentHelp("PEM client certificate (with --private-key).", valueName: "file"))
    var certificate: String?
    @Option(help: ArgumentHelp("PEM private key (with --certificate).", valueName: "file"))
    var privateKey: String?
    @Option(help: ArgumentHelp("Read the PKCS#12 or key passphrase from this file.", valueName: "file"))
    var passphraseFile: String?
    @Flag(help: "Read the PKCS#12 or key passphrase from stdin.")
    var passphraseStdin = false

    func validate() throws {
        if passphraseFile != nil && passphraseStdin {
            throw ValidationError("use either --passphrase-file or --passphrase-stdin")
        }
    }

    func passphrase() throws -> SecretBytes? {
        try Self.passphrase(file: passphraseFile, stdin: passphraseStdin)
    }

    /// The passphrase of `--passphrase-file FILE` or `--passphrase-stdin` (`identity set`, `identity check`), nil
    /// when neither was given.
    static func passphrase(file: String?, stdin: Bool) throws -> SecretBytes? {
        if let file { return try SecretInput.fromFile(file) }
        if stdin { return try SecretInput.fromStandardInput(what: "--passphrase-stdin") }
        return nil
    }
}
