/// wpa_supplicant's interface `State` (the names of `wpa_supplicant_state_txt()`, lower-case over D-Bus). A value
/// type rather than an enum because a newer wpa_supplicant may add states: an unknown one is kept as it was sent.
public struct SupplicantState: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    public static let disconnected: Self = "disconnected"
    public static let interfaceDisabled: Self = "interface_disabled"
    public static let inactive: Self = "inactive"
    public static let scanning: Self = "scanning"
    public static let authenticating: Self = "authenticating"
    public static let associating: Self = "associating"
    public static let associated: Self = "associated"
    public static let fourWayHandshake: Self = "4way_handshake"
    public static let groupHandshake: Self = "group_handshake"
    public static let completed: Self = "completed"
    /// What eapolctl reports when the property could not be read as a string.
    public static let unknown: Self = "unknown"
}
