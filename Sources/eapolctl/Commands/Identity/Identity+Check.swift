import ArgumentParser
import Provisioning
import ProfileModel
import StructuredErrors

extension Eapolctl.Identity {
    /// `eapolctl identity check`
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check whether the stored client identity is the one given (exit status 1 when it is not).",
            discussion: """
                A PEM identity is compared by its certificate's SHA-256 fingerprint; a PKCS#12 identity by the
                bundle's bytes (and its passphrase when one is given), in constant time. Nothing secret is printed.
                Exit status 0: the same; 1: different; a missing identity is a store error (67).

                Examples:
                  eapolctl identity check --profile Lab --fingerprint ab:cd:...:ef --json
                  eapolctl identity check --profile Lab --pkcs12 client.p12 --passphrase-file p12.pass
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: CredentialSelection

        @Option(help: ArgumentHelp("SHA-256 fingerprint of the expected client certificate (64 hex digits, colons optional).",
                                   valueName: "sha256"))
        var fingerprint: String?

        @Option(help: ArgumentHelp("The expected PKCS#12 bundle.", valueName: "file"))
        var pkcs12: String?

        @Option(help: ArgumentHelp("Also compare the bundle's passphrase, read from this file.", valueName: "file"))
        var passphraseFile: String?

        @Flag(help: "Also compare the bundle's passphrase, read from stdin.")
        var passphraseStdin = false

        func validate() throws {
            if (fingerprint == nil) == (pkcs12 == nil) {
                throw UsageError(.missingArgument, "identity check needs exactly one of --fingerprint SHA256 or --pkcs12 FILE")
            }
            if passphraseFile != nil && passphraseStdin {
                throw UsageError(.conflictingArguments, "use either --passphrase-file or --passphrase-stdin")
            }
            if pkcs12 == nil && (passphraseFile != nil || passphraseStdin) {
                throw UsageError(.conflictingArguments, "a passphrase is compared only with --pkcs12 FILE")
            }
        }

        func run() async throws {
            let expected: IdentityExpectation
            if let fingerprint {
                expected = .fingerprint(try TrustSettings.parsePin(fingerprint))
            } else {
                let bundle = try SecretInput.fromFile(pkcs12!, trimNewline: false)
                expected = .pkcs12(bundle: bundle, passphrase: try IdentityInput.passphrase(file: passphraseFile, stdin: passphraseStdin))
            }
            try CredentialCheckActions.checkIdentity(target: item.target, expected: expected, context: CommandContext(global))
        }
    }
}
