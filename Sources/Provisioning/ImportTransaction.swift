public import CredentialStore
public import ProfileFormats
public import ProfileModel
public import ProfileStore
import StructuredErrors

/// Saves every profile of an import (`profile import`, eapolcfg `importProfile`, `onboard`) and the secrets that came
/// with them, all or nothing.
///
/// Conflicts are checked and the store is opened before anything is written. The profiles are then written in one
/// locked batch (``ProfileRepository/apply(saving:removing:replace:)``) and the secrets in one locked
/// read–modify–write of the store (``CredentialStore/apply(_:)``). When anything fails after that — a write
/// (ENOSPC, EROFS), a lock timeout, a signal reported through ``TransactionControl`` — both are put back as they
/// were, byte for byte: profiles it replaced and password or identity items it overwrote included.
public enum ImportTransaction {
    /// What an import did with one profile (JSON: `created`, `replaced`, `unchanged`).
    public enum EntryStatus: String, Encodable, Sendable {
        case created, replaced, unchanged
    }

    /// What happened to one profile.
    public struct Entry: Encodable, Sendable {
        public let id: String
        public let name: String
        public let network: String
        public let method: String
        public let status: EntryStatus
        public let replaced: [String]
        public let storedPassword: Bool
        public let storedIdentity: Bool
        public let needsIdentity: Bool
    }

    /// Runs the transaction.
    /// - Parameters:
    ///   - imported: the profiles, validated, with their secrets.
    ///   - replace: whether a profile with the same ID or SSID may be replaced.
    ///   - profiles: the profile repository.
    ///   - openStore: opens (or creates) the credential store; called once, before any write, and only when the
    ///     import carries secrets.
    ///   - control: asked at every ``TransactionStep``; whatever it throws rolls the transaction back.
    public static func commit(_ imported: [ImportedProfile], replace: Bool, profiles: ProfileRepository,
                              openStore: () throws -> CredentialStore,
                              control: any TransactionControl = UninterruptedTransaction()) throws -> [Entry] {
        // 1. Preflight: refuse conflicts before writing anything.
        var prepared: [(item: ImportedProfile, replacing: Bool, unchanged: Bool)] = []
        var seenSSIDs: Set<SSID> = []
        for var item in imported {
            if let ssid = item.profile.ssid, !seenSSIDs.insert(ssid).inserted {
                throw ProfileError(.duplicateSSID, "the file yields two profiles for SSID \(ssid.displayText)")
            }
            var previous: [Profile] = []
            if let existing = try? profiles.load(item.profile.id) {
                guard replace else {
                    throw ProfileError(.duplicateSSID, "a profile with ID \(item.profile.id) already exists: \(existing.name)",
                                       hint: "Use --replace to overwrite it (nothing was imported).")
                }
                previous.append(existing)
                item.profile.createdAt = existing.createdAt
            }
            if let ssid = item.profile.ssid, let clash = try profiles.find(ssid: ssid), clash.id != item.profile.id {
                guard replace else { throw ProfileError.duplicateSSID(ssid, existingName: clash.name, existingID: clash.id) }
                previous.append(clash)
            }
            let unchanged = previous.count == 1 && previous[0] == item.profile
            prepared.append((item, !previous.isEmpty, unchanged))
        }
        var changes: [CredentialChange] = []
        for entry in prepared {
            let key = CredentialKey.profile(entry.item.profile.id.uuid)
            if let password = entry.item.password {
                changes.append(.setPassword(PasswordItem(username: password.username, password: password.password), for: key))
            }
            if let identity = entry.item.identity, let passphrase = identity.passphrase {
                changes.append(.setIdentity(.pkcs12(bundle: identity.bundle, passphrase: passphrase), for: key))
            }
        }
        // 2. The store is opened (and unlocked) before anything is written: a wrong passphrase changes nothing.
        var rollback = TransactionRollback(profiles: profiles)
        rollback.store = changes.isEmpty ? nil : try openStore()
        var replacedIDs: [ProfileID: [ProfileID]] = [:]
        do {
            try control.checkpoint(.start)
            // 3. Profiles, in one locked batch.
            let toSave = prepared.filter { !$0.unchanged }.map(\.item.profile)
            if !toSave.isEmpty {
                let result = try profiles.apply(saving: toSave, replace: replace)
                rollback.profileUndo = result.undo
                replacedIDs = result.replaced
            }
            try control.checkpoint(.profilesWritten)
            // 4. Secrets, in one locked read–modify–write.
            if let store = rollback.store {
                rollback.secretUndo = try store.apply(changes)
            }
            try control.checkpoint(.secretsWritten)
        } catch {
            throw rollback.rollBack(after: error)
        }
        return prepared.map { entry in
            let profile = entry.item.profile
            let hasIdentity = entry.item.identity?.passphrase != nil
            return Entry(
                id: profile.id.description, name: profile.name,
                network: profile.ssid.map { "SSID \($0.displayText)" } ?? "wired",
                method: profile.eap.outer.displayName + (profile.eap.inner.map { "/" + $0.displayName } ?? ""),
                status: entry.unchanged ? .unchanged : (entry.replacing ? .replaced : .created),
                replaced: (replacedIDs[profile.id] ?? []).filter { $0 != profile.id }.map(\.description),
                storedPassword: entry.item.password != nil, storedIdentity: hasIdentity,
                needsIdentity: profile.eap.outer == .tls && !hasIdentity)
        }
    }
}
