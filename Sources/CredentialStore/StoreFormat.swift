import Crypto
import Foundation
import Secrets

/// The binary layout of a store file (see Docs/store-format.md); all integers big-endian.
///
/// Version 2 (written since issue 10) appends the key ID to the version 1 header; records are unchanged. Version 1
/// files are read, and rewritten as version 2 by their next change. Version 3 has version 2's header and adds one
/// record type, the EAP-FAST PAC (``pacType``); it is written only while the file holds a PAC, so that a store
/// without one stays readable by builds that read version 2, and one with a PAC is refused by them as a newer format
/// (`newer-format`) instead of failing their integrity check on an unknown record type.
enum StoreFormat {
    static let magic: [UInt8] = Array("EAPOLCS1".utf8)
    /// The newest version this build reads (and writes while the file holds a PAC).
    static let version: UInt16 = 3
    /// The version written while the file holds no PAC record.
    static let versionWithoutPAC: UInt16 = 2
    /// The version whose header has no key ID.
    static let versionWithoutKeyID: UInt16 = 1
    /// The version in every record's associated data: the record format, unchanged since version 1, so records
    /// of a version 1 file are copied into a version 2 file as they are.
    static let recordVersion: UInt16 = 1
    /// The header size of the version this build writes.
    static let headerSize = 96
    static let version1HeaderSize = 80
    static let macSize = 32
    static let saltSize = 16
    static let keyIDSize = 16
    /// The smallest file of any version (a version 1 header and the MAC).
    static let minimumFileSize = version1HeaderSize + macSize

    /// The header size of a file of format `version`.
    static func headerSize(version: UInt16) -> Int { version == versionWithoutKeyID ? version1HeaderSize : headerSize }

    // Header field offsets.
    static let versionOffset = 8
    static let modeOffset = 10
    static let log2NOffset = 11
    static let rOffset = 12
    static let pOffset = 16
    static let saltOffset = 20
    static let lengthOffset = 36
    static let keyCheckOffset = 44
    static let countOffset = 76
    static let keyIDOffset = 80

    /// Record types.
    static let passwordType: UInt8 = 1
    static let identityType: UInt8 = 2
    /// An EAP-FAST PAC (format version 3 and later): key kind profile only, meta `[1]` (wpa_supplicant's PAC text
    /// format), secret the PAC file's bytes.
    static let pacType: UInt8 = 3
    /// Parts of a record, bound into the associated data.
    static let metaPart: UInt8 = 1
    static let secretPart: UInt8 = 2
}

/// The parsed, not yet authenticated, header of a store file.
struct StoreHeader: Sendable, Equatable {
    /// The format version (parsed files: as read; encoded: always ``StoreFormat/version``).
    var version: UInt16 = StoreFormat.version
    var mode: StoreMode
    var scrypt: ScryptParameters?
    var salt: [UInt8]
    var fileLength: UInt64
    var keyCheck: [UInt8]
    var recordCount: UInt32
    /// The ID of the key that encrypts the store (``StoreKeys/keyID``); nil in a version 1 file.
    var keyID: [UInt8]?

    /// Where the records start.
    var size: Int { StoreFormat.headerSize(version: version) }

    /// Parses and sanity-checks the header, in the order that gives the most precise error.
    static func parse(_ bytes: [UInt8], path: String) throws -> StoreHeader {
        let magic = StoreFormat.magic
        if bytes.count < magic.count {
            if bytes.elementsEqual(magic.prefix(bytes.count)) {
                throw StoreError(.truncated, "store file \(path) is \(bytes.count) bytes long, shorter than any store",
                                 details: ["path": .string(path), "size": .int(bytes.count)])
            }
            throw badMagic(path)
        }
        guard bytes[0..<magic.count].elementsEqual(magic) else { throw badMagic(path) }
        if bytes.count < StoreFormat.minimumFileSize {
            throw truncated(path, size: bytes.count, expected: StoreFormat.minimumFileSize)
        }
        let version = bytes.readU16(StoreFormat.versionOffset)
        if version > StoreFormat.version {
            throw StoreError(.newerFormat, "store file \(path) has format version \(version); this eapolctl reads up to version \(StoreFormat.version)",
                             details: ["path": .string(path), "version": .int(Int(version)), "supported": .int(Int(StoreFormat.version))])
        }
        if version == 0 { throw tampered(path, "format version 0 does not exist") }
        let headerSize = StoreFormat.headerSize(version: version)
        if bytes.count < headerSize + StoreFormat.macSize {
            throw truncated(path, size: bytes.count, expected: headerSize + StoreFormat.macSize)
        }
        let length = bytes.readU64(StoreFormat.lengthOffset)
        if UInt64(bytes.count) < length {
            throw truncated(path, size: bytes.count, expected: length > UInt64(Int.max) ? Int.max : Int(length))
        }
        if UInt64(bytes.count) > length { throw tampered(path, "data after the end recorded in the header") }
        guard let mode = StoreMode(byte: bytes[StoreFormat.modeOffset]) else { throw tampered(path, "unknown mode") }
        let log2N = bytes[StoreFormat.log2NOffset]
        let r = bytes.readU32(StoreFormat.rOffset)
        let p = bytes.readU32(StoreFormat.pOffset)
        let salt = Array(bytes[StoreFormat.saltOffset..<StoreFormat.saltOffset + StoreFormat.saltSize])
        var scrypt: ScryptParameters?
        switch mode {
        case .keyFile:
            guard log2N == 0, r == 0, p == 0, salt.allSatisfy({ $0 == 0 }) else {
                throw tampered(path, "key-file store with key-derivation parameters")
            }
        case .passphrase:
            let params = ScryptParameters(log2N: log2N, r: r, p: p)
            guard params.isValid else { throw tampered(path, "scrypt parameters out of range") }
            scrypt = params
        }
        return StoreHeader(
            version: version, mode: mode, scrypt: scrypt, salt: salt, fileLength: length,
            keyCheck: Array(bytes[StoreFormat.keyCheckOffset..<StoreFormat.keyCheckOffset + 32]),
            recordCount: bytes.readU32(StoreFormat.countOffset),
            keyID: version == StoreFormat.versionWithoutKeyID
                ? nil : Array(bytes[StoreFormat.keyIDOffset..<StoreFormat.keyIDOffset + StoreFormat.keyIDSize]))
    }

    /// The header bytes, in version 2's layout (the version word as set: 2, or 3 for a file holding a PAC), for a file of `fileLength` bytes holding `recordCount`
    /// records.
    func encoded() -> [UInt8] {
        precondition(keyID?.count == StoreFormat.keyIDSize, "a header is written with its key ID")
        precondition(version >= StoreFormat.versionWithoutPAC, "a header is written in version 2 or later")
        var out = StoreFormat.magic
        out.reserveCapacity(StoreFormat.headerSize)
        out.appendU16(version)
        out.append(mode.byte)
        out.append(scrypt?.log2N ?? 0)
        out.appendU32(scrypt?.r ?? 0)
        out.appendU32(scrypt?.p ?? 0)
        out.append(contentsOf: salt)
        out.appendU64(fileLength)
        out.append(contentsOf: keyCheck)
        out.appendU32(recordCount)
        out.append(contentsOf: keyID ?? [])
        precondition(out.count == StoreFormat.headerSize)
        return out
    }

    static func badMagic(_ path: String) -> StoreError {
        StoreError(.badMagic, "\(path) is not an eapolctl credential store (its first bytes are not EAPOLCS1)",
                   details: ["path": .string(path)])
    }

    static func truncated(_ path: String, size: Int, expected: Int) -> StoreError {
        StoreError(.truncated, "store file \(path) is \(size) bytes long but should be \(expected): it was cut off",
                   details: ["path": .string(path), "size": .int(size), "expected": .int(expected)])
    }

    static func tampered(_ path: String, _ what: String) -> StoreError {
        StoreError(.tampered, "store file \(path) failed its integrity check (\(what)): the file was modified outside eapolctl or is corrupted",
                   details: ["path": .string(path)])
    }
}

/// Where one record lies in a store file's bytes.
struct RecordRef: Sendable {
    var type: UInt8
    var kind: UInt8
    var range: Range<Int>
    var keyRange: Range<Int>
    var metaRange: Range<Int>
    var secretRange: Range<Int>

    /// Whether this record is the item `type` / `key` (compares bytes in place, no allocation).
    func matches(type: UInt8, kind: UInt8, key: [UInt8], in bytes: [UInt8]) -> Bool {
        self.type == type && self.kind == kind && keyRange.count == key.count
            && bytes[keyRange].elementsEqual(key)
    }

    /// Parses the records of an authenticated file.
    static func parseAll(_ bytes: [UInt8], header: StoreHeader, path: String) throws -> [RecordRef] {
        var records = [RecordRef]()
        // The count is the header's word (authenticated only by the MAC): reserve no more records than the bytes
        // can hold (each is at least 11 bytes), or a count of 4 billion asks for hundreds of gigabytes up front.
        records.reserveCapacity(min(Int(header.recordCount), max(0, bytes.count - header.size) / 11))
        var i = header.size
        let end = bytes.count - StoreFormat.macSize
        func need(_ n: Int) throws {
            if n < 0 || end - i < n { throw StoreHeader.tampered(path, "record runs past the end") }
        }
        /// A part of a record: a 4-byte length, then that many bytes.
        func lengthPrefixed() throws -> Range<Int> {
            try need(4)
            let length = Int(bytes.readU32(i))
            i += 4
            try need(length)
            defer { i += length }
            return i..<(i + length)
        }
        for _ in 0..<header.recordCount {
            let start = i
            try need(3)
            let type = bytes[i], kind = bytes[i + 1], keyLen = Int(bytes[i + 2])
            i += 3
            try need(keyLen)
            let keyRange = i..<(i + keyLen)
            i += keyLen
            let metaRange = try lengthPrefixed()
            let secretRange = try lengthPrefixed()
            let isItem = (type == StoreFormat.passwordType || type == StoreFormat.identityType)
                && CredentialKey(kind: kind, bytes: bytes[keyRange]) != nil
            // A PAC (format 3 on) is keyed by a profile ID only.
            let isPAC = type == StoreFormat.pacType && header.version >= StoreFormat.version && kind == 1 && keyLen == 16
            guard isItem || isPAC else { throw StoreHeader.tampered(path, "unknown record type or key") }
            records.append(RecordRef(type: type, kind: kind, range: start..<i, keyRange: keyRange,
                                     metaRange: metaRange, secretRange: secretRange))
        }
        if i != end { throw StoreHeader.tampered(path, "records do not fill the file") }
        return records
    }
}

/// Encodes one record: type, key, and the two sealed parts.
func encodeRecord(type: UInt8, key: CredentialKey, meta: [UInt8], secret: [UInt8]) -> [UInt8] {
    let keyBytes = key.keyBytes
    var out = [UInt8]()
    out.reserveCapacity(3 + keyBytes.count + 8 + meta.count + secret.count)
    out.append(type)
    out.append(key.kindByte)
    out.append(UInt8(keyBytes.count))
    out.append(contentsOf: keyBytes)
    out.appendU32(UInt32(meta.count))
    out.append(contentsOf: meta)
    out.appendU32(UInt32(secret.count))
    out.append(contentsOf: secret)
    return out
}

/// The associated data that binds a sealed part to its format, record type, key and part.
func associatedData(type: UInt8, kind: UInt8, key: some Collection<UInt8>, part: UInt8) -> [UInt8] {
    var aad = StoreFormat.magic
    aad.appendU16(StoreFormat.recordVersion)
    aad.append(type)
    aad.append(kind)
    aad.append(UInt8(key.count))
    aad.append(contentsOf: key)
    aad.append(part)
    return aad
}

extension Array where Element == UInt8 {
    func readU16(_ i: Int) -> UInt16 { UInt16(self[i]) << 8 | UInt16(self[i + 1]) }
    func readU32(_ i: Int) -> UInt32 {
        UInt32(self[i]) << 24 | UInt32(self[i + 1]) << 16 | UInt32(self[i + 2]) << 8 | UInt32(self[i + 3])
    }
    func readU64(_ i: Int) -> UInt64 { UInt64(readU32(i)) << 32 | UInt64(readU32(i + 4)) }
    mutating func appendU16(_ v: UInt16) { append(UInt8(v >> 8)); append(UInt8(v & 0xff)) }
    mutating func appendU32(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xff)); append(UInt8((v >> 8) & 0xff)); append(UInt8(v & 0xff))
    }
    mutating func appendU64(_ v: UInt64) { appendU32(UInt32(v >> 32)); appendU32(UInt32(v & 0xffff_ffff)) }
    /// Overwrites the bytes with zeros (for buffers that held plaintext).
    mutating func zeroize() {
        withUnsafeMutableBytes { SecretBytes.zero($0) }  // explicit_bzero: not removed as a dead store
    }
}
