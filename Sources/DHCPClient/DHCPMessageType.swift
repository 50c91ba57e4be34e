/// The DHCP message type carried in option 53 (RFC 2132 §9.6).
enum DHCPMessageType: UInt8, Sendable, CaseIterable {
    case discover = 1, offer, request, decline, ack, nak, release, inform
}
