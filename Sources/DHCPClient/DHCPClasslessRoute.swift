/// One route of option 121, classless static routes (RFC 3442): destination prefix and gateway.
///
/// The builtin client requests option 121; routes that pass `DHCPClasslessRoute.validate` are installed instead of
/// the option 3 router (`InterfaceConfigurator`), and recorded with the lease so that release and expiry remove them.
struct DHCPClasslessRoute: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    var destination: IPv4Address
    var prefixLength: Int
    /// 0.0.0.0 means the destination is on the link (RFC 3442 §3).
    var gateway: IPv4Address

    /// Whether the gateway is 0.0.0.0: the destination is on the link.
    var isOnLink: Bool { gateway == .any }

    /// `D/P via G` or `D/P on-link`: only addresses and numbers.
    var description: String { "\(destination)/\(prefixLength) " + (isOnLink ? "on-link" : "via \(gateway)") }

    /// The prefix's mask.
    var mask: UInt32 { prefixLength == 0 ? 0 : ~UInt32(0) << (32 - UInt32(prefixLength)) }

    /// Whether `address` lies inside the destination prefix.
    func contains(_ address: IPv4Address) -> Bool {
        let mask: UInt32 = prefixLength == 0 ? 0 : ~UInt32(0) << (32 - UInt32(prefixLength))
        return address.value & mask == destination.value & mask
    }

    /// Decodes option 121's data: per route one width byte (0…32), the significant octets of the destination
    /// (width rounded up to bytes), and four octets of gateway.
    /// - Returns: the routes, or nil when the data is malformed (RFC 3442 says to ignore such an option).
    static func parse(_ data: [UInt8]) -> [DHCPClasslessRoute]? {
        var routes: [DHCPClasslessRoute] = []
        var i = 0
        while i < data.count {
            let width = Int(data[i])
            guard width <= 32 else { return nil }
            let significant = (width + 7) / 8
            guard i + 1 + significant + 4 <= data.count else { return nil }
            var dest = Array(data[(i + 1) ..< (i + 1 + significant)])
            dest += Array(repeating: 0, count: 4 - significant)
            let gatewayStart = i + 1 + significant
            guard let d = IPv4Address(bytes: dest), let g = IPv4Address(bytes: data[gatewayStart ..< gatewayStart + 4]) else { return nil }
            routes.append(DHCPClasslessRoute(destination: d, prefixLength: width, gateway: g))
            i = gatewayStart + 4
        }
        return routes
    }
}
