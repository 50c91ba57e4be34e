extension DHCPClasslessRoute {
    /// A route that was not installed, and why.
    struct Refused: Sendable, Equatable {
        var route: DHCPClasslessRoute
        var reason: DHCPRouteRefusal
    }

    /// The most routes of one option 121 that are installed; later ones are refused (`too-many-routes`).
    /// A cap, not a protocol limit: 16 covers real networks and bounds what one reply can put in the kernel.
    static let maximumRoutes = 16

    /// The routes of option 121 to install for a lease of `address/prefixLength`, and the refused ones with reasons.
    ///
    /// A route is refused when its destination has host bits set, lies wholly in 0/8, 127/8 or 224/3 (0.0.0.0/0,
    /// the default route, is fine), lies inside the leased subnet (it would replace the kernel's on-link route,
    /// and with it the way to an on-subnet DHCP server), repeats an earlier destination, or when its gateway is
    /// not 0.0.0.0 (on-link) and is not unicast, is the leased address or the subnet's edge, or lies outside the
    /// subnet without an accepted on-link route of the same option covering it. At most `maximumRoutes` are kept.
    /// No option 121 route can therefore reach the DHCP server on the subnet through another gateway: only routes
    /// outside the subnet are installed, and the kernel's on-link route is more specific.
    /// On-link routes are judged (and installed) first, so a gateway counts as reachable only through an on-link
    /// route that is actually installed.
    /// - Returns: accepted routes in install order (on-link ones first, each group in option order), and refused
    ///   routes with their reason.
    static func validate(_ routes: [DHCPClasslessRoute], address: IPv4Address, prefixLength: Int)
        -> (accepted: [DHCPClasslessRoute], refused: [Refused]) {
        let leaseMask: UInt32 = prefixLength == 0 ? 0 : ~UInt32(0) << (32 - UInt32(min(32, prefixLength)))
        let network = address.value & leaseMask
        let broadcast = network | ~leaseMask
        var refused: [Refused] = []
        var accepted: [DHCPClasslessRoute] = []

        func destinationProblem(_ r: DHCPClasslessRoute) -> DHCPRouteRefusal? {
            if r.destination.value & ~r.mask != 0 { return .hostBitsSet }
            if let kind = nonUnicastBlock(r) { return .destinationNotUnicast(kind) }
            if r.prefixLength >= prefixLength && r.destination.value & leaseMask == network { return .insideLeasedSubnet }
            return nil
        }
        for r in routes.filter(\.isOnLink) + routes.filter({ !$0.isOnLink }) {
            if let p = destinationProblem(r) { refused.append(Refused(route: r, reason: p)); continue }
            if accepted.contains(where: { $0.destination == r.destination && $0.prefixLength == r.prefixLength }) {
                refused.append(Refused(route: r, reason: .duplicateDestination)); continue
            }
            if !r.isOnLink {
                let g = r.gateway
                if let kind = IPv4AddressKind.nonUnicast(g) { refused.append(Refused(route: r, reason: .gatewayNotUnicast(kind))); continue }
                if g == address { refused.append(Refused(route: r, reason: .gatewayIsLeasedAddress)); continue }
                if g.value & leaseMask == network {
                    if prefixLength <= 30 && (g.value == network || g.value == broadcast) {
                        refused.append(Refused(route: r, reason: .gatewayIsSubnetEdge)); continue
                    }
                } else if !accepted.contains(where: { $0.isOnLink && $0.contains(g) }) {
                    refused.append(Refused(route: r, reason: .gatewayOffLink)); continue
                }
            }
            if accepted.count >= maximumRoutes { refused.append(Refused(route: r, reason: .tooMany(limit: maximumRoutes))); continue }
            accepted.append(r)
        }
        return (accepted, refused)
    }

    /// The non-unicast block (0/8, 127/8, 224/3) that wholly contains the route's destination prefix, if any.
    private static func nonUnicastBlock(_ r: DHCPClasslessRoute) -> IPv4AddressKind? {
        let first = r.destination.value >> 24
        if r.prefixLength >= 8 && first == 0 { return .thisNetwork }
        if r.prefixLength >= 8 && first == 127 { return .loopback }
        if r.prefixLength >= 3 && first >= 224 { return first >= 240 ? .reserved : .multicast }
        return nil
    }
}
