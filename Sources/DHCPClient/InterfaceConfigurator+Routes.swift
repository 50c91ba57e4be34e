extension InterfaceConfigurator {
    /// The routes `lease` puts on its interface: its validated option 121 routes (install order), else a default
    /// route via its router (option 3), else none.
    static func routes(of lease: DHCPLease) -> [DHCPClasslessRoute] {
        if let routes = lease.staticRoutes { return routes }
        return lease.router.map { [DHCPClasslessRoute(destination: .any, prefixLength: 0, gateway: $0)] } ?? []
    }

    /// The `ip` batch line that installs `route` of `lease`. Built only from typed addresses and numbers.
    static func addLine(_ route: DHCPClasslessRoute, of lease: DHCPLease) -> String {
        let dev = "dev \(lease.interface) proto dhcp"
        if lease.staticRoutes == nil { return "route replace default via \(route.gateway) \(dev) onlink" }
        let destination = "\(route.destination)/\(route.prefixLength)"
        return route.isOnLink ? "route replace \(destination) \(dev) scope link"
                              : "route replace \(destination) via \(route.gateway) \(dev)"
    }

    /// The `ip` batch line that removes `route` from `interface` (only a route eapolctl installed: `proto dhcp`).
    static func deleteLine(_ route: DHCPClasslessRoute, interface: String) -> String {
        "route del \(route.destination)/\(route.prefixLength)" + (route.isOnLink ? "" : " via \(route.gateway)")
            + " dev \(interface) proto dhcp"
    }

    /// `route del` of a route that is not there (the kernel removed it with its address, or it was never added).
    static func isRouteAlreadyGone(_ text: String) -> Bool {
        text.contains("No such process")
    }

    /// What the failed line `index` of `plan` tried to do, in words (for the error message).
    static func describe(_ index: Int?, in plan: ApplyPlan, lease: DHCPLease) -> String {
        guard let index else { return "the lease" }
        if index == plan.address { return "the address \(lease.address)/\(lease.prefixLength)" }
        if let route = plan.routeAdditions[index] {
            return lease.staticRoutes == nil ? "the default route via \(route.gateway)" : "the classless static route \(route)"
        }
        return "`\(plan.lines[index])`"
    }
}
