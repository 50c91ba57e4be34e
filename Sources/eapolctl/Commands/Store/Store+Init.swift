import ArgumentParser
import CredentialStore

extension Eapolctl.Store {
    /// `eapolctl store init`
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an empty store, unlocked by a key file (default) or a passphrase.",
            discussion: """
                In key-file mode the key file is created (0600) when missing; by default it lives apart from the \
                data (/etc/eapolctl as root, the XDG config directory otherwise). In passphrase mode the key is \
                derived with scrypt and the passphrase comes from EAPOLCTL_PASSPHRASE_FILE or a prompt.
                A store is also created implicitly, in key-file mode, by the first command that saves a secret.

                Examples:
                  eapolctl store init
                  EAPOLCTL_PASSPHRASE_FILE=/run/secrets/pp eapolctl store init --passphrase
                """
        )

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Protect the store with a passphrase instead of a key file.") var passphrase = false

        func run() async throws {
            let context = CommandContext(global)
            let unlock: UnlockMethod = passphrase
                ? .passphrase(try context.newPassphrase())
                : .keyFile(context.paths.keyFile, createIfMissing: true)
            let store = try CredentialStore.initialize(paths: context.paths, unlock: unlock)
            let status = try store.status()
            context.output.result(["store": status]) {
                "Created \(status.mode.rawValue) store \(status.storeFile)"
                    + (status.keyFile.map { " (key file \($0))" } ?? "")
            }
        }
    }
}
