import Foundation
import ProfileModel
import Secrets
import SupplicantClient

/// EAP-FAST's PAC around ``Authenticator/authenticate(profile:options:progress:)``: the stored PAC goes into the spec,
/// the PAC wpa_supplicant holds after an attempt is read back and stored when it changed, and an attempt that ended
/// in failure after provisioning a PAC is run again with it.
extension Authenticator {
    /// The profile's stored PAC, when it is an EAP-FAST profile that uses one and a PAC store is set.
    func storedPAC(for profile: Profile) async throws -> SecretBytes? {
        guard profile.eap.outer == .fast, profile.eap.fast?.usePAC ?? true, let pacs else { return nil }
        return try await pacs.pac(profileID: profile.id.uuid)
    }

    /// Stores the PAC read back after an attempt when it differs from the one sent (event `fast-pac-stored`). A
    /// PAC that cannot be stored is a warning, not a failure: the port's outcome stands, this run's retry still uses
    /// the new PAC, and the next run provisions again.
    /// - Returns: what became of the PAC (nil when none was sent and none came back).
    func keep(pac readBack: SecretBytes?, sent: SecretBytes?, profile: Profile,
              emit: (AuthenticationUpdate.Kind) -> Void) async -> PACUse? {
        guard let readBack, !readBack.isEmpty else { return sent == nil ? nil : .used }
        if let sent, sent == readBack { return .used }
        let use: PACUse = sent == nil ? .provisioned : .refreshed
        do {
            try await pacs?.storePAC(readBack, profileID: profile.id.uuid)
            emit(.fastPAC(.stored(use)))
        } catch {
            emit(.warning("the PAC wpa_supplicant \(use == .provisioned ? "provisioned" : "refreshed") for profile "
                          + "\(profile.name) could not be stored (\(EventError(error).message)); the next run provisions again"))
        }
        return use
    }

    /// Whether a failed attempt should be repeated with the PAC it provisioned: once per run, only when the attempt
    /// produced a new PAC (server-unauthenticated provisioning ends in EAP-Failure by design; a server may end
    /// authenticated provisioning the same way).
    static func retriesWithNewPAC(use: PACUse?, alreadyRetried: Bool) -> Bool {
        guard !alreadyRetried, let use else { return false }
        return use == .provisioned || use == .refreshed
    }
}
