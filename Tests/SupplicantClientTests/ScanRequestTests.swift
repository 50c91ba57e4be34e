import DBusKit
@testable import SupplicantClient
import Testing

/// The scan a hint asks for: only channel centres reach the driver, and the `Scan` argument has the shape
/// wpa_supplicant 2.10 parses (`Type` active, `SSIDs` aay, `Channels` a(uu)).
@Suite struct ScanRequestTests {
    @Test func theArgumentIsAnActiveScanOfTheSSIDOnTheHintedChannels() throws {
        let request = try ScanRequest(frequencies: [2412, 5180], ssid: Array("corp".utf8))
        let args = request.arguments
        #expect(args.count == 1)
        #expect(args.first?.signature == "a{sv}")
        guard case .dictionary(_, _, let entries)? = args.first else { Issue.record("not a dictionary"); return }
        #expect(entries.map(\.key) == [.string("Type"), .string("SSIDs"), .string("Channels")])
        #expect(entries[0].value == .variant(.string("active")))
        #expect(entries[1].value == .variant(.array(elementSignature: "ay", [.bytes(Array("corp".utf8))])))
        #expect(entries[2].value == .variant(.array(elementSignature: "(uu)", [
            .structure([.uint32(2412), .uint32(20)]), .structure([.uint32(5180), .uint32(20)]),
        ])))
    }

    /// Attack: frequencies that are not channel centres (inside the bands or not), too many, none, and SSIDs outside
    /// 1–32 bytes are refused before any call is built.
    @Test func nothingUncheckedReachesTheDriver() {
        let ssid = Array("corp".utf8)
        for bad in [[2413], [5182], [2412, 7000], [2400], [0], [-2412], [Int.max], []] {
            #expect(throws: SupplicantError(.invalidNetworkConfig, "")) { try ScanRequest(frequencies: bad, ssid: ssid) }
        }
        let many = Array(stride(from: 5180, through: 5320, by: 20)) + Array(stride(from: 5500, through: 5640, by: 20))
        #expect(many.count == ChannelFrequency.maximumCount)
        #expect((try? ScanRequest(frequencies: many, ssid: ssid)) != nil)
        #expect(throws: SupplicantError(.invalidNetworkConfig, "")) { try ScanRequest(frequencies: many + [5660], ssid: ssid) }
        for badSSID in [[UInt8](), [UInt8](repeating: 65, count: 33)] {
            #expect(throws: SupplicantError(.invalidNetworkConfig, "")) { try ScanRequest(frequencies: [2412], ssid: badSSID) }
        }
    }
}
