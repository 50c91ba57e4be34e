/// A D-Bus signal as received through a ``MatchRule``.
public struct DBusSignal: Sendable, Hashable {
    /// The unique bus name of the sender (for example `:1.42`), or `org.freedesktop.DBus` for the bus itself.
    public var sender: String
    /// The object path that emitted the signal.
    public var path: String
    /// The D-Bus interface of the signal.
    public var interface: String
    /// The signal name.
    public var member: String
    /// The signal's arguments, in order.
    public var arguments: [DBusValue]

    /// Creates a signal value (used by tests and by ``DBusConnection/emitSignal(_:)``; `sender` is ignored when sending).
    public init(sender: String = "", path: String, interface: String, member: String, arguments: [DBusValue] = []) {
        self.sender = sender
        self.path = path
        self.interface = interface
        self.member = member
        self.arguments = arguments
    }
}
