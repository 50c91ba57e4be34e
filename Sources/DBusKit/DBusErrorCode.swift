public import StructuredErrors

/// Failures talking to a D-Bus message bus or a peer on it (exit status 68).
public typealias DBusError = DomainError<DBusErrorCode>

/// The codes of ``DBusError``, numbered 601 and up.
public struct DBusErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case busUnreachable = 601
        case accessDenied = 602
        case serviceUnknown = 603
        case timeout = 604
        case disconnected = 605
        case remoteError = 606
        case invalidArgument = 607
        case unexpectedReplyType = 608
        case peerVanished = 609
        case untrustedPeer = 610
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    /// The bus socket could not be reached or the bus handshake failed.
    public static let busUnreachable = Self(.busUnreachable)
    /// The bus or its policy refused the connection or the call.
    public static let accessDenied = Self(.accessDenied)
    /// The destination name has no owner on the bus.
    public static let serviceUnknown = Self(.serviceUnknown)
    /// No reply arrived before the deadline.
    public static let timeout = Self(.timeout)
    /// The connection to the bus is closed or was lost.
    public static let disconnected = Self(.disconnected)
    /// The peer answered with a D-Bus error; `details["dbus.error"]` and `details["dbus.message"]` carry it.
    public static let remoteError = Self(.remoteError)
    /// A value, name or path is not valid for D-Bus and was rejected before reaching libdbus.
    public static let invalidArgument = Self(.invalidArgument)
    /// The reply's signature is not the one the caller expected.
    public static let unexpectedReplyType = Self(.unexpectedReplyType)
    /// The destination left the bus while the call was pending.
    public static let peerVanished = Self(.peerVanished)
    /// The owner of a bus name is a process eapolctl must not trust with secrets (not root, not this user).
    public static let untrustedPeer = Self(.untrustedPeer)

    public static let domain = ErrorDomain.dbus
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .busUnreachable:
            info("bus-unreachable", "The D-Bus message bus could not be reached.",
                 "Check that the bus is running (systemctl status dbus) and that the address is right.")
        case .accessDenied:
            info("access-denied", "The D-Bus bus or its policy denied access.",
                 "Run as root, or as a user the bus policy of the service named in the message allows.")
        case .serviceUnknown:
            info("service-unknown", "The D-Bus service named in the message is not on the bus.",
                 "Start the service named in the message and try again.")
        case .timeout:
            info("timeout", "A D-Bus call got no reply before its deadline.",
                 "Check that the service named in the message is responsive, or allow a longer timeout.")
        case .disconnected:
            info("disconnected", "The connection to the D-Bus bus is closed or was lost.",
                 "Check that the bus is still running, then run the command again.")
        case .remoteError:
            info("remote-error", "The D-Bus peer answered with an error.",
                 "Read the D-Bus error name and message in the details.")
        case .invalidArgument:
            info("invalid-argument", "A value, name or path is not valid for D-Bus.",
                 "Fix the value named in the message; send text that may not be UTF-8 as bytes.")
        case .unexpectedReplyType:
            info("unexpected-reply-type", "A D-Bus reply did not have the expected signature.",
                 "The service may be a different version than expected; check its version.")
        case .peerVanished:
            info("peer-vanished", "The D-Bus peer left the bus while a call to it was pending.",
                 "Check whether the service crashed or was restarted (journalctl), then try again.")
        case .untrustedPeer:
            info("untrusted-peer", "The process that owns the service's bus name runs as a user eapolctl does not trust.",
                 "Find the process by the pid in the details (ps -o user,cmd -p PID) and run the service as root.")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}

extension DomainError where Code == DBusErrorCode {
    /// The D-Bus error name the peer or bus sent (for example `org.freedesktop.DBus.Error.UnknownMethod`), if any.
    public var remoteErrorName: String? {
        if case .string(let name)? = details["dbus.error"] { return name }
        return nil
    }

    /// The human-readable message that came with the D-Bus error, if any.
    public var remoteErrorMessage: String? {
        if case .string(let text)? = details["dbus.message"] { return text }
        return nil
    }

    /// Builds a ``DBusErrorCode/remoteError`` to throw from an exported method handler; the caller receives
    /// a D-Bus error reply with this name and message.
    /// - Parameters:
    ///   - name: a D-Bus error name such as `com.example.Error.NotFound`.
    ///   - message: the text sent with it; never put secrets here.
    public static func remote(name: String, message: String, file: String = #fileID, line: UInt = #line) -> DBusError {
        DBusError(.remoteError, "\(name): \(message)",
                  details: ["dbus.error": .string(name), "dbus.message": .string(message)], file: file, line: line)
    }
}
