/// What an authentication does on a wired port where no 802.1X authenticator answers (commands without the
/// options use ``standard``).
public struct PortPolicy: Sendable, Equatable {
    /// Unanswered EAPOL-Starts before a wired port counts as without 802.1X; nil waits for the deadline.
    public var maxStart: Int?
    /// A wired port without 802.1X is not an error: go on to DHCP, unauthenticated.
    public var acceptOpenPort: Bool

    public init(maxStart: Int?, acceptOpenPort: Bool) {
        self.maxStart = maxStart
        self.acceptOpenPort = acceptOpenPort
    }

    /// IEEE 802.1X's maxStart (3); a port without 802.1X is an error.
    public static let standard = PortPolicy(maxStart: 3, acceptOpenPort: false)
}
