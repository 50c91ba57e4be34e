#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes that must stay secret: a password, a passphrase, a private key.
///
/// The bytes live in one heap buffer that is zeroed when the last reference goes away. `description` and
/// `debugDescription` are redacted, so a secret interpolated into a log line or an error message shows no content.
/// The bytes are reachable only inside ``withUnsafeBytes(_:)``. Comparisons run in constant time.
public final class SecretBytes: Sendable, CustomStringConvertible, CustomDebugStringConvertible, Equatable {
    // Safety for Sendable: the buffer is written only in `init` and zeroed only in `deinit`; in between it is
    // read-only, so sharing it across threads is safe. `nonisolated(unsafe)` is needed because the pointer type
    // is not Sendable.
    private nonisolated(unsafe) let buffer: UnsafeMutableRawBufferPointer

    /// Copies `bytes` into a new secret. The caller should zero its own copy if it can.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        _ = buffer.initializeMemory(as: UInt8.self, from: bytes)
        count = bytes.count
    }

    /// Creates a secret from the UTF-8 bytes of `string`.
    public convenience init(utf8 string: String) {
        self.init(Array(string.utf8))
    }

    /// Takes ownership of `array`'s contents and zeroes the array.
    public convenience init(consumingAndZeroing array: inout [UInt8]) {
        self.init(array)
        array.withUnsafeMutableBytes { SecretBytes.zero($0) }
        array.removeAll()
    }

    deinit {
        SecretBytes.zero(buffer)
        buffer.deallocate()
    }

    /// The number of secret bytes.
    public let count: Int
    public var isEmpty: Bool { count == 0 }

    /// Runs `body` with read access to the secret bytes. Do not let the pointer escape.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<count]))
    }

    /// A copy of the bytes as an array; the caller owns (and should zero) it. Prefer ``withUnsafeBytes(_:)``.
    public func copyBytes() -> [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// The bytes as UTF-8 text, or nil when they are not valid UTF-8.
    public func utf8String() -> String? {
        withUnsafeBytes { raw in
            String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
        }
    }

    public var description: String { "<secret redacted>" }
    public var debugDescription: String { "SecretBytes(<redacted>)" }

    /// Constant-time equality (``matchesInConstantTime(_:)``): the time depends on `rhs`'s length only, never on
    /// where the bytes differ nor on `lhs`'s length.
    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        lhs.matchesInConstantTime(rhs)
    }

    /// Zeroes memory in a way the optimiser does not remove.
    public static func zero(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        #if canImport(Glibc)
        explicit_bzero(base, buffer.count)
        #else
        memset_s(base, buffer.count, 0, buffer.count)
        #endif
    }
}
