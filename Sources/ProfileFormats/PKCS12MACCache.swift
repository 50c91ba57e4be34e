import Crypto
import Foundation
import Secrets

/// Remembers which (PKCS#12 bundle, passphrase) pairs have been checked, so the costly MAC key derivation runs once
/// per pair in a process: a file whose payloads all name one bundle, or an `onboard` that re-checks a passphrase
/// for every profile of a file, derives it once.
///
/// Entries are keyed by HMAC-SHA-256 (under a random key made for this process) of the bundle and the passphrase,
/// so the table holds nothing that would help guess a passphrase. Only the outcome (opens / does not open) is kept.
public final class PKCS12MACCache: @unchecked Sendable {
    /// The process-wide cache.
    public static let shared = PKCS12MACCache()

    /// The cache ``PKCS12MAC/verify(bundle:passphrase:source:cache:)`` uses by default: ``shared``, unless a task
    /// binds another (tests count derivations on a fresh one).
    @TaskLocal public static var current: PKCS12MACCache = .shared

    /// The most pairs remembered; the oldest is forgotten first.
    public static let capacity = 64

    private let lock = NSLock()
    private let key = SymmetricKey(size: .bits256)
    private var outcomes: [Data: Bool] = [:]
    private var order: [Data] = []
    private var derivationCount = 0

    /// Creates an empty cache.
    public init() {}

    /// How many times a MAC key was actually derived through this cache (what the cache saves is visible here).
    public var derivations: Int { lock.withLock { derivationCount } }

    /// The remembered outcome for the pair, or `compute()`'s (which is then remembered).
    func result(bundle: SecretBytes, passphrase: SecretBytes, compute: () throws -> Bool) throws -> Bool {
        var mac = HMAC<SHA256>(key: key)
        bundle.withUnsafeBytes { bytes in
            var length = UInt64(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { mac.update(data: $0) }
            mac.update(data: bytes)
        }
        passphrase.withUnsafeBytes { mac.update(data: $0) }
        let id = Data(mac.finalize())
        if let known = lock.withLock({ outcomes[id] }) { return known }
        // Computed outside the lock (it may take a second); two threads racing on one pair both compute it.
        let outcome = try compute()
        lock.withLock {
            derivationCount += 1
            if outcomes.updateValue(outcome, forKey: id) == nil {
                order.append(id)
                if order.count > Self.capacity { outcomes.removeValue(forKey: order.removeFirst()) }
            }
        }
        return outcome
    }
}
