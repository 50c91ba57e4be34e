import DBusKit

/// An active scan of a few channels for one SSID (`fi.w1.wpa_supplicant1.Interface.Scan` with `Type` active, `SSIDs`
/// and `Channels`): how a scan hint is used. It asks for one scan and changes no network, so nothing of it stays
/// behind to narrow wpa_supplicant's later scans (reconnects, roams), as a network's `scan_freq` would.
public struct ScanRequest: Sendable, Equatable {
    /// Channel centre frequencies in MHz (``ChannelFrequency/isChannelCentre(_:)``), at most
    /// ``ChannelFrequency/maximumCount``.
    public let frequencies: [Int]
    /// The SSID probed for (1–32 bytes): a hidden network answers a directed probe.
    public let ssid: [UInt8]

    /// - Throws: ``SupplicantError`` `invalidNetworkConfig` naming the first frequency that is not a channel centre,
    ///   too many frequencies, none, or an SSID outside 1–32 bytes: nothing unchecked reaches the driver's scan.
    public init(frequencies: [Int], ssid: [UInt8]) throws {
        func invalid(_ what: String) -> SupplicantError {
            SupplicantError(.invalidNetworkConfig, "scan hint refused: \(what)", details: ["field": "scan"])
        }
        guard !frequencies.isEmpty else { throw invalid("no frequency") }
        for f in frequencies where !ChannelFrequency.isChannelCentre(f) {
            throw invalid("\(f) MHz is not the centre of a 2.4, 5 or 6 GHz channel")
        }
        guard frequencies.count <= ChannelFrequency.maximumCount else {
            throw invalid("\(frequencies.count) frequencies; at most \(ChannelFrequency.maximumCount)")
        }
        guard (1...32).contains(ssid.count) else { throw invalid("the SSID must be 1 to 32 bytes long (it is \(ssid.count))") }
        self.frequencies = frequencies
        self.ssid = ssid
    }

    /// Channel width sent with each frequency: 20 MHz (wpa_supplicant 2.10 reads it and scans the centre frequency).
    static let channelWidth: UInt32 = 20

    /// The `a{sv}` argument of `Scan`.
    var arguments: [DBusValue] {
        let channels = frequencies.map { DBusValue.structure([.uint32(UInt32($0)), .uint32(Self.channelWidth)]) }
        return [.dictionary(keySignature: "s", valueSignature: "v", [
            .init(key: .string("Type"), value: .variant(.string("active"))),
            .init(key: .string("SSIDs"), value: .variant(.array(elementSignature: "ay", [.bytes(ssid)]))),
            .init(key: .string("Channels"), value: .variant(.array(elementSignature: "(uu)", channels))),
        ])]
    }
}
