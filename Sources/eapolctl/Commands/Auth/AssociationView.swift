import Orchestration
import SupplicantClient

/// `association` in `auth start`'s result (Wi-Fi): the access point it ended on and the scan hint it used.
struct AssociationView: Encodable, Equatable {
    struct Hint: Encodable, Equatable {
        /// `given` (--frequency) or `remembered` (the profile's last association).
        let source: String
        let frequencies: [Int]
        /// Why every channel was scanned after all (`no-match`, `timeout`); absent when the hint found the network.
        let fallback: String?
    }
    let frequency: Int?
    let bssid: String?
    let scanHint: Hint?

    /// nil when the report has neither a BSS nor a hint (wired ports, --no-wait).
    init?(_ r: AuthenticationReport) {
        guard r.bss != nil || r.scanHint != nil else { return nil }
        frequency = r.bss.map(\.frequency)
        bssid = r.bss.map(\.bssidText)
        scanHint = r.scanHint.map {
            Hint(source: $0.source.rawValue, frequencies: $0.frequencies, fallback: r.scanHintFallback?.rawValue)
        }
    }

    var human: String {
        var line = "associated"
        if let bssid, let frequency { line += " with \(bssid) on \(frequency) MHz" }
        if let h = scanHint {
            let list = h.frequencies.map(String.init).joined(separator: ",")
            line += h.fallback == nil
                ? "; scanned \(list) MHz first (\(h.source)) and found it there"
                : "; \(list) MHz (\(h.source)) found nothing (\(h.fallback!)), every channel was scanned"
        }
        return line
    }
}
