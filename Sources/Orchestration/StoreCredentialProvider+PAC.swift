import CredentialStore
public import Foundation
public import Secrets
import StateFiles

/// The credential store keeps EAP-FAST PACs too (its PAC item, one per profile), off the cooperative pool.
extension StoreCredentialProvider: PACStoring {
    public func pac(profileID: UUID) async throws -> SecretBytes? {
        guard let store else { return nil }
        return try await BlockingWork.run { try store.pac(for: profileID) }
    }

    public func storePAC(_ pac: SecretBytes, profileID: UUID) async throws {
        guard let store else { return }
        try await BlockingWork.run { try store.setPAC(pac, for: profileID) }
    }
}
