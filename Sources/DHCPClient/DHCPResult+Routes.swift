extension DHCPResult {
    /// One route of option 121 (RFC 3442) in a result: installed (`reason` nil) or refused with the stable reason
    /// code of the check that refused it (`DHCPClasslessRoute.validate`). Addresses and numbers only, never text from
    /// the server.
    public struct Route: Sendable, Equatable, Codable {
        /// `a.b.c.d/len`.
        public var destination: String
        /// nil: on the link (gateway 0.0.0.0).
        public var gateway: IPv4Address?
        /// Why it was not installed (e.g. `gateway-off-link`); nil for an installed route.
        public var reason: String?

        init(_ route: DHCPClasslessRoute, reason: String? = nil) {
            destination = "\(route.destination)/\(route.prefixLength)"
            gateway = route.isOnLink ? nil : route.gateway
            self.reason = reason
        }
    }
}
