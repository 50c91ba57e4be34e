import Crypto
import CryptoExtras
import Foundation
import Secrets
import StateFiles
import StructuredErrors

/// The master key and the subkeys derived from it with HKDF-SHA256.
struct StoreKeys: Sendable {
    /// Seals item parts (AES-256-GCM).
    let encryption: SymmetricKey
    /// Authenticates the whole file (HMAC-SHA256).
    let fileMAC: SymmetricKey
    /// Computes the key-check value (HMAC-SHA256).
    let check: SymmetricKey
    /// Names the master key without revealing it: the first 16 bytes of HMAC-SHA256(master, "eapolctl key id").
    /// Recorded in the header (format 2), shown by `store status`, and compared to tell "this key belongs to
    /// another store" from a damaged header.
    let keyID: [UInt8]

    static let keyCheckMessage = Array("eapolctl credential store key check".utf8)
    static let keyIDMessage = Array("eapolctl key id".utf8)

    init(master: SymmetricKey) {
        keyID = Array(HMAC<SHA256>.authenticationCode(for: Self.keyIDMessage, using: master).prefix(StoreFormat.keyIDSize))
        func sub(_ label: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: master, salt: [UInt8](), info: Array("eapolctl-store-v1 \(label)".utf8),
                                   outputByteCount: 32)
        }
        encryption = sub("item-encryption")
        fileMAC = sub("file-mac")
        check = sub("key-check")
    }

    /// The 32-byte key-check value stored in the header.
    func keyCheck() -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Self.keyCheckMessage, using: check))
    }

    /// Whether `value` is this key's key-check value (constant time).
    func matchesKeyCheck(_ value: [UInt8]) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(value, authenticating: Self.keyCheckMessage, using: check)
    }

    /// The whole-file MAC over `bytes[0..<end]`.
    func mac(_ bytes: [UInt8], upTo end: Int) -> [UInt8] {
        bytes.withUnsafeBytes { Array(HMAC<SHA256>.authenticationCode(for: UnsafeRawBufferPointer(rebasing: $0[0..<end]), using: fileMAC)) }
    }

    /// Whether the last 32 bytes of `bytes` authenticate everything before them (constant time).
    func verifyMAC(_ bytes: [UInt8]) -> Bool {
        let end = bytes.count - StoreFormat.macSize
        return bytes.withUnsafeBytes { raw in
            HMAC<SHA256>.isValidAuthenticationCode(
                UnsafeRawBufferPointer(rebasing: raw[end...]), authenticating: UnsafeRawBufferPointer(rebasing: raw[0..<end]),
                using: fileMAC)
        }
    }

    /// The key ID as lowercase hex (32 characters).
    var keyIDHex: String { Self.hex(keyID) }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xf)]] })
    }

    /// Seals `plaintext` with a fresh random nonce: nonce (12) ‖ ciphertext ‖ tag (16).
    func seal(_ plaintext: [UInt8], aad: [UInt8]) throws -> [UInt8] {
        let box = try AES.GCM.seal(plaintext, using: encryption, nonce: AES.GCM.Nonce(), authenticating: aad)
        return Array(box.combined!)
    }

    /// Opens a sealed part; nil when authentication fails.
    func open(_ sealed: ArraySlice<UInt8>, aad: [UInt8]) -> Data? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed) else { return nil }
        return try? AES.GCM.open(box, using: encryption, authenticating: aad)
    }
}

/// Reading, creating and deriving master keys.
enum MasterKey {
    static let keyFileMagic = Array("EAPOLCK1".utf8)
    static let keyFileSize = 40

    /// Reads a key file: "EAPOLCK1" followed by 32 key bytes, mode 0600.
    static func read(keyFile path: String) throws -> SymmetricKey {
        if let problem = try SecureDirectory.permissionProblem(at: path) { throw insecure(problem) }
        guard var bytes = try PosixIO.readFileIfPresent(path) else {
            throw StoreError(.keyFileMissing, "key file \(path) does not exist", details: ["path": .string(path)])
        }
        defer { bytes.zeroize() }
        guard bytes.count == keyFileSize, bytes[0..<8].elementsEqual(keyFileMagic) else {
            throw StoreError(.keyFileInvalid, "key file \(path) is not an eapolctl store key (expected \(keyFileSize) bytes starting with EAPOLCK1)",
                             details: ["path": .string(path), "size": .int(bytes.count)])
        }
        return SymmetricKey(data: bytes[8..<40])
    }

    /// Creates a new random key and writes it atomically to `path` (mode 0600, directory 0700 if created).
    static func create(keyFile path: String) throws -> SymmetricKey {
        let key = SymmetricKey(size: .bits256)
        try SecureDirectory.ensure(StatePaths.parent(of: path))
        var bytes = keyFileMagic
        key.withUnsafeBytes { bytes.append(contentsOf: $0) }
        defer { bytes.zeroize() }
        try AtomicFile.write(bytes, to: path, mode: 0o600)
        return key
    }

    /// Derives the master key from a passphrase with scrypt.
    static func derive(passphrase: SecretBytes, salt: [UInt8], parameters: ScryptParameters) throws -> SymmetricKey {
        try parameters.validate()
        guard !passphrase.isEmpty else {
            throw StoreError(.invalidInput, "the passphrase is empty", details: ["field": "passphrase"])
        }
        return try passphrase.withUnsafeBytes { raw in
            do {
                return try KDF.Scrypt.deriveKey(
                    from: raw, salt: salt, outputByteCount: 32, rounds: 1 << Int(parameters.log2N),
                    blockSize: Int(parameters.r), parallelism: Int(parameters.p))
            } catch {
                throw SystemError(.ioFailure, "scrypt key derivation (\(parameters)) failed: not enough memory?",
                                  details: ["memoryBytes": .int(parameters.memoryBytes)])
            }
        }
    }

    static func insecure(_ problem: SecureDirectory.PermissionProblem) -> StoreError {
        StoreError(.insecurePermissions, "\(problem.isDirectory ? "directory" : "file") \(problem.path) has mode \(problem.octalMode), which lets other users access it",
                   hint: "Run `\(problem.fix)`.",
                   details: ["path": .string(problem.path), "mode": .string(problem.octalMode), "fix": .string(problem.fix)])
    }
}
