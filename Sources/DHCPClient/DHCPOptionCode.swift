/// The DHCP option codes eapolctl reads or writes (RFC 2132).
enum DHCPOptionCode {
    static let pad: UInt8 = 0
    static let subnetMask: UInt8 = 1
    static let router: UInt8 = 3
    static let dnsServers: UInt8 = 6
    static let hostName: UInt8 = 12
    static let domainName: UInt8 = 15
    static let requestedAddress: UInt8 = 50
    static let leaseTime: UInt8 = 51
    static let overload: UInt8 = 52
    static let messageType: UInt8 = 53
    static let serverIdentifier: UInt8 = 54
    static let parameterRequestList: UInt8 = 55
    static let message: UInt8 = 56
    static let maxMessageSize: UInt8 = 57
    static let renewalTime: UInt8 = 58
    static let rebindingTime: UInt8 = 59
    static let clientIdentifier: UInt8 = 61
    /// Classless static routes (RFC 3442); requested, validated (`DHCPClasslessRoute.validate`) and installed
    /// instead of option 3.
    static let classlessStaticRoute: UInt8 = 121
    static let end: UInt8 = 255

    /// What the client asks for in option 55.
    static let requested: [UInt8] = [subnetMask, router, dnsServers, domainName, leaseTime, serverIdentifier,
                                     renewalTime, rebindingTime, classlessStaticRoute]
}
