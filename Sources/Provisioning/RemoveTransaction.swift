public import CredentialStore
public import ProfileModel
public import ProfileStore

/// Removes a profile with the password and identity items keyed by its ID and its SSID, and its EAP-FAST PAC, all or nothing
/// (`profile remove`, eapolcfg `removeProfile`).
///
/// The store is opened first; the profile file, its trust hint and its index entry go in one locked batch, the
/// items in one locked read–modify–write of the store. When the second step fails or the control throws, the
/// profile comes back byte for byte.
public enum RemoveTransaction {
    /// Removes `profile`.
    /// - Parameters:
    ///   - openStore: opens the credential store, or returns nil when there is none (then only the profile goes).
    /// - Returns: what was removed from the store, e.g. `password item (profile 0B1F…)`.
    public static func remove(_ profile: Profile, profiles: ProfileRepository, openStore: () throws -> CredentialStore?,
                              control: any TransactionControl = UninterruptedTransaction()) throws -> [String] {
        var rollback = TransactionRollback(profiles: profiles)
        rollback.store = try openStore()
        var keys: [CredentialKey] = [.profile(profile.id.uuid)]
        if let ssid = profile.ssid { keys.append(.ssid(ssid.bytes)) }
        var removed: [String] = []
        do {
            try control.checkpoint(.start)
            rollback.profileUndo = try profiles.apply(saving: [], removing: [profile.id], replace: false).undo
            try control.checkpoint(.profilesWritten)
            if let store = rollback.store {
                let undo = try store.apply(keys.flatMap { key -> [CredentialChange] in [.removePassword(key), .removeIdentity(key)] }
                                           + [.removePAC(.profile(profile.id.uuid))])
                rollback.secretUndo = undo
                removed = undo.replacedItems.map { $0.isIdentity ? "identity (\($0.key))" : "password item (\($0.key))" }
                    + undo.removedPACs.map { "EAP-FAST PAC (\($0))" }
            }
            try control.checkpoint(.secretsWritten)
        } catch {
            throw rollback.rollBack(after: error)
        }
        return removed
    }
}
