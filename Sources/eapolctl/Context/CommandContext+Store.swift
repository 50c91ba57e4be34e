import CredentialStore
import Foundation
import Provisioning
import Secrets
import StateFiles
import StructuredErrors

extension CommandContext {
    /// Opens (unlocks) the credential store. In key-file mode a missing store and key file are created on first
    /// write, so unattended scripts need no set-up; in passphrase mode the passphrase comes from
    /// `EAPOLCTL_PASSPHRASE_FILE` or a terminal prompt.
    func openStore(creatingIfMissing: Bool) throws -> CredentialStore {
        if !PosixIO.exists(paths.file(CredentialStore.storeFileName)) {
            if let file = environment["EAPOLCTL_PASSPHRASE_FILE"], !file.isEmpty, creatingIfMissing {
                return try CredentialStore.initialize(paths: paths, unlock: .passphrase(try SecretInput.fromFile(file)))
            }
            return try CredentialStore.open(paths: paths, unlock: .keyFile(paths.keyFile, createIfMissing: creatingIfMissing))
        }
        // One read of the store: the header says which mode it is in, and only a passphrase store asks for one.
        return try CredentialStore.open(paths: paths) { mode in
            switch mode {
            case .passphrase: .passphrase(try passphrase(prompt: "Store passphrase: "))
            case .keyFile: .keyFile(paths.keyFile, createIfMissing: false)
            }
        }
    }

    /// The store, or nil when none exists (nothing to find in it, nothing to remove from it).
    func openStoreIfPresent() throws -> CredentialStore? {
        guard try CredentialStore.existingMode(paths: paths) != nil else { return nil }
        return try openStore(creatingIfMissing: false)
    }

    /// The password and identity items; the store is opened (and unlocked) only by the operations that use it.
    var credentialItems: CredentialItems {
        CredentialItems(profiles: profiles, openStore: { try openStore(creatingIfMissing: $0) })
    }

    /// The store passphrase: from the file named by EAPOLCTL_PASSPHRASE_FILE, else a prompt.
    func passphrase(prompt: String) throws -> SecretBytes {
        if let file = environment["EAPOLCTL_PASSPHRASE_FILE"], !file.isEmpty {
            return try SecretInput.fromFile(file)
        }
        return try SecretInput.promptTerminal(prompt)
    }
}

extension CommandContext {
    /// A new passphrase: from EAPOLCTL_PASSPHRASE_FILE, else prompted twice.
    func newPassphrase() throws -> SecretBytes {
        if let file = environment["EAPOLCTL_PASSPHRASE_FILE"], !file.isEmpty {
            return try SecretInput.fromFile(file)
        }
        let first = try SecretInput.promptTerminal("New store passphrase: ")
        let second = try SecretInput.promptTerminal("Repeat the passphrase: ")
        guard first == second else {
            throw UsageError(.invalidArgument, "the two passphrases differ")
        }
        return first
    }
}
