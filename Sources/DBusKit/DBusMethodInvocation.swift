/// A method call received by an object exported with ``DBusConnection/exportObject(at:handler:)``.
public struct DBusMethodInvocation: Sendable, Hashable {
    /// The caller's unique bus name.
    public var sender: String
    /// The object path called.
    public var path: String
    /// The interface named by the caller; empty when the caller sent none.
    public var interface: String
    /// The method name.
    public var member: String
    /// The arguments received.
    public var arguments: [DBusValue]

    /// Creates an invocation (DBusKit builds these for exported objects; tests of handlers may build their own).
    public init(sender: String, path: String, interface: String, member: String, arguments: [DBusValue]) {
        self.sender = sender
        self.path = path
        self.interface = interface
        self.member = member
        self.arguments = arguments
    }

    /// The signature of the arguments, concatenated.
    public var signature: String { arguments.map(\.signature).joined() }
}
