import CredentialStore
import Foundation
import Orchestration
import Secrets
import SupplicantClient

/// The concrete ``CredentialProviding``: the encrypted credential store, opened once per command.
struct StoreCredentialProvider: CredentialProviding {
    /// nil when no store exists yet (every lookup then finds nothing).
    let store: CredentialStore?

    func password(profileID: UUID, ssid: [UInt8]?) throws -> StoredPassword? {
        guard let store, let (key, item) = try store.lookupPassword(profileID: profileID, ssid: ssid) else { return nil }
        return StoredPassword(username: item.username, password: item.password, key: key.description)
    }

    func identity(profileID: UUID, ssid: [UInt8]?) throws -> StoredIdentity? {
        guard let store, let (key, item) = try store.lookupIdentity(profileID: profileID, ssid: ssid) else { return nil }
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
