import Foundation
import ProfileModel
import Testing

@Suite struct SSIDTests {
    @Test func textRoundTrip() throws {
        let ssid = try SSID(parsing: "Café Wi-Fi")
        #expect(ssid.bytes == Array("Café Wi-Fi".utf8))
        #expect(ssid.displayText == "Café Wi-Fi")
        #expect(try SSID(parsing: ssid.displayText) == ssid)
    }

    @Test func hexForm() throws {
        let ssid = try SSID(parsing: "hex:4142ff")
        #expect(ssid.bytes == [0x41, 0x42, 0xFF])
        #expect(ssid.displayText == "hex:4142FF")
        #expect(try SSID(parsing: "hex:4142") == SSID(parsing: "AB"))
        #expect(try SSID(parsing: "hex:4142").displayText == "AB")
    }

    @Test func nonUTF8AndControlBytesUseHex() throws {
        let invalid = try SSID(bytes: [0xC3, 0x28])
        #expect(invalid.printableText == nil)
        #expect(invalid.displayText == "hex:C328")
        let control = try SSID(bytes: Array("a\nb".utf8))
        #expect(control.displayText == "hex:610A62")
        #expect(try SSID(parsing: control.displayText) == control)
    }

    @Test func textStartingWithHexPrefixIsEncodedAsHex() throws {
        let ssid = try SSID(bytes: Array("hex:41".utf8))
        #expect(ssid.displayText == "hex:6865783A3431")
        #expect(try SSID(parsing: ssid.displayText) == ssid)
        let data = try JSONEncoder().encode(ssid)
        #expect(try JSONDecoder().decode(SSID.self, from: data) == ssid)
    }

    @Test func lengthLimits() throws {
        #expect(try SSID(parsing: String(repeating: "x", count: 32)).bytes.count == 32)
        #expect(throws: ProfileError(.invalidSSID, "")) { try SSID(parsing: String(repeating: "x", count: 33)) }
        #expect(throws: ProfileError(.invalidSSID, "")) { try SSID(parsing: "") }
        #expect(throws: ProfileError(.invalidSSID, "")) { try SSID(parsing: "hex:") }
        #expect(throws: ProfileError(.invalidSSID, "")) { try SSID(parsing: "hex:414") }
        #expect(throws: ProfileError(.invalidSSID, "")) { try SSID(parsing: "hex:zz") }
        #expect(throws: ProfileError(.invalidSSID, "")) { try SSID(bytes: Array(repeating: 0, count: 33)) }
        // 11 three-byte characters are 33 bytes although only 11 characters.
        #expect(throws: ProfileError(.invalidSSID, "")) { try SSID(parsing: String(repeating: "€", count: 11)) }
    }

    @Test func hashableByBytes() throws {
        let set: Set<SSID> = [try SSID(parsing: "AB"), try SSID(parsing: "hex:4142"), try SSID(parsing: "hex:4143")]
        #expect(set.count == 2)
    }
}
