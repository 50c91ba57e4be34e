/// What eapolctl reads about one access point (a wpa_supplicant BSS object) to report a Passpoint match.
public struct BSSDescription: Sendable, Equatable {
    /// The SSID bytes (may be empty or not UTF-8).
    public var ssid: [UInt8]
    /// The BSSID (6 bytes when wpa_supplicant answered sensibly).
    public var bssid: [UInt8]
    /// The channel frequency in MHz (0 when unknown).
    public var frequency: Int
    /// The OIs of the beacon's Roaming Consortium element (at most 3; the rest are only in ANQP).
    public var advertisedOIs: [[UInt8]]

    public init(ssid: [UInt8], bssid: [UInt8], frequency: Int, advertisedOIs: [[UInt8]]) {
        self.ssid = ssid
        self.bssid = bssid
        self.frequency = frequency
        self.advertisedOIs = advertisedOIs
    }

    /// The BSSID as `aa:bb:cc:dd:ee:ff`.
    public var bssidText: String {
        bssid.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: ":")
    }

    /// ``bssidText`` when the BSSID is 6 bytes (a MAC address); nil for any other answer, so what is remembered or
    /// compared as an access point is always one.
    public var checkedBSSIDText: String? { bssid.count == 6 ? bssidText : nil }

    /// The first of `ois` (in the caller's order) that the beacon advertises; nil when none does (the match came from
    /// the realm, a home domain, or an OI listed only in ANQP, which wpa_supplicant 2.10 does not expose).
    public func firstAdvertised(of ois: [[UInt8]]) -> [UInt8]? {
        ois.first { advertisedOIs.contains($0) }
    }

    /// The OIs of the Roaming Consortium element (ID 111) in `ies`, the information elements as wpa_supplicant's `IEs`
    /// property gives them; elements that do not fit are skipped, never trusted.
    public static func roamingConsortiumOIs(inInformationElements ies: [UInt8]) -> [[UInt8]] {
        var index = 0
        while index + 2 <= ies.count {
            let id = ies[index], length = Int(ies[index + 1])
            let start = index + 2, end = start + length
            guard end <= ies.count else { return [] }
            if id == 111 { return parseRoamingConsortium(Array(ies[start..<end])) }
            index = end
        }
        return []
    }

    /// The body of a Roaming Consortium element: ANQP OI count (1 byte), the lengths of OI #1 (low nibble) and OI #2
    /// (high nibble), OI #1, OI #2, and OI #3 taking the rest. Anything inconsistent gives no OIs.
    static func parseRoamingConsortium(_ body: [UInt8]) -> [[UInt8]] {
        guard body.count >= 2 else { return [] }
        let first = Int(body[1] & 0x0F), second = Int(body[1] >> 4)
        guard first > 0, 2 + first + second <= body.count else { return [] }
        var ois = [Array(body[2..<(2 + first)])]
        if second > 0 { ois.append(Array(body[(2 + first)..<(2 + first + second)])) }
        let rest = 2 + first + second
        if rest < body.count { ois.append(Array(body[rest...])) }
        return ois.filter { (3...15).contains($0.count) }
    }
}
