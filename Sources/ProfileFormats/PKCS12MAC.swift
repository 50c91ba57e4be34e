import Crypto
import Foundation
import ProfileModel
public import Secrets
import StructuredErrors
import SwiftASN1

/// Checks a PKCS#12 bundle's passphrase by verifying its integrity MAC (RFC 7292 §4 and appendix B), in Swift.
///
/// The PFX is parsed with SwiftASN1: `PFX ::= SEQUENCE { version 3, authSafe ContentInfo (id-data, [0] OCTET
/// STRING), macData SEQUENCE { DigestInfo, macSalt, iterations } }`. The MAC key comes from the appendix B KDF
/// (ID 3, the passphrase as a NUL-terminated BMPString) and the MAC is HMAC over the authSafe content octets.
/// SHA-1, SHA-256, SHA-384 and SHA-512 MACs are supported; PBMAC1 (RFC 9579) and bundles without a MAC are
/// refused as `pkcs12-malformed`.
///
/// The cost is bounded: the iteration count is read and checked against ``maximumIterations`` before any key
/// derivation runs (`pkcs12-too-many-iterations`), and each (bundle, passphrase) pair is derived at most once per
/// process (``PKCS12MACCache``), so several payloads naming one bundle, or a second check of the same passphrase,
/// cost nothing more.
public enum PKCS12MAC {
    /// The most MAC iterations accepted. OpenSSL writes 2,048; 2,000,000 is about 2 s of CPU in a debug build, and
    /// a hostile file could otherwise ask for billions (an import that never ends).
    public static let maximumIterations = 2_000_000

    /// Verifies that `passphrase` opens `bundle`.
    /// - Parameters:
    ///   - bundle: the DER (or BER) PKCS#12 bytes.
    ///   - passphrase: the passphrase (UTF-8).
    ///   - source: what the bundle came from, named in errors.
    ///   - cache: remembers pairs already derived (``PKCS12MACCache/current`` by default).
    /// - Throws: ``ImportError`` `pkcs12-malformed`, `pkcs12-too-many-iterations` or `pkcs12-wrong-passphrase`.
    public static func verify(bundle: SecretBytes, passphrase: SecretBytes, source: String,
                              cache: PKCS12MACCache = .current) throws {
        let parsed = try bundle.withUnsafeBytes { try parse(Array($0), source: source) }
        let ok = try cache.result(bundle: bundle, passphrase: passphrase) {
            try compute(parsed, passphrase: passphrase, source: source)
        }
        guard ok else {
            throw ImportError(.pkcs12WrongPassphrase, "\(source): the PKCS#12 bundle does not open with the given passphrase (its MAC does not verify)",
                              details: ["source": .string(source)])
        }
    }

    /// Derives the MAC key (the costly part: `iterations` hashes) and compares the MAC.
    static func compute(_ parsed: Parsed, passphrase: SecretBytes, source: String) throws -> Bool {
        let password = try passphrase.withUnsafeBytes { raw -> [UInt8] in
            guard let text = String(validating: Array(raw), as: UTF8.self) else {
                throw ImportError(.pkcs12WrongPassphrase, "\(source): the passphrase is not valid UTF-8",
                                  details: ["source": .string(source)])
            }
            return bmpString(text)
        }
        let ok: Bool
        switch parsed.digest {
        case .sha1: ok = check(Insecure.SHA1.self, parsed, password)
        case .sha256: ok = check(SHA256.self, parsed, password)
        case .sha384: ok = check(SHA384.self, parsed, password)
        case .sha512: ok = check(SHA512.self, parsed, password)
        }
        return ok
    }

    enum Digest { case sha1, sha256, sha384, sha512 }

    struct Parsed {
        var digest: Digest
        var mac: [UInt8]
        var salt: [UInt8]
        var iterations: Int
        var content: [UInt8]
    }

    static func parse(_ bytes: [UInt8], source: String) throws -> Parsed {
        func malformed(_ why: String) -> ImportError {
            ImportError(.pkcs12Malformed, "\(source): not a usable PKCS#12 bundle: \(why)", details: ["source": .string(source)])
        }
        func tooMany(_ count: String) -> ImportError {
            ImportError(.pkcs12TooManyIterations,
                        "\(source): the PKCS#12 MAC asks for \(count) iterations; at most \(grouped(maximumIterations)) are accepted (refused before any was computed)",
                        details: ["source": .string(source), "limit": .int(maximumIterations)])
        }
        let root: ASN1Node
        do { root = try BER.parse(bytes) } catch { throw malformed("not DER/BER (\(error))") }
        do {
            return try BER.sequence(root, identifier: .sequence) { nodes in
                let version = try Int(berEncoded: &nodes)
                guard version == 3 else { throw malformed("version \(version), expected 3") }
                guard let authSafe = nodes.next() else { throw malformed("no authSafe") }
                let content = try BER.sequence(authSafe, identifier: .sequence) { inner -> [UInt8] in
                    let type = try ASN1ObjectIdentifier(berEncoded: &inner)
                    guard type == [1, 2, 840, 113549, 1, 7, 1] else {
                        throw malformed("authSafe content type \(type) is not id-data (public-key integrity mode is not supported)")
                    }
                    guard let explicit = inner.next() else { throw malformed("authSafe has no content") }
                    let octets = try BER.explicitlyTagged(explicit, tagNumber: 0, tagClass: .contextSpecific) { node in
                        try ASN1OctetString(berEncoded: node)
                    }
                    return Array(octets.bytes)
                }
                guard let macData = nodes.next() else { throw malformed("no MAC (an unprotected bundle cannot be checked)") }
                return try BER.sequence(macData, identifier: .sequence) { macNodes in
                    let (oid, mac) = try BER.sequence(macNodes.next() ?? { throw malformed("empty macData") }(),
                                                      identifier: .sequence) { digestInfo -> (ASN1ObjectIdentifier, [UInt8]) in
                        let algorithm = try BER.sequence(digestInfo.next() ?? { throw malformed("empty DigestInfo") }(),
                                                         identifier: .sequence) { alg -> ASN1ObjectIdentifier in
                            let oid = try ASN1ObjectIdentifier(berEncoded: &alg)
                            while alg.next() != nil {}
                            return oid
                        }
                        let digest = try ASN1OctetString(berEncoded: &digestInfo)
                        return (algorithm, Array(digest.bytes))
                    }
                    let salt = try ASN1OctetString(berEncoded: &macNodes)
                    var iterations = 1
                    if let node = macNodes.next() {
                        // A positive INTEGER wider than Int is also "too many", not malformed.
                        if node.identifier == .integer, case .primitive(let value) = node.content, value.count > 8,
                           let first = value.first, first & 0x80 == 0 {
                            throw tooMany("more than \(grouped(Int.max))")
                        }
                        iterations = try Int(berEncoded: node)
                    }
                    guard iterations >= 1 else { throw malformed("MAC iteration count \(iterations) is not positive") }
                    // Checked here, before the caller derives anything: the count is the whole cost.
                    guard iterations <= maximumIterations else { throw tooMany(grouped(iterations)) }
                    let digest: Digest
                    switch oid {
                    case [1, 3, 14, 3, 2, 26]: digest = .sha1
                    case [2, 16, 840, 1, 101, 3, 4, 2, 1]: digest = .sha256
                    case [2, 16, 840, 1, 101, 3, 4, 2, 2]: digest = .sha384
                    case [2, 16, 840, 1, 101, 3, 4, 2, 3]: digest = .sha512
                    default: throw malformed("MAC digest \(oid) is not supported (SHA-1 or SHA-2 expected; PBMAC1 is not supported)")
                    }
                    return Parsed(digest: digest, mac: mac, salt: Array(salt.bytes), iterations: iterations, content: content)
                }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw malformed("\(error)")
        }
    }

    /// `10000000` → `10,000,000`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// The passphrase as RFC 7292 wants it: UTF-16 big-endian with a two-byte NUL terminator.
    static func bmpString(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for unit in text.utf16 { out.append(UInt8(unit >> 8)); out.append(UInt8(unit & 0xFF)) }
        return out + [0, 0]
    }

    static func check<H: HashFunction>(_ hash: H.Type, _ parsed: Parsed, _ password: [UInt8]) -> Bool {
        let key = deriveKey(hash, password: password, salt: parsed.salt, id: 3, iterations: parsed.iterations,
                            length: H.Digest.byteCount)
        return HMAC<H>.isValidAuthenticationCode(parsed.mac, authenticating: parsed.content, using: SymmetricKey(data: key))
    }

    /// RFC 7292 appendix B.2: derives `length` bytes of key material of kind `id` (1 key, 2 IV, 3 MAC key).
    static func deriveKey<H: HashFunction>(_ hash: H.Type, password: [UInt8], salt: [UInt8], id: UInt8,
                                           iterations: Int, length: Int) -> [UInt8] {
        let u = H.Digest.byteCount
        let v = H.blockByteCount
        let d = [UInt8](repeating: id, count: v)
        func stretch(_ bytes: [UInt8]) -> [UInt8] {
            guard !bytes.isEmpty else { return [] }
            let total = v * ((bytes.count + v - 1) / v)
            return (0..<total).map { bytes[$0 % bytes.count] }
        }
        var i = stretch(salt) + stretch(password)
        var out: [UInt8] = []
        while out.count < length {
            var digest = H.hash(data: d + i)
            for _ in 1..<iterations {
                var hasher = H()
                digest.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                digest = hasher.finalize()
            }
            let a = Array(digest)
            out += a
            if out.count >= length { break }
            let b = (0..<v).map { a[$0 % u] }
            var block = 0
            while block < i.count {
                var carry: UInt16 = 1
                for k in stride(from: v - 1, through: 0, by: -1) {
                    let sum = UInt16(i[block + k]) + UInt16(b[k]) + carry
                    i[block + k] = UInt8(sum & 0xFF)
                    carry = sum >> 8
                }
                block += v
            }
        }
        return Array(out.prefix(length))
    }
}
