import Foundation

/// Why an address is not a unicast host address.
enum IPv4AddressKind: String, Sendable, Equatable {
    /// 0.0.0.0/8 ("this network", RFC 1122).
    case thisNetwork = "this-network"
    /// 127.0.0.0/8.
    case loopback
    /// 224.0.0.0/4.
    case multicast
    /// 240.0.0.0/4 (former class E), except 255.255.255.255.
    case reserved
    /// 255.255.255.255.
    case limitedBroadcast = "limited-broadcast"

    /// The kind of `address` when it can never be a host's unicast address; nil for an ordinary address.
    static func nonUnicast(_ address: IPv4Address) -> IPv4AddressKind? {
        let first = address.value >> 24
        if address == .broadcast { return .limitedBroadcast }
        if first == 0 { return .thisNetwork }
        if first == 127 { return .loopback }
        if first >= 224 && first < 240 { return .multicast }
        if first >= 240 { return .reserved }
        return nil
    }
}

/// Why a DHCPOFFER or DHCPACK was ignored. `code` is stable (logs, error details); `description` is for people
/// and contains only addresses and numbers, never text from the server.
enum DHCPReplyRejection: Error, Sendable, Equatable, CustomStringConvertible {
    case addressNotUnicast(IPv4Address, IPv4AddressKind)
    case addressIsSubnetNetwork(IPv4Address, prefixLength: Int)
    case addressIsSubnetBroadcast(IPv4Address, prefixLength: Int)
    case invalidSubnetMask(IPv4Address)
    case prefixTooShort(Int)
    case routerNotUnicast(IPv4Address, IPv4AddressKind)
    case routerIsLeasedAddress(IPv4Address)
    case routerIsSubnetNetworkOrBroadcast(IPv4Address)
    case routerOffSubnet(router: IPv4Address, address: IPv4Address, prefixLength: Int)
    case serverNotUnicast(IPv4Address)
    case missingServerIdentifier
    case missingLeaseTime
    /// A DHCPNAK whose server identifier is not the server the client is talking to (REQUESTING, RENEWING).
    case nakFromOtherServer(IPv4Address, expected: IPv4Address)
    /// A DHCPNAK without server identifier where one server's NAK is expected (RFC 2131 Table 3: it MUST carry one).
    case nakWithoutServerIdentifier(expected: IPv4Address)
    /// A DHCPACK naming another server than the one the client is talking to (REQUESTING: another client's choice;
    /// RENEWING: not the leasing server the REQUEST was unicast to).
    case ackFromOtherServer(IPv4Address, expected: IPv4Address)

    var code: String {
        switch self {
        case .addressNotUnicast(_, let k): "address-\(k.rawValue)"
        case .addressIsSubnetNetwork: "address-subnet-network"
        case .addressIsSubnetBroadcast: "address-subnet-broadcast"
        case .invalidSubnetMask: "invalid-subnet-mask"
        case .prefixTooShort: "prefix-too-short"
        case .routerNotUnicast(_, let k): "router-\(k.rawValue)"
        case .routerIsLeasedAddress: "router-is-leased-address"
        case .routerIsSubnetNetworkOrBroadcast: "router-subnet-network-or-broadcast"
        case .routerOffSubnet: "router-off-subnet"
        case .serverNotUnicast: "server-not-unicast"
        case .missingServerIdentifier: "missing-server-identifier"
        case .missingLeaseTime: "missing-lease-time"
        case .nakFromOtherServer: "nak-other-server"
        case .ackFromOtherServer: "ack-other-server"
        case .nakWithoutServerIdentifier: "nak-missing-server-identifier"
        }
    }

    var description: String {
        switch self {
        case .addressNotUnicast(let a, let k): "offered address \(a) is not a unicast host address (\(k.rawValue))"
        case .addressIsSubnetNetwork(let a, let p): "offered address \(a) is the network address of \(a)/\(p)"
        case .addressIsSubnetBroadcast(let a, let p): "offered address \(a) is the broadcast address of \(a)/\(p)"
        case .invalidSubnetMask(let m): "subnet mask \(m) is not a contiguous mask"
        case .prefixTooShort(let p): "prefix /\(p) is shorter than /\(DHCPReplyFilter.minimumPrefixLength)"
        case .routerNotUnicast(let r, let k): "router \(r) is not a unicast host address (\(k.rawValue))"
        case .routerIsLeasedAddress(let r): "router \(r) is the offered address itself"
        case .routerIsSubnetNetworkOrBroadcast(let r): "router \(r) is the subnet's network or broadcast address"
        case .routerOffSubnet(let r, let a, let p):
            "router \(r) is outside \(a)/\(p) and no classless static route (option 121) puts it on the link"
        case .serverNotUnicast(let s): "server identifier \(s) is not a unicast host address"
        case .missingServerIdentifier: "no server identifier (option 54)"
        case .missingLeaseTime: "no lease time (option 51)"
        case .nakFromOtherServer(let s, let e): "DHCPNAK from server \(s), but the client is talking to \(e)"
        case .ackFromOtherServer(let s, let e): "DHCPACK from server \(s), but the client is talking to \(e)"
        case .nakWithoutServerIdentifier(let e): "DHCPNAK without server identifier (option 54), but the client is talking to \(e)"
        }
    }
}

/// Decides whether an OFFER or ACK describes a lease the client may put on the interface. Pure: no I/O, no state.
///
/// Accepted: a unicast host address (not 0/8, 127/8, 224/4, 240/4, 255.255.255.255, nor the network or
/// broadcast address of its subnet when the prefix is /30 or shorter), a prefix of /8 … /32 (/31 is a
/// point-to-point link per RFC 3021 and /32 a host route, both without network and broadcast addresses; no
/// subnet mask counts as /32), and either no router or a unicast router other than the address itself and the
/// subnet's network/broadcast address that lies inside the subnet. A well-formed option 121 replaces option 3
/// (RFC 3442): the router option is then ignored and the routes are validated by `DHCPClasslessRoute.validate`.
enum DHCPReplyFilter {
    /// Shorter prefixes are refused: a /7 or less would claim a sixty-fourth of the IPv4 space as on-link.
    static let minimumPrefixLength = 8

    /// The lease-relevant content of a reply that passed the filter.
    struct Accepted: Sendable, Equatable {
        var address: IPv4Address
        var prefixLength: Int
        var router: IPv4Address?
        /// Option 54, or the fallback (the server a RENEW went to) when absent; nil only for OFFERs lacking it.
        var server: IPv4Address?
        var leaseSeconds: UInt32?
        /// Option 121's routes that passed `DHCPClasslessRoute.validate` (install order); nil when the reply had no
        /// well-formed option 121, and then `router` (option 3) is the default route. When non-nil, option 3 is
        /// ignored (RFC 3442) and `router` is the gateway of an accepted 0.0.0.0/0 route, if any.
        var staticRoutes: [DHCPClasslessRoute]?
        /// Option 121's routes that were refused, with reasons.
        var refusedRoutes: [DHCPClasslessRoute.Refused] = []
        /// Option 121 was present but malformed, so it was ignored as a whole (RFC 3442) and option 3 used.
        var malformedStaticRoutes = false
    }

    /// Checks the address, prefix and router of a lease. Nil: acceptable.
    static func check(address: IPv4Address, prefixLength: Int, router: IPv4Address?,
                      classlessRoutes: [DHCPClasslessRoute]) -> DHCPReplyRejection? {
        if let kind = IPv4AddressKind.nonUnicast(address) { return .addressNotUnicast(address, kind) }
        if prefixLength < minimumPrefixLength { return .prefixTooShort(prefixLength) }
        let mask: UInt32 = ~UInt32(0) << (32 - UInt32(min(32, prefixLength)))
        let network = address.value & mask
        let broadcast = network | ~mask
        let hasNetworkAndBroadcast = prefixLength <= 30
        if hasNetworkAndBroadcast && address.value == network { return .addressIsSubnetNetwork(address, prefixLength: prefixLength) }
        if hasNetworkAndBroadcast && address.value == broadcast { return .addressIsSubnetBroadcast(address, prefixLength: prefixLength) }
        guard let router else { return nil }
        if let kind = IPv4AddressKind.nonUnicast(router) { return .routerNotUnicast(router, kind) }
        if router == address { return .routerIsLeasedAddress(router) }
        if router.value & mask == network {
            if hasNetworkAndBroadcast && (router.value == network || router.value == broadcast) {
                return .routerIsSubnetNetworkOrBroadcast(router)
            }
            return nil
        }
        if classlessRoutes.contains(where: { $0.gateway == .any && $0.contains(router) }) { return nil }
        return .routerOffSubnet(router: router, address: address, prefixLength: prefixLength)
    }

    /// Checks a whole reply. OFFERs need an address, prefix and router that pass `check`; ACKs also need a
    /// server identifier (or `fallbackServer`) and a lease time.
    static func check(_ reply: DHCPMessage, isAck: Bool, fallbackServer: IPv4Address?) -> Result<Accepted, DHCPReplyRejection> {
        var prefix = 32
        if let mask = reply.address(DHCPOptionCode.subnetMask) {
            guard let p = mask.netmaskPrefixLength else { return .failure(.invalidSubnetMask(mask)) }
            prefix = p
        }
        // Option 121, when well-formed, replaces option 3 (RFC 3442); a malformed one is ignored as a whole.
        let rawRoutes = reply.option(DHCPOptionCode.classlessStaticRoute)
        let parsedRoutes = rawRoutes.flatMap(DHCPClasslessRoute.parse)
        // The first router is the one that would be used; a bogus first entry is not skipped over.
        var router = parsedRoutes == nil ? reply.addresses(DHCPOptionCode.router).first : nil
        if let r = check(address: reply.yiaddr, prefixLength: prefix, router: router, classlessRoutes: parsedRoutes ?? []) {
            return .failure(r)
        }
        var staticRoutes: [DHCPClasslessRoute]?
        var refusedRoutes: [DHCPClasslessRoute.Refused] = []
        if let parsedRoutes {
            let v = DHCPClasslessRoute.validate(parsedRoutes, address: reply.yiaddr, prefixLength: prefix)
            (staticRoutes, refusedRoutes) = (v.accepted, v.refused)
            router = v.accepted.first { $0.prefixLength == 0 && !$0.isOnLink }?.gateway
        }
        let server = reply.address(DHCPOptionCode.serverIdentifier) ?? fallbackServer
        if let server, IPv4AddressKind.nonUnicast(server) != nil { return .failure(.serverNotUnicast(server)) }
        let lease = reply.uint32(DHCPOptionCode.leaseTime).flatMap { $0 > 0 ? $0 : nil }
        if isAck {
            guard server != nil else { return .failure(.missingServerIdentifier) }
            guard lease != nil else { return .failure(.missingLeaseTime) }
        } else if server == nil {
            return .failure(.missingServerIdentifier)
        }
        return .success(Accepted(address: reply.yiaddr, prefixLength: prefix, router: router, server: server, leaseSeconds: lease,
                                 staticRoutes: staticRoutes, refusedRoutes: refusedRoutes,
                                 malformedStaticRoutes: rawRoutes != nil && parsedRoutes == nil))
    }

    /// Decides whether a DHCPNAK may reset the client (RFC 2131 §4.4: a NAK from a server other than the one the
    /// client is talking to must not). In REQUESTING (after an OFFER was selected) and RENEWING (unicast to the
    /// leasing server) pass that server as `expectedServer`: the NAK must name it in option 54. In INIT-REBOOT
    /// and REBINDING pass nil: the client does not know, or no longer relies on, one server, so any NAK counts.
    /// - Returns: nil when the NAK is to be obeyed, else why it is ignored.
    static func checkNak(_ reply: DHCPMessage, expectedServer: IPv4Address?) -> DHCPReplyRejection? {
        guard let expected = expectedServer else { return nil }
        guard let server = reply.address(DHCPOptionCode.serverIdentifier) else { return .nakWithoutServerIdentifier(expected: expected) }
        return server == expected ? nil : .nakFromOtherServer(server, expected: expected)
    }

    /// Whether a DHCPACK may be taken in a state that talks to one server (REQUESTING: the selected one; RENEWING:
    /// the leasing one): one naming another server in option 54 is not (in RENEWING a rogue could otherwise hand
    /// out another router or DNS in answer to a REQUEST it was not sent). An ACK without option 54 is left to the
    /// usual checks, which take the expected server as its sender (the REQUEST went to it). In INIT-REBOOT and
    /// REBINDING pass nil: any server may answer.
    /// - Returns: nil when the ACK may be taken, else why it is ignored.
    static func checkAck(_ reply: DHCPMessage, expectedServer: IPv4Address?) -> DHCPReplyRejection? {
        guard let expected = expectedServer, let server = reply.address(DHCPOptionCode.serverIdentifier),
              server != expected else { return nil }
        return .ackFromOtherServer(server, expected: expected)
    }
}
