public import Foundation
public import Secrets
public import SupplicantClient

/// A stored username and password, with the store key it came from (for messages).
public struct StoredPassword: Sendable {
    public var username: String
    public var password: SecretBytes
    /// The store key that matched, e.g. `profile 6A1F…` or `default`.
    public var key: String

    public init(username: String, password: SecretBytes, key: String) {
        self.username = username
        self.password = password
        self.key = key
    }
}

/// A stored client identity (EAP-TLS), with the store key it came from.
public struct StoredIdentity: Sendable {
    public var identity: NetworkSpec.ClientIdentity
    public var key: String

    public init(identity: NetworkSpec.ClientIdentity, key: String) {
        self.identity = identity
        self.key = key
    }
}

/// Looks credentials up in eapolcfg's order: the profile's item, then the SSID's, then the default item.
///
/// Asynchronous because the real store blocks (file lock, file I/O): its implementation runs off Swift's
/// cooperative pool. A synchronous method satisfies these requirements too (test fakes).
public protocol CredentialProviding: Sendable {
    func password(profileID: UUID, ssid: [UInt8]?) async throws -> StoredPassword?
    func identity(profileID: UUID, ssid: [UInt8]?) async throws -> StoredIdentity?
}
