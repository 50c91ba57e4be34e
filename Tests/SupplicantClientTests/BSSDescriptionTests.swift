import SupplicantClient
import Testing

// A BSSID from the bus is only an access point's address when it is 6 bytes: watch's roam tracker and the remembered
// association use checkedBSSIDText, which refuses anything else.

@Test func checkedBSSIDTextRefusesAnythingButSixBytes() {
    func bss(_ bytes: [UInt8]) -> BSSDescription { BSSDescription(ssid: [], bssid: bytes, frequency: 2412, advertisedOIs: []) }
    #expect(bss([2, 0, 0, 0, 0x0a, 0xff]).checkedBSSIDText == "02:00:00:00:0a:ff")
    for bad: [UInt8] in [[], [1, 2, 3], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7], [UInt8](repeating: 0xff, count: 64)] {
        #expect(bss(bad).checkedBSSIDText == nil, "\(bad.count) bytes")
    }
}
