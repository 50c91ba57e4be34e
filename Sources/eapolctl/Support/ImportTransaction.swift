import CredentialStore
import Foundation
import ProfileFormats
import ProfileModel
import ProfileStore
import Secrets
import StructuredErrors

/// Saves every profile of an import, and the secrets that came with them, all or nothing.
///
/// Conflicts are checked before anything is written; when a later write fails, the profiles written so far are
/// removed and the ones they replaced are restored, and secrets written so far are removed.
enum ImportTransaction {
    /// What happened to one profile.
    struct Entry: Encodable {
        let id: String
        let name: String
        let network: String
        let method: String
        /// `created`, `replaced` or `unchanged`.
        let status: String
        let replaced: [String]
        let storedPassword: Bool
        let storedIdentity: Bool
        let needsIdentity: Bool
    }

    static func commit(_ imported: [ImportedProfile], replace: Bool, context: CommandContext) throws -> [Entry] {
        let repository = context.profiles
        // 1. Preflight: refuse conflicts before writing anything; keep what would be replaced for a rollback.
        var prepared: [(item: ImportedProfile, previous: [Profile], unchanged: Bool)] = []
        var seenSSIDs: Set<SSID> = []
        for var item in imported {
            if let ssid = item.profile.ssid, !seenSSIDs.insert(ssid).inserted {
                throw ProfileError(.duplicateSSID, "the file yields two profiles for SSID \(ssid.displayText)")
            }
            var previous: [Profile] = []
            if let existing = try? repository.load(item.profile.id) {
                guard replace else {
                    throw ProfileError(.duplicateSSID, "a profile with ID \(item.profile.id) already exists: \(existing.name)",
                                       hint: "Use --replace to overwrite it (nothing was imported).")
                }
                previous.append(existing)
                item.profile.createdAt = existing.createdAt
            }
            if let ssid = item.profile.ssid, let clash = try repository.find(ssid: ssid), clash.id != item.profile.id {
                guard replace else { throw ProfileError.duplicateSSID(ssid, existingName: clash.name, existingID: clash.id) }
                previous.append(clash)
            }
            let unchanged = previous.count == 1 && previous[0] == item.profile
            prepared.append((item, previous, unchanged))
        }
        // 2. Profiles.
        var written: [(Profile, [Profile])] = []
        func rollback() {
            for (profile, previous) in written.reversed() {
                try? repository.remove(profile.id)
                for old in previous { _ = try? repository.save(old, replace: true) }
            }
        }
        var replacedIDs: [ProfileID: [ProfileID]] = [:]
        do {
            for entry in prepared where !entry.unchanged {
                replacedIDs[entry.item.profile.id] = try repository.save(entry.item.profile, replace: replace)
                written.append((entry.item.profile, entry.previous))
            }
        } catch {
            rollback()
            throw error
        }
        // 3. Secrets, in one store session.
        let passwords = prepared.compactMap { entry in
            entry.item.password.map { (key: CredentialKey.profile(entry.item.profile.id.uuid),
                                       item: PasswordItem(username: $0.username, password: $0.password)) }
        }
        let identities = prepared.compactMap { entry -> (CredentialKey, IdentityItem)? in
            guard let identity = entry.item.identity, let passphrase = identity.passphrase else { return nil }
            return (.profile(entry.item.profile.id.uuid), .pkcs12(bundle: identity.bundle, passphrase: passphrase))
        }
        if !passwords.isEmpty || !identities.isEmpty {
            var setIdentities: [CredentialKey] = []
            var store: CredentialStore?
            do {
                store = try context.openStore(creatingIfMissing: true)
                if !passwords.isEmpty { try store!.setPasswords(passwords) }
                for (key, identity) in identities {
                    try store!.setIdentity(identity, for: key)
                    setIdentities.append(key)
                }
            } catch {
                if let store {
                    for (key, _) in passwords { _ = try? store.removePassword(for: key) }
                    for key in setIdentities { _ = try? store.removeIdentity(for: key) }
                }
                rollback()
                throw error
            }
        }
        return prepared.map { entry in
            let profile = entry.item.profile
            let replaced = replacedIDs[profile.id] ?? []
            let hasIdentity = entry.item.identity?.passphrase != nil
            return Entry(
                id: profile.id.description, name: profile.name,
                network: profile.ssid.map { "SSID \($0.displayText)" } ?? "wired",
                method: profile.eap.outer.displayName + (profile.eap.inner.map { "/" + $0.displayName } ?? ""),
                status: entry.unchanged ? "unchanged" : (entry.previous.isEmpty ? "created" : "replaced"),
                replaced: replaced.filter { $0 != profile.id }.map(\.description),
                storedPassword: entry.item.password != nil, storedIdentity: hasIdentity,
                needsIdentity: profile.eap.outer == .tls && !hasIdentity)
        }
    }
}
