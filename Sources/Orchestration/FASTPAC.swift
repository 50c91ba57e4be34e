public import Foundation
public import Secrets

/// Reads and stores EAP-FAST PACs (Protected Access Credentials); the live implementation is the encrypted credential
/// store's PAC item (one per profile). A PAC is a secret: it reaches wpa_supplicant only as a secret blob and is
/// never printed, logged or written to a profile file.
///
/// Asynchronous because the real store blocks (file lock, file I/O); a synchronous method satisfies it too (fakes).
public protocol PACStoring: Sendable {
    /// The profile's stored PAC, or nil.
    func pac(profileID: UUID) async throws -> SecretBytes?
    /// Stores `pac` as the profile's PAC, replacing the one stored before.
    func storePAC(_ pac: SecretBytes, profileID: UUID) async throws
}

/// What became of the EAP-FAST PAC in one `auth start` (the report's `pac`).
public enum PACUse: String, Sendable, Hashable, Encodable {
    /// The stored PAC was sent and came back unchanged.
    case used
    /// No PAC was stored (or none was sent): the server provisioned one, and it is stored now.
    case provisioned
    /// The server replaced the stored PAC (a refresh, or provisioning after the old PAC was refused); the new one is
    /// stored now.
    case refreshed
}

/// EAP-FAST progress of an authentication (``AuthenticationUpdate/Kind/fastPAC(_:)``).
public enum FASTPACEvent: Sendable, Equatable {
    /// A PAC read back from wpa_supplicant's PAC blob after an attempt differed from the one sent and was stored.
    case stored(PACUse)
    /// The attempt that provisioned the PAC ended in EAP-Failure (server-unauthenticated provisioning always does,
    /// RFC 5422 section 3.2.3): authenticating again with the new PAC. `quietPeriod` is true when the authenticator
    /// is expected to ignore EAPOL-Starts for a few seconds first.
    case retryWithNewPAC(quietPeriod: Bool)

    /// The event's stable kebab-case name.
    public var name: String {
        switch self {
        case .stored: "fast-pac-stored"
        case .retryWithNewPAC: "fast-pac-retry"
        }
    }
}
