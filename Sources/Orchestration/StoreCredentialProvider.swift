public import CredentialStore
public import Foundation
import Secrets
import StateFiles
import SupplicantClient

/// The concrete ``CredentialProviding``: the encrypted credential store, opened once per command. Lookups take the
/// store's file lock and read the file, so they run off the cooperative pool (``BlockingWork``).
public struct StoreCredentialProvider: CredentialProviding {
    /// nil when no store exists yet (every lookup then finds nothing).
    public let store: CredentialStore?

    public init(store: CredentialStore?) { self.store = store }

    public func password(profileID: UUID, ssid: [UInt8]?) async throws -> StoredPassword? {
        guard let store else { return nil }
        return try await BlockingWork.run {
            guard let (key, item) = try store.lookupPassword(profileID: profileID, ssid: ssid) else { return nil }
            return StoredPassword(username: item.username, password: item.password, key: key.description)
        }
    }

    public func identity(profileID: UUID, ssid: [UInt8]?) async throws -> StoredIdentity? {
        guard let store else { return nil }
        return try await BlockingWork.run { try Self.identity(in: store, profileID: profileID, ssid: ssid) }
    }

    private static func identity(in store: CredentialStore, profileID: UUID, ssid: [UInt8]?) throws -> StoredIdentity? {
        guard let (key, item) = try store.lookupIdentity(profileID: profileID, ssid: ssid) else { return nil }
        switch item {
        case .pkcs12(let bundle, let passphrase):
            return StoredIdentity(identity: .pkcs12(bundle, passphrase: passphrase.isEmpty ? nil : passphrase),
                                  key: key.description)
        case .pem(let certificate, let privateKey, let keyPassphrase):
            return StoredIdentity(identity: .pem(certificate: Array(certificate.utf8), key: privateKey,
                                                 passphrase: keyPassphrase), key: key.description)
        }
    }
}
