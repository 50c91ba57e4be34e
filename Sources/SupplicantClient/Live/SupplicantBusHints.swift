public import DBusKit

/// What to do about a bus error met while talking to wpa_supplicant. DBusKit's hints name no service; these say
/// which group and which unit matter for wpa_supplicant. Message, code and details stay DBusKit's.
public enum SupplicantBusHints {
    /// A refused call to wpa_supplicant or to the bus about it.
    static let callDenied = "Run as root, or add your user to the `netdev` group to talk to wpa_supplicant."
    /// A bus that refused the connection.
    static let connectionDenied = "Run as root, or as a member of the `netdev` group to talk to wpa_supplicant."
    /// A system bus that could not be reached.
    static let systemBusUnreachable =
        "Is the system bus running (systemctl status dbus)? To talk to wpa_supplicant, run as root or as a member of the `netdev` group."
    /// A destination with no owner.
    static let serviceUnknown = "Start the service (for wpa_supplicant: systemctl start wpa_supplicant) and try again."

    /// `error`, raised while connecting to the bus wpa_supplicant is on, with the supplicant's hint: a refusal
    /// names the `netdev` group; a system bus that libdbus could not reach adds it to the bus check.
    public static func connecting(_ error: DBusError, systemBus: Bool) -> DBusError {
        switch error.code {
        case .accessDenied:
            rehinted(error, connectionDenied)
        case .busUnreachable where systemBus && error.remoteErrorName != nil:
            rehinted(error, systemBusUnreachable)
        default:
            error
        }
    }

    /// `error`, raised by a call to wpa_supplicant (or to the bus about its name), with the supplicant's hint.
    public static func calling(_ error: DBusError) -> DBusError {
        switch error.code {
        case .accessDenied: rehinted(error, callDenied)
        case .serviceUnknown: rehinted(error, serviceUnknown)
        default: error
        }
    }

    private static func rehinted(_ error: DBusError, _ hint: String) -> DBusError {
        DBusError(error.code, error.message, hint: hint, details: error.details)
    }
}
