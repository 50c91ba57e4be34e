public import CredentialStore
public import Foundation
public import ProfileModel
public import ProfileStore

/// Changes a stored profile in place (`profile edit`), keeping its ID and the secrets it uses, all or nothing.
///
/// The edit is applied and validated first (``Profile/applying(_:now:)``): a refused edit writes nothing. The profile
/// is then replaced under the profile lock (``ProfileRepository/update(_:from:)``: never over a concurrent edit,
/// never taking another profile's SSID). Items keyed by the profile's ID need nothing. When the SSID changes or the
/// profile turns wired, a password or identity item the profile used through its old SSID moves with it: to the new
/// SSID's key when that is free, else to the profile's ID (which the lookup tries first), so the same item is found
/// afterwards. A failure after the profile was written puts it back byte for byte.
public enum EditTransaction {
    /// What an edit did.
    public struct Result: Sendable {
        /// The profile as stored now (the old one when nothing changed).
        public let profile: Profile
        /// The fields that changed (empty: nothing was written).
        public let changes: [ProfileChange]
        /// The items moved to another key, e.g. `password item: SSID "old" -> SSID "new"`.
        public let movedSecrets: [String]
    }

    /// Runs the edit.
    /// - Parameters:
    ///   - profile: the profile as loaded, which the edit starts from.
    ///   - openStore: opens the credential store, or returns nil when there is none; called only when the SSID
    ///     changes, before anything is written (a wrong passphrase changes nothing).
    public static func commit(_ edit: ProfileEdit, to profile: Profile, profiles: ProfileRepository,
                              openStore: () throws -> CredentialStore?, now: Date = Date(),
                              control: any TransactionControl = UninterruptedTransaction()) throws -> Result {
        let edited = try profile.applying(edit, now: now)
        let changes = ProfileChange.changes(from: profile, to: edited)
        guard !changes.isEmpty else { return Result(profile: profile, changes: [], movedSecrets: []) }
        var rollback = TransactionRollback(profiles: profiles)
        var moves: [CredentialChange] = []
        var moved: [String] = []
        if let oldSSID = profile.ssid, edited.ssid != oldSSID, let store = try openStore() {
            rollback.store = store
            (moves, moved) = try secretMoves(in: store, id: profile.id, from: oldSSID, to: edited.ssid)
        }
        do {
            try control.checkpoint(.start)
            rollback.profileUndo = try profiles.update(edited, from: profile)
            try control.checkpoint(.profilesWritten)
            if let store = rollback.store, !moves.isEmpty {
                rollback.secretUndo = try store.apply(moves)
            }
            try control.checkpoint(.secretsWritten)
        } catch {
            throw rollback.rollBack(after: error)
        }
        return Result(profile: edited, changes: changes, movedSecrets: moved)
    }

    /// The store changes that keep the items the profile found through `oldSSID` attached to it.
    static func secretMoves(in store: CredentialStore, id: ProfileID, from oldSSID: SSID, to newSSID: SSID?) throws
        -> (changes: [CredentialChange], descriptions: [String]) {
        let oldKey = CredentialKey.ssid(oldSSID.bytes)
        let newKey = newSSID.map { CredentialKey.ssid($0.bytes) }
        var changes: [CredentialChange] = []
        var descriptions: [String] = []
        func target(free: (CredentialKey) throws -> Bool) throws -> CredentialKey {
            if let newKey, try free(newKey) { return newKey }
            return .profile(id.uuid)
        }
        if let (key, item) = try store.lookupPassword(profileID: id.uuid, ssid: oldSSID.bytes), key == oldKey {
            let to = try target { try store.lookupPassword(profileID: nil, ssid: newSSID?.bytes)?.key != $0 }
            changes += [.removePassword(oldKey), .setPassword(item, for: to)]
            descriptions.append("password item: \(oldKey) -> \(to)")
        }
        if let (key, item) = try store.lookupIdentity(profileID: id.uuid, ssid: oldSSID.bytes), key == oldKey {
            let to = try target { try store.lookupIdentity(profileID: nil, ssid: newSSID?.bytes)?.key != $0 }
            changes += [.removeIdentity(oldKey), .setIdentity(item, for: to)]
            descriptions.append("identity: \(oldKey) -> \(to)")
        }
        return (changes, descriptions)
    }
}
