/// Why one route of option 121 was not installed. `code` is stable (logs); `description` holds only addresses and
/// numbers, never text from the server.
enum DHCPRouteRefusal: Sendable, Equatable, CustomStringConvertible {
    /// More than `DHCPClasslessRoute.maximumRoutes` routes were sent; this one is past the cap.
    case tooMany(limit: Int)
    /// The destination has bits set beyond its prefix length (the kernel would refuse it; it is not normalized).
    case hostBitsSet
    /// The destination lies wholly inside 0.0.0.0/8, 127.0.0.0/8 or 224.0.0.0/3 (multicast and class E).
    case destinationNotUnicast(IPv4AddressKind)
    /// The destination lies inside the leased subnet: it would replace the kernel's on-link route for it (and for
    /// the DHCP server, when that is on the subnet).
    case insideLeasedSubnet
    /// An earlier route of the option has the same destination and prefix.
    case duplicateDestination
    /// The gateway is not a unicast host address.
    case gatewayNotUnicast(IPv4AddressKind)
    /// The gateway is the leased address itself.
    case gatewayIsLeasedAddress
    /// The gateway is the leased subnet's network or broadcast address.
    case gatewayIsSubnetEdge
    /// The gateway is outside the leased subnet and no on-link route (gateway 0.0.0.0) of the same option covers it.
    case gatewayOffLink

    var code: String {
        switch self {
        case .tooMany: "too-many-routes"
        case .hostBitsSet: "destination-host-bits"
        case .destinationNotUnicast(let k): "destination-\(k.rawValue)"
        case .insideLeasedSubnet: "destination-inside-leased-subnet"
        case .duplicateDestination: "duplicate-destination"
        case .gatewayNotUnicast(let k): "gateway-\(k.rawValue)"
        case .gatewayIsLeasedAddress: "gateway-is-leased-address"
        case .gatewayIsSubnetEdge: "gateway-subnet-network-or-broadcast"
        case .gatewayOffLink: "gateway-off-link"
        }
    }

    var description: String {
        switch self {
        case .tooMany(let n): "more than \(n) routes"
        case .hostBitsSet: "the destination has bits set beyond its prefix length"
        case .destinationNotUnicast(let k): "the destination is not unicast address space (\(k.rawValue))"
        case .insideLeasedSubnet: "the destination lies inside the leased subnet"
        case .duplicateDestination: "an earlier route has the same destination"
        case .gatewayNotUnicast(let k): "the gateway is not a unicast host address (\(k.rawValue))"
        case .gatewayIsLeasedAddress: "the gateway is the leased address"
        case .gatewayIsSubnetEdge: "the gateway is the subnet's network or broadcast address"
        case .gatewayOffLink: "the gateway is outside the leased subnet and no on-link route of the option covers it"
        }
    }
}
