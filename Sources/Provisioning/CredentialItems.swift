public import CredentialStore
import Foundation
public import ProfileModel
public import ProfileStore
public import Secrets
import StructuredErrors

/// The password and identity items a user names by profile, SSID or default (`password …`, `identity …` and their
/// eapolcfg forms): each operation resolves the item's key against the profiles, then reads or writes the store.
public struct CredentialItems {
    public let profiles: ProfileRepository
    private let openStore: (_ creatingIfMissing: Bool) throws -> CredentialStore

    /// - Parameter openStore: unlocks the store; `creatingIfMissing` for the operations that write an item.
    public init(profiles: ProfileRepository, openStore: @escaping (_ creatingIfMissing: Bool) throws -> CredentialStore) {
        self.profiles = profiles
        self.openStore = openStore
    }

    /// The store key `target` names; a profile reference must name an existing profile unless it is a bare UUID.
    public func key(for target: ProfileTarget) throws -> CredentialKey {
        try Self.key(for: target, in: profiles)
    }

    /// The store key `target` names, resolved against `profiles`.
    public static func key(for target: ProfileTarget, in profiles: ProfileRepository) throws -> CredentialKey {
        try target.checkNamesOneItem()
        if let profile = target.profile {
            if let id = ProfileID(string: profile) { return .profile(id.uuid) }
            return .profile(try profiles.resolve(profile).id.uuid)
        }
        if let ssid = target.ssid { return .ssid(try SSID(parsing: ssid).bytes) }
        // A Passpoint profile has no SSID: its items are the profile's own.
        if let domain = target.domain { return .profile(try profiles.find(passpointDomain: domain).id.uuid) }
        return .default
    }

    /// The key of a password item that may be stored: refused when the profile it belongs to uses one-time
    /// passwords, for which nothing is ever stored.
    @discardableResult
    public func refuseOneTimePasswordProfile(_ target: ProfileTarget) throws -> CredentialKey {
        let key = try key(for: target)
        if let profile = try profile(of: key), profile.eap.oneTimePassword {
            throw UsageError(.invalidArgument,
                             "profile '\(profile.name)' uses one-time passwords: no password is stored for it",
                             hint: "Give the password when authenticating (`eapolctl auth start --interface IF --profile \(profile.id) "
                                 + "--password-stdin`, or type it when asked), or stop using one-time passwords: "
                                 + "`eapolctl profile edit \(profile.id) --no-one-time-password`.",
                             details: ["profile": .string(profile.id.description), "oneTimePassword": .bool(true)])
        }
        return key
    }

    /// Stores a password; without `username`, the existing item's user name serves, else the profile's own.
    /// - Returns: the item's key and the user name stored.
    public func setPassword(_ target: ProfileTarget, username: String?, password: SecretBytes) throws
        -> (key: CredentialKey, username: String) {
        let key = try refuseOneTimePasswordProfile(target)
        let store = try openStore(true)
        let name = try username ?? store.password(for: key)?.username ?? profile(of: key)?.eap.username
        guard let name, !name.isEmpty else {
            throw UsageError(.missingArgument, "no user name for the password item of \(key)",
                             hint: "Pass --username (eapolcfg: --name).")
        }
        try store.setPassword(PasswordItem(username: name, password: password), for: key)
        return (key, name)
    }

    public func password(_ target: ProfileTarget) throws -> (key: CredentialKey, item: PasswordItem) {
        let key = try key(for: target)
        guard let item = try openStore(false).password(for: key) else {
            throw StoreError(.itemNotFound, "no password item for \(key)",
                             hint: "List the items with `eapolctl password list`; store one with "
                                 + "`eapolctl password set --profile PROFILE` (or --ssid SSID, --default; eapolcfg: setPasswordItem).")
        }
        return (key, item)
    }

    public func passwordKeys() throws -> [(key: CredentialKey, username: String)] {
        try openStore(false).listPasswordKeys()
    }

    /// Removes a password item and the EAP-FAST PAC kept under the same key, in one locked write.
    /// - Returns: the key, and whether a password item and a PAC were there.
    public func removePassword(_ target: ProfileTarget) throws -> (key: CredentialKey, removedItem: Bool, removedPAC: Bool) {
        let key = try key(for: target)
        let undo = try openStore(false).apply([.removePassword(key), .removePAC(key)])
        guard !undo.replacedItems.isEmpty || !undo.removedPACs.isEmpty else {
            throw StoreError(.itemNotFound, "no password item for \(key)",
                             hint: "List the stored items with `eapolctl password list`.",
                             details: ["key": .string("\(key)")])
        }
        return (key, !undo.replacedItems.isEmpty, !undo.removedPACs.isEmpty)
    }

    public func setIdentity(_ target: ProfileTarget, identity: IdentityItem) throws -> CredentialKey {
        let key = try key(for: target)
        try openStore(true).setIdentity(identity, for: key)
        return key
    }

    public func identity(_ target: ProfileTarget) throws -> (key: CredentialKey, identity: IdentityItem) {
        let key = try key(for: target)
        guard let identity = try openStore(false).identity(for: key) else {
            throw StoreError(.itemNotFound, "no identity for \(key)",
                             hint: "Store one with `eapolctl identity set --profile PROFILE --pkcs12 FILE` "
                                 + "(or --ssid SSID, --default; eapolcfg: setIdentity).")
        }
        return (key, identity)
    }

    public func clearIdentity(_ target: ProfileTarget) throws -> CredentialKey {
        let key = try key(for: target)
        guard try openStore(false).removeIdentity(for: key) else {
            throw StoreError(.itemNotFound, "no identity for \(key)",
                             hint: "Store one with `eapolctl identity set --profile PROFILE --pkcs12 FILE`.",
                             details: ["key": .string("\(key)")])
        }
        return key
    }

    /// The profile an item's key belongs to (none for the default item, or an SSID no profile is bound to).
    private func profile(of key: CredentialKey) throws -> Profile? {
        switch key {
        case .profile(let id): try profiles.load(ProfileID(id))
        case .ssid(let bytes): try profiles.find(ssid: SSID(bytes: bytes))
        case .default: nil
        }
    }
}
