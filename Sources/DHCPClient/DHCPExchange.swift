/// How a lease was obtained.
public enum DHCPExchange: String, Sendable, Codable, CaseIterable {
    /// REQUEST for the recorded address without a server identifier (RFC 2131 §4.3.2), ACKed.
    case initReboot = "init-reboot"
    /// DISCOVER → OFFER → REQUEST → ACK.
    case discover
    /// Unicast REQUEST to the leasing server at T1.
    case renew
    /// Broadcast REQUEST to any server at T2.
    case rebind
    /// An external DHCP client program did the exchange; details unknown.
    case external
}
