public import Foundation

/// What a stored item is for, in eapolcfg's terms: one profile, one network name, or the default.
public enum CredentialKey: Sendable, Hashable, CustomStringConvertible {
    /// The item of the profile with this identifier.
    case profile(UUID)
    /// The item of the network with this SSID (1…32 raw bytes).
    case ssid([UInt8])
    /// The fallback item used when neither the profile nor the SSID has one.
    case `default`

    /// The longest SSID 802.11 allows.
    public static let maxSSIDLength = 32

    public var description: String {
        switch self {
        case .profile(let id): "profile \(id.uuidString)"
        case .ssid(let bytes):
            if let s = String(validating: bytes, as: UTF8.self), s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }) {
                "SSID \"\(s)\""
            } else {
                "SSID 0x" + bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
            }
        case .default: "default"
        }
    }

    /// The kind byte of the file format.
    var kindByte: UInt8 {
        switch self {
        case .profile: 1
        case .ssid: 2
        case .default: 3
        }
    }

    /// The key bytes of the file format.
    var keyBytes: [UInt8] {
        switch self {
        case .profile(let id):
            withUnsafeBytes(of: id.uuid) { Array($0) }
        case .ssid(let bytes): bytes
        case .default: []
        }
    }

    /// Decodes a key from the file format, or nil when kind and length do not fit together.
    init?(kind: UInt8, bytes: ArraySlice<UInt8>) {
        switch kind {
        case 1:
            guard bytes.count == 16 else { return nil }
            var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &raw) { $0.copyBytes(from: bytes) }
            self = .profile(UUID(uuid: raw))
        case 2:
            guard (1...Self.maxSSIDLength).contains(bytes.count) else { return nil }
            self = .ssid(Array(bytes))
        case 3:
            guard bytes.isEmpty else { return nil }
            self = .default
        default:
            return nil
        }
    }

    /// Throws when the key cannot be stored (empty or over-long SSID).
    func validate() throws {
        if case .ssid(let bytes) = self, !(1...Self.maxSSIDLength).contains(bytes.count) {
            throw StoreError(.invalidInput, "an SSID must be 1 to 32 bytes long, this one has \(bytes.count)",
                             details: ["field": "ssid", "length": .int(bytes.count)])
        }
    }
}
