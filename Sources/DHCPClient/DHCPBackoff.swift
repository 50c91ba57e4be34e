/// Retransmission schedule: exponential backoff with multiplicative jitter, bounded by a time budget.
struct DHCPBackoff: Sendable, Equatable {
    /// The first wait.
    var initial: Duration
    /// Later waits: `initial`, then `first` after it doubling (1 s, 2 s, 4 s…); if nil, `initial` doubles.
    var then: Duration?
    /// Waits never exceed this (RFC 2131 §4.1 caps at 64 s).
    var maximum: Duration = .seconds(64)
    /// Each wait is multiplied by a uniform factor in `1 - jitter ... 1 + jitter`.
    var jitter: Double = 0.1

    /// INIT-REBOOT: 250 ms, then 1 s, 2 s, 4 s…
    static let initReboot = DHCPBackoff(initial: .milliseconds(250), then: .seconds(1))
    /// DISCOVER/REQUEST/RENEW: 1 s, 2 s, 4 s…
    static let standard = DHCPBackoff(initial: .seconds(1), then: nil)

    /// The waits after each transmission whose sum is exactly `budget` (the last one clipped).
    /// - Parameters:
    ///   - budget: the total time allowed.
    ///   - generator: randomness for the jitter (seeded in tests).
    func schedule(budget: Duration, using generator: inout some RandomNumberGenerator) -> [Duration] {
        var waits: [Duration] = []
        var used = Duration.zero
        var nominal = initial
        var next = then ?? initial * 2
        while used < budget {
            let factor = jitter > 0 ? Double.random(in: (1 - jitter) ... (1 + jitter), using: &generator) : 1
            var w = min(nominal * factor, maximum)
            if w <= .zero { w = .milliseconds(1) }
            if used + w > budget { w = budget - used }
            waits.append(w)
            used += w
            nominal = next
            next = min(next * 2, maximum)
        }
        return waits
    }
}
