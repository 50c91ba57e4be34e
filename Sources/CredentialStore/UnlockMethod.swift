public import Secrets

/// How the store's master key is obtained.
public enum UnlockMethod: Sendable {
    /// A random 256-bit key kept in a file (mode 0600). With `createIfMissing`, a missing key file is created
    /// when (and only when) the store itself is being created.
    case keyFile(String, createIfMissing: Bool)
    /// A passphrase the key is derived from with scrypt.
    case passphrase(SecretBytes)

    /// The mode a store unlocked this way is in.
    public var mode: StoreMode {
        switch self {
        case .keyFile: .keyFile
        case .passphrase: .passphrase
        }
    }
}

/// How a store is protected.
public enum StoreMode: String, Sendable, Hashable, Codable {
    /// By a random key in a key file.
    case keyFile = "key-file"
    /// By a key derived from a passphrase.
    case passphrase

    var byte: UInt8 {
        switch self {
        case .keyFile: 1
        case .passphrase: 2
        }
    }

    init?(byte: UInt8) {
        switch byte {
        case 1: self = .keyFile
        case 2: self = .passphrase
        default: return nil
        }
    }
}
