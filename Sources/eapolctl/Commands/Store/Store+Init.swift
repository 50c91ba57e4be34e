import ArgumentParser
import CredentialStore

extension Eapolctl.Store {
    /// `eapolctl store init`
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create an empty store, unlocked by a key file (default) or a passphrase.",
            discussion: """
                In key-file mode a new key file is created (0600); by default it lives apart from the data \
                (/etc/eapolctl as root, the XDG config directory otherwise). A key file that already exists is \
                refused (store.key-file-in-use): with no store in this state directory it belongs to another \
                store. --reuse-key-file shares it on purpose; rekeying either store later keeps the old key as \
                <key file>.old. In passphrase mode the key is derived with scrypt and the passphrase comes from \
                EAPOLCTL_PASSPHRASE_FILE or a prompt.
                A store is also created implicitly, in key-file mode, by the first command that saves a secret \
                (with a new key file only).

                Examples:
                  eapolctl store init
                  eapolctl --state-dir /srv/lab store init --key-file /etc/eapolctl/lab.key
                  EAPOLCTL_PASSPHRASE_FILE=/run/secrets/pp eapolctl store init --passphrase
                """
        )

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Protect the store with a passphrase instead of a key file.") var passphrase = false
        @Flag(help: "Use the key file even though it already exists (it then unlocks this store and the one it came from).")
        var reuseKeyFile = false

        /// The JSON result.
        struct Created: Encodable {
            var store: StoreStatus
            var reusedKeyFile: Bool
        }

        func run() async throws {
            let context = CommandContext(global)
            let unlock: UnlockMethod = passphrase
                ? .passphrase(try context.newPassphrase())
                : .keyFile(context.paths.keyFile, createIfMissing: true)
            let store = try CredentialStore.initialize(paths: context.paths, unlock: unlock, reuseKeyFile: reuseKeyFile)
            let status = try store.status()
            context.output.result(Created(store: status, reusedKeyFile: store.reusedKeyFile)) {
                var text = "Created \(status.mode.rawValue) store \(status.storeFile)"
                    + (status.keyFile.map { " (key file \($0), key ID \(status.keyID))" } ?? "")
                if store.reusedKeyFile, let keyFile = status.keyFile {
                    text += "\nReused the existing key file \(keyFile): it also unlocks the store it was made for. "
                        + "Rekeying either store keeps the old key as \(keyFile).old for the other."
                }
                return text
            }
        }
    }
}
