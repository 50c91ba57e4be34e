import ArgumentParser
import CredentialStore

extension Eapolctl.Store {
    /// `eapolctl store rekey`
    struct Rekey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rekey",
            abstract: "Re-encrypt every item under a new key: a fresh key file, or a passphrase.",
            discussion: """
                The new passphrase comes from --new-passphrase-file or a prompt. Re-keying to a key file writes a \
                fresh random key to the key file (--key-file or the default). No key is ever destroyed: whatever \
                the key file held is kept as <key file>.old (or .old.N), because another store may share the key \
                file; it also opens old backups of this store. The output says where it went and whether it was \
                this store's key. Delete it once nothing needs it.

                Examples:
                  eapolctl store rekey --to key-file
                  eapolctl store rekey --to passphrase --new-passphrase-file /run/secrets/pp
                """
        )

        enum Target: String, ExpressibleByArgument, CaseIterable { case keyFile = "key-file", passphrase }

        /// The JSON result.
        struct Rekeyed: Encodable {
            var store: StoreStatus
            var rekey: RekeyResult
        }

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
            let result = try store.rekey(to: method)
            let status = try store.status()
            context.output.result(Rekeyed(store: status, rekey: result)) {
                var lines = ["Re-keyed \(status.storeFile): now \(status.mode.rawValue)"
                    + (status.keyFile.map { ", key file \($0)" } ?? "") + ", key ID \(result.keyID)"]
                if let kept = result.previousKeyKeptAt, let keyFile = result.keyFile {
                    if result.previousKeyWasThisStores == true {
                        lines.append("The previous key was kept as \(kept): it still opens any other store that shared the key file, "
                            + "and old backups of this store. Delete it once nothing needs it.")
                    } else {
                        let what = result.previousKeyID.map { "key \($0), which was not this store's key" } ?? "a file that is not a key"
                        lines.append("\(keyFile) held \(what); it was kept as \(kept). A store that used \(keyFile) now opens with "
                            + "--key-file \(kept).")
                    }
                }
                if let kept = result.pendingKeyKeptAt {
                    lines.append("A pending key left by an interrupted rekey was kept as \(kept).")
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
