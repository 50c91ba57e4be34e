/// Where a profile applies: a Wi-Fi network (SSID and security) or wired 802.1X.
public enum NetworkBinding: Sendable, Hashable, Codable {
    /// A Wi-Fi network; `hidden` asks the supplicant to probe for the SSID actively.
    case wifi(ssid: SSID, security: SecurityType, hidden: Bool)
    /// Wired 802.1X, optionally restricted to one interface name.
    case wired(interface: String?)
    /// A Passpoint (Hotspot 2.0) credential: no SSID; access points are matched by what they advertise.
    case passpoint(PasspointSettings)

    private enum CodingKeys: String, CodingKey {
        case kind, ssid, security, hidden, interface, passpoint
    }

    /// The SSID of a Wi-Fi binding, nil for wired.
    public var ssid: SSID? {
        if case .wifi(let ssid, _, _) = self { return ssid }
        return nil
    }

    /// The security type; `wired` for wired bindings.
    public var security: SecurityType {
        switch self {
        case .wifi(_, let security, _): security
        case .wired: .wired
        // Hotspot 2.0 requires WPA2-Enterprise (RSN, WPA-EAP); PMF is optional.
        case .passpoint: .wpa2
        }
    }

    /// The Passpoint settings of a Passpoint binding, nil otherwise.
    public var passpoint: PasspointSettings? {
        if case .passpoint(let settings) = self { return settings }
        return nil
    }

    /// True for wired bindings.
    public var isWired: Bool {
        if case .wired = self { return true }
        return false
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "wifi":
            self = .wifi(
                ssid: try container.decode(SSID.self, forKey: .ssid),
                security: try container.decode(SecurityType.self, forKey: .security),
                hidden: try container.decodeIfPresent(Bool.self, forKey: .hidden) ?? false)
        case "wired":
            self = .wired(interface: try container.decodeIfPresent(String.self, forKey: .interface))
        case "passpoint":
            self = .passpoint(try container.decode(PasspointSettings.self, forKey: .passpoint))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown binding kind '\(kind)'; accepted: wifi, wired, passpoint")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .wifi(let ssid, let security, let hidden):
            try container.encode("wifi", forKey: .kind)
            try container.encode(ssid, forKey: .ssid)
            try container.encode(security, forKey: .security)
            try container.encode(hidden, forKey: .hidden)
        case .wired(let interface):
            try container.encode("wired", forKey: .kind)
            try container.encodeIfPresent(interface, forKey: .interface)
        case .passpoint(let settings):
            try container.encode("passpoint", forKey: .kind)
            try container.encode(settings, forKey: .passpoint)
        }
    }
}
