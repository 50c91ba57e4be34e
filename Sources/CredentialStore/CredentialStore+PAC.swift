public import Foundation
public import Secrets
import StructuredErrors

/// EAP-FAST PACs (Protected Access Credentials): one per profile, the text wpa_supplicant writes into the PAC blob
/// after provisioning. A PAC is a credential (whoever holds it can open the tunnel as the user's machine), so it is
/// sealed like a password and lives only here, never in a profile file. Record type 3 (format version 3).
extension CredentialStore {
    /// The longest PAC accepted: wpa_supplicant's PAC files hold a few PACs of a few hundred bytes each.
    public static let maxPACLength = 64 * 1024

    /// The PAC of profile `profileID`, or nil.
    public func pac(for profileID: UUID) throws -> SecretBytes? {
        try withSnapshot { bytes, records in
            guard let r = find(StoreFormat.pacType, .profile(profileID), in: records, bytes) else { return nil }
            return try decryptPAC(r, bytes)
        }
    }

    /// Stores `pac` as the PAC of profile `profileID`, replacing any PAC there.
    /// - Throws: `StoreError` `invalid-input` for an empty PAC or one over ``maxPACLength`` bytes; the store's errors.
    public func setPAC(_ pac: SecretBytes, for profileID: UUID) throws {
        guard !pac.isEmpty, pac.count <= Self.maxPACLength else {
            throw StoreError(.invalidInput, "an EAP-FAST PAC must be 1 to \(Self.maxPACLength) bytes long, this one has \(pac.count)",
                             details: ["field": "pac", "length": .int(pac.count), "profile": .string(profileID.uuidString)])
        }
        var secret = pac.copyBytes()
        defer { secret.zeroize() }
        let record = try sealRecord(type: StoreFormat.pacType, key: .profile(profileID), meta: [1], secret: secret)
        try replace(StoreFormat.pacType, .profile(profileID), with: record)
    }
}
