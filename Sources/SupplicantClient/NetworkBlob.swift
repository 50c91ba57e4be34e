public import Secrets

/// A named blob to add with `AddBlob` before `AddNetwork`, referenced from a property as `blob://NAME`.
public struct NetworkBlob: Sendable, CustomStringConvertible {
    /// The bytes of a blob: public (a certificate) or secret (a private key).
    public enum Content: Sendable {
        case bytes([UInt8])
        case secret(SecretBytes)

        /// The number of bytes.
        public var count: Int {
            switch self {
            case .bytes(let b): b.count
            case .secret(let s): s.count
            }
        }
    }

    /// The blob name, unique per attempt.
    public let name: String
    public let content: Content

    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }

    /// The property value that references this blob.
    public var reference: String { "blob://\(name)" }

    public var description: String {
        switch content {
        case .bytes(let b): "blob \(name) (\(b.count) bytes)"
        case .secret: "blob \(name) <secret redacted>"
        }
    }
}
