/// The area of eapolctl a failure belongs to; each domain has its own process exit status.
public enum ErrorDomain: String, CaseIterable, Sendable, Codable, Comparable {
    case usage
    case profile
    case `import`
    case store
    case system
    case dbus
    case supplicant
    case eap
    case dhcp

    /// The exit status the command line uses for failures in this domain (0 is success).
    public var exitStatus: Int32 {
        switch self {
        case .usage: 64
        case .profile: 65
        case .import: 66
        case .store: 67
        case .dbus: 68
        case .supplicant: 69
        case .eap: 70
        case .system: 71
        case .dhcp: 72
        }
    }

    /// The first code number of this domain; every code of the domain lies in `base ..< base + 100`.
    public var codeBase: Int {
        switch self {
        case .usage: 100
        case .profile: 200
        case .import: 300
        case .store: 400
        case .system: 500
        case .dbus: 600
        case .supplicant: 700
        case .eap: 800
        case .dhcp: 900
        }
    }

    public static func < (lhs: ErrorDomain, rhs: ErrorDomain) -> Bool { lhs.codeBase < rhs.codeBase }
}
