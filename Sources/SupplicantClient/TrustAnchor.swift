/// How one authentication attempt validates the server: the value that goes into `ca_cert`.
public enum TrustAnchor: Sendable, Hashable, CustomStringConvertible {
    /// One embedded CA certificate, sent as a blob (a CA blob holds one certificate in wpa_supplicant 2.10).
    case embeddedCA(index: Int, subject: String, sha256Hex: String)
    /// The system CA bundle file.
    case systemBundle(path: String)
    /// A pinned server (leaf) certificate, `hash://server/sha256/<hex>`.
    case serverPin(sha256Hex: String)
    /// No validation at all (insecure).
    case none

    public var description: String {
        switch self {
        case .embeddedCA(let i, let subject, let fp): "CA #\(i + 1) \(subject) (SHA-256 \(fp))"
        case .systemBundle(let path): "system CAs (\(path))"
        case .serverPin(let fp): "pinned server certificate (SHA-256 \(fp))"
        case .none: "no server validation"
        }
    }
}
