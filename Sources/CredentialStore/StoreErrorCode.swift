public import StructuredErrors

/// Failures of the encrypted credential store (exit status 67).
public typealias StoreError = DomainError<StoreErrorCode>

/// The stable codes of the store domain (401…).
public struct StoreErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case notInitialized = 401
        case alreadyInitialized = 402
        case wrongKey = 403
        case passphraseRequired = 404
        case keyFileMissing = 405
        case keyFileInvalid = 406
        case tampered = 407
        case truncated = 408
        case badMagic = 409
        case newerFormat = 410
        case insecurePermissions = 411
        case lockTimeout = 412
        case itemNotFound = 413
        case invalidInput = 414
        case keyFileInUse = 415
        case foreignKey = 416
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    public static let notInitialized = Self(.notInitialized)
    public static let alreadyInitialized = Self(.alreadyInitialized)
    public static let wrongKey = Self(.wrongKey)
    public static let passphraseRequired = Self(.passphraseRequired)
    public static let keyFileMissing = Self(.keyFileMissing)
    public static let keyFileInvalid = Self(.keyFileInvalid)
    public static let tampered = Self(.tampered)
    public static let truncated = Self(.truncated)
    public static let badMagic = Self(.badMagic)
    public static let newerFormat = Self(.newerFormat)
    public static let insecurePermissions = Self(.insecurePermissions)
    public static let lockTimeout = Self(.lockTimeout)
    public static let itemNotFound = Self(.itemNotFound)
    public static let invalidInput = Self(.invalidInput)
    public static let keyFileInUse = Self(.keyFileInUse)
    public static let foreignKey = Self(.foreignKey)

    public static let domain = ErrorDomain.store
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .notInitialized:
            info("not-initialized", "The credential store does not exist yet.",
                 "Run `eapolctl store init`, or check --state-dir / EAPOLCTL_STATE_DIR.")
        case .alreadyInitialized:
            info("already-initialized", "A credential store already exists at that location.",
                 "Use the existing store, or `eapolctl store rekey` to change how it is unlocked.")
        case .wrongKey:
            info("wrong-key", "The key file or passphrase does not unlock this store.",
                 "Give the key file or passphrase the store was created (or last rekeyed) with.")
        case .passphraseRequired:
            info("passphrase-required", "The store is protected by a passphrase, and none was given.",
                 "Give the passphrase (on standard input or a terminal), or rekey the store to key-file mode.")
        case .keyFileMissing:
            info("key-file-missing", "The key file that unlocks the store does not exist.",
                 "Restore the key file from backup, or check --key-file / EAPOLCTL_KEY_FILE.")
        case .keyFileInvalid:
            info("key-file-invalid", "The key file exists but is not an eapolctl store key.",
                 "Restore the right key file from backup, or check --key-file / EAPOLCTL_KEY_FILE.")
        case .tampered:
            info("tampered", "The store failed its integrity check: the file was modified outside eapolctl or is corrupted.",
                 "Restore the store file from backup; do not edit it by hand.")
        case .truncated:
            info("truncated", "The store file is shorter than its header says: it was cut off.",
                 "Restore the store file from backup.")
        case .badMagic:
            info("bad-magic", "The file is not an eapolctl credential store.",
                 "Check --state-dir; move the foreign file away.")
        case .newerFormat:
            info("newer-format", "The store was written by a newer eapolctl in a format this version cannot read.",
                 "Upgrade eapolctl.")
        case .insecurePermissions:
            info("insecure-permissions", "A store file or directory can be accessed by other users.",
                 "Run the chmod command in the message.")
        case .lockTimeout:
            info("lock-timeout", "Another eapolctl process kept the store locked for too long.",
                 "Wait for the other eapolctl process to finish, then try again.")
        case .itemNotFound:
            info("item-not-found", "The store holds no item for that key.",
                 "List the password items with `eapolctl password list`; store one with "
                     + "`eapolctl password set --profile PROFILE` or `eapolctl identity set --profile PROFILE --pkcs12 FILE`.")
        case .invalidInput:
            info("invalid-input", "A value given to the store is not acceptable.",
                 "Correct the value named in the message.")
        case .keyFileInUse:
            info("key-file-in-use", "The key file already exists and may unlock another store; eapolctl does not share or replace it silently.",
                 "Give a key file that does not exist yet (--key-file or EAPOLCTL_KEY_FILE), or share this one knowingly with `eapolctl store init --reuse-key-file`.")
        case .foreignKey:
            info("foreign-key", "The key file holds a valid store key, but not the one this store records: it belongs to another store, or to this store before a rekey.",
                 "Give this store's key file (--key-file or EAPOLCTL_KEY_FILE); when a kept <key file>.old holds it, the message names it.")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}
