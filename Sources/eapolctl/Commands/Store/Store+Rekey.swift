import ArgumentParser
import CredentialStore

extension Eapolctl.Store {
    /// `eapolctl store rekey`
    struct Rekey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-encrypt every item under a new key: a fresh key file, or a passphrase.",
            discussion: """
                The new passphrase comes from --new-passphrase-file or a prompt. Re-keying to a key file writes a \
                fresh random key to the key file (--key-file or the default).

                Examples:
                  eapolctl store rekey --to key-file
                  eapolctl store rekey --to passphrase --new-passphrase-file /run/secrets/pp
                """
        )

        enum Target: String, ExpressibleByArgument, CaseIterable { case keyFile = "key-file", passphrase }

        @OptionGroup var global: GlobalOptions
        @Option(help: "The new mode: key-file or passphrase.") var to: Target
        @Option(help: ArgumentHelp("Read the new passphrase from this file.", valueName: "file"))
        var newPassphraseFile: String?

        func run() async throws {
            let context = CommandContext(global)
            var store = try context.openStore(creatingIfMissing: false)
            let method: UnlockMethod
            switch to {
            case .keyFile: method = .keyFile(context.paths.keyFile, createIfMissing: true)
            case .passphrase:
                method = .passphrase(try newPassphraseFile.map { try SecretInput.fromFile($0) } ?? context.newPassphrase())
            }
            try store.rekey(to: method)
            let status = try store.status()
            context.output.result(["store": status]) { "Re-keyed \(status.storeFile): now \(status.mode.rawValue)" }
        }
    }
}
