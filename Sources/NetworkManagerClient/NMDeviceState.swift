/// A device's `State` as NetworkManager numbers it (`NMDeviceState`, libnm's `nm-dbus-interface.h`).
///
/// Only the number crosses the bus; an unknown number is kept as is and named `state-N`.
public struct NMDeviceState: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// 0: NetworkManager does not know the state.
    public static let unknown = Self(rawValue: 0)
    /// 10: not managed: NetworkManager leaves the device alone.
    public static let unmanaged = Self(rawValue: 10)
    /// 20: managed but not usable now (no carrier, firmware or supplicant missing); activates when it becomes usable.
    public static let unavailable = Self(rawValue: 20)
    /// 30: managed, usable, no connection active.
    public static let disconnected = Self(rawValue: 30)
    public static let prepare = Self(rawValue: 40)
    public static let config = Self(rawValue: 50)
    public static let needAuth = Self(rawValue: 60)
    public static let ipConfig = Self(rawValue: 70)
    public static let ipCheck = Self(rawValue: 80)
    public static let secondaries = Self(rawValue: 90)
    /// 100: a connection is active.
    public static let activated = Self(rawValue: 100)
    public static let deactivating = Self(rawValue: 110)
    public static let failed = Self(rawValue: 120)

    private static let names: [UInt32: String] = [
        0: "unknown", 10: "unmanaged", 20: "unavailable", 30: "disconnected", 40: "prepare", 50: "config",
        60: "need-auth", 70: "ip-config", 80: "ip-check", 90: "secondaries", 100: "activated", 110: "deactivating",
        120: "failed",
    ]

    /// nmcli's spelling (`unmanaged`, `disconnected`, `activated`, …), or `state-N` for a number it lacks.
    public var name: String { Self.names[rawValue] ?? "state-\(rawValue)" }

    public var description: String { "\(name) (\(rawValue))" }
}
