public import Secrets

/// A value of a wpa_supplicant network property: only the D-Bus types it accepts (`s`, `ay`, `i`).
public enum NetworkValue: Sendable, Equatable, CustomStringConvertible {
    /// Sent as `s`; wpa_supplicant quotes it unless the key is a keyword key.
    case string(String)
    /// Sent as `ay`; never empty.
    case bytes([UInt8])
    /// Sent as `i`.
    case int32(Int32)
    /// Sent as `ay`; the bytes of a secret, redacted in descriptions.
    case secretBytes(SecretBytes)

    /// A loggable rendering: strings and integers as they are, bytes by length, secrets redacted.
    public var description: String {
        switch self {
        case .string(let s): "s \"\(s)\""
        case .bytes(let b): "ay (\(b.count) bytes)"
        case .int32(let i): "i \(i)"
        case .secretBytes: "ay <secret redacted>"
        }
    }

    /// The D-Bus signature of the value.
    public var signature: String {
        switch self {
        case .string: "s"
        case .bytes, .secretBytes: "ay"
        case .int32: "i"
        }
    }
}
