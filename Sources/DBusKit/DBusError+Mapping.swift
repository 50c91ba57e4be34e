internal import StructuredErrors

extension DomainError where Code == DBusErrorCode {
    /// Maps a D-Bus error reply to a ``DBusError``, keeping the remote name and message in the details.
    static func fromRemote(name: String, message: String, call: String) -> DBusError {
        let details: [String: ErrorDetail] = ["dbus.error": .string(name), "dbus.message": .string(message),
                                              "dbus.call": .string(call)]
        let text = "\(call) failed: \(name): \(message)"
        switch name {
        case "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner":
            return DBusError(.serviceUnknown, text, details: details)
        case "org.freedesktop.DBus.Error.AccessDenied", "org.freedesktop.DBus.Error.AuthFailed":
            return DBusError(.accessDenied, text, details: details)
        case "org.freedesktop.DBus.Error.NoReply":
            // dbus-daemon answers pending calls with NoReply "Message recipient disconnected from message bus
            // without replying" when the destination leaves the bus; a plain NoReply is the bus's own timeout.
            if message.localizedCaseInsensitiveContainsDisconnected {
                return DBusError(.peerVanished, text, details: details)
            }
            return DBusError(.timeout, text, details: details)
        case "org.freedesktop.DBus.Error.Timeout", "org.freedesktop.DBus.Error.TimedOut":
            return DBusError(.timeout, text, details: details)
        case "org.freedesktop.DBus.Error.Disconnected":
            return DBusError(.disconnected, text, details: details)
        default:
            return DBusError(.remoteError, text, details: details)
        }
    }
}

extension String {
    fileprivate var localizedCaseInsensitiveContainsDisconnected: Bool {
        lowercased().contains("disconnected")
    }
}
