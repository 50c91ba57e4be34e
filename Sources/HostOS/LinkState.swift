/// What rtnetlink says about one interface: administrative state, carrier and RFC 2863 operstate.
public struct LinkState: Sendable, Equatable, CustomStringConvertible {
    /// The interface name.
    public var interface: String
    /// `IFF_UP`: the interface is administratively up.
    public var adminUp: Bool
    /// `IFF_LOWER_UP` / `IFLA_CARRIER`: the physical (or veth peer) link is there.
    public var carrier: Bool
    /// `IFLA_OPERSTATE` as text: `up`, `down`, `lowerlayerdown`, `dormant`, `unknown`, …
    public var operstate: String
    /// True when the interface was deleted (`RTM_DELLINK`).
    public var removed: Bool

    /// Creates a state.
    public init(interface: String, adminUp: Bool, carrier: Bool, operstate: String, removed: Bool = false) {
        self.interface = interface
        self.adminUp = adminUp
        self.carrier = carrier
        self.operstate = operstate
        self.removed = removed
    }

    /// Whether frames can flow: up, with carrier, and not removed (operstate `up` or `unknown`, as some drivers
    /// never report it).
    public var isUsable: Bool {
        !removed && adminUp && carrier && (operstate == "up" || operstate == "unknown")
    }

    public var description: String {
        removed ? "\(interface) removed"
            : "\(interface) \(adminUp ? "UP" : "DOWN") carrier=\(carrier ? 1 : 0) operstate=\(operstate)"
    }
}
