/// The cost parameters of the scrypt key derivation used in passphrase mode.
public struct ScryptParameters: Sendable, Hashable, Codable, CustomStringConvertible {
    /// log2 of the CPU/memory cost N.
    public var log2N: UInt8
    /// The block size r.
    public var r: UInt32
    /// The parallelism p.
    public var p: UInt32

    /// Creates parameters; ``validate()`` checks them.
    public init(log2N: UInt8, r: UInt32, p: UInt32) {
        self.log2N = log2N
        self.r = r
        self.p = p
    }

    /// N = 2^15, r = 8, p = 1: 32 MiB of memory. The shipping build (release, static Swift runtime) unlocks in
    /// about 80 ms on the 2-core development machine, inside the 50–300 ms design window (N = 2^14 measured 40 ms:
    /// too cheap for guessing). `scripts/bench store` measures it; see Docs/performance.md.
    public static let `default` = ScryptParameters(log2N: 15, r: 8, p: 1)

    /// The accepted ranges, also applied to parameters read from a store file.
    public static let log2NRange: ClosedRange<UInt8> = 10...22
    public static let rRange: ClosedRange<UInt32> = 1...32
    public static let pRange: ClosedRange<UInt32> = 1...16
    /// The most memory a derivation may use (1 GiB).
    public static let maxMemory = 1 << 30

    /// The memory one derivation needs, in bytes (128 · N · r · p).
    public var memoryBytes: Int { 128 * (1 << Int(log2N)) * Int(r) * Int(p) }

    /// Whether the parameters are within the accepted ranges.
    public var isValid: Bool {
        Self.log2NRange.contains(log2N) && Self.rRange.contains(r) && Self.pRange.contains(p)
            && memoryBytes <= Self.maxMemory
    }

    /// Throws `StoreError.invalidInput` when the parameters are outside the accepted ranges.
    public func validate() throws {
        guard isValid else {
            throw StoreError(.invalidInput, "scrypt parameters \(self) are outside the accepted ranges (log2 N 10…22, r 1…32, p 1…16, at most 1 GiB)",
                             details: ["log2N": .int(Int(log2N)), "r": .int(Int(r)), "p": .int(Int(p))])
        }
    }

    public var description: String { "N=2^\(log2N) r=\(r) p=\(p)" }
}
