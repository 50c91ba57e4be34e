/// What `store status` reports: nothing secret.
public struct StoreStatus: Sendable, Hashable, Codable {
    /// How the store is protected.
    public var mode: StoreMode
    /// The format version of the store file.
    public var formatVersion: Int
    /// The newest format version this build reads.
    public var supportedFormatVersion: Int
    /// The number of password items.
    public var passwordCount: Int
    /// The number of identity items.
    public var identityCount: Int
    /// The number of EAP-FAST PACs.
    public var pacCount: Int = 0
    /// The store file.
    public var storeFile: String
    /// The state directory.
    public var stateDirectory: String
    /// The key file, in key-file mode.
    public var keyFile: String?
    /// The scrypt parameters, in passphrase mode.
    public var scrypt: ScryptParameters?
    /// The size of the store file in bytes.
    public var fileSize: Int
    /// The ID of the key that unlocks the store (32 hex digits, derived from the key, revealing nothing of it).
    /// Format 2 files record it in their header; a format 1 file gets it on its next change.
    public var keyID: String
}
