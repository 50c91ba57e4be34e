import Foundation
import Testing
@testable import SupplicantClient

@Test func eapolStartFrameIsVersion1TypeStartEmptyBody() {
    // IEEE 802.1X: protocol version (1, wpa_supplicant's default eapol_version), packet type 1 = EAPOL-Start,
    // body length 0 (big-endian u16), no body.
    #expect(EAPOLStart.frame == [0x01, 0x01, 0x00, 0x00])
    #expect(EAPOLStart.paeGroupAddress == [0x01, 0x80, 0xC2, 0x00, 0x00, 0x03])
    #expect(EAPOLStart.ethertype == 0x888E)
}

@Test func eapolStartSocketAddressIsSockaddrLLForThePAEGroup() {
    let index: UInt32 = 0x0102_0304
    let address = EAPOLStart.socketAddress(interfaceIndex: index)
    #expect(address.count == 20)   // sizeof(struct sockaddr_ll)
    // sll_family: AF_PACKET (17) in host order.
    #expect(UInt16(address[0]) | UInt16(address[1]) << 8 == 17)
    // sll_protocol: the ethertype in network order.
    #expect(Array(address[2..<4]) == [0x88, 0x8E])
    // sll_ifindex in host order.
    let decodedIndex = address[4..<8].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    #expect(decodedIndex == index)
    // sll_hatype 0, sll_pkttype 0, sll_halen 6.
    #expect(Array(address[8..<11]) == [0, 0, 0])
    #expect(address[11] == 6)
    // sll_addr: the PAE group address, padded to 8 bytes.
    #expect(Array(address[12..<18]) == [0x01, 0x80, 0xC2, 0x00, 0x00, 0x03])
    #expect(Array(address[18..<20]) == [0, 0])
}

@Test func eapolStartOnAMissingInterfaceIsNoSuchInterface() {
    #expect(EAPOLStart.send(interface: "eapolctl-none0") == .noSuchInterface)
    #expect(EAPOLStart.send(interface: "") == .noSuchInterface)
}
