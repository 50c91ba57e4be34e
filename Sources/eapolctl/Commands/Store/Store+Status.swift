import ArgumentParser
import CredentialStore

extension Eapolctl.Store {
    /// `eapolctl store status`
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Unlock the store, verify its integrity and show its mode, paths and item counts.",
            discussion: "Examples:\n  eapolctl store status --json"
        )

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = CommandContext(global)
            let status = try context.openStore(creatingIfMissing: false).status()
            context.output.result(["store": status]) {
                var lines = [
                    "Store:        \(status.storeFile) (format \(status.formatVersion), \(status.fileSize) bytes)",
                    "Mode:         \(status.mode.rawValue)",
                    "Key ID:       \(status.keyID)"
                        + (status.formatVersion < status.supportedFormatVersion
                            ? " (not yet recorded in the file: format \(status.formatVersion) is upgraded to \(status.supportedFormatVersion) by the next change)"
                            : ""),
                    "Passwords:    \(status.passwordCount)",
                    "Identities:   \(status.identityCount)",
                    "Integrity:    verified",
                ]
                if let keyFile = status.keyFile { lines.insert("Key file:     \(keyFile)", at: 3) }
                if let scrypt = status.scrypt {
                    lines.insert("Scrypt:       N=2^\(scrypt.log2N) r=\(scrypt.r) p=\(scrypt.p)", at: 2)
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
