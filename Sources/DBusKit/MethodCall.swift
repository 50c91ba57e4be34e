/// A D-Bus method call to send: who, which object, which interface and method, and the arguments.
public struct MethodCall: Sendable, Hashable {
    /// The bus name of the peer, for example `org.freedesktop.hostname1` or `:1.42`.
    public var destination: String
    /// The object path, for example `/org/freedesktop/hostname1`.
    public var path: String
    /// The D-Bus interface of the method; always sent (some services reject calls without it).
    public var interface: String
    /// The method name.
    public var member: String
    /// The arguments, in order.
    public var arguments: [DBusValue]

    /// Creates a method call.
    public init(destination: String, path: String, interface: String, member: String, arguments: [DBusValue] = []) {
        self.destination = destination
        self.path = path
        self.interface = interface
        self.member = member
        self.arguments = arguments
    }

    /// The signature of the arguments, concatenated.
    public var signature: String { arguments.map(\.signature).joined() }

    /// Checks every name and argument; libdbus would abort the process on invalid ones.
    /// - Throws: ``DBusErrorCode/invalidArgument``.
    public func validate() throws(DBusError) {
        try DBusNames.checkBusName(destination)
        try DBusNames.checkObjectPath(path)
        try DBusNames.checkInterfaceName(interface)
        try DBusNames.checkMemberName(member)
        for argument in arguments { try argument.validate() }
    }
}

extension MethodCall: CustomStringConvertible {
    /// `destination path interface.member`, without arguments (they may hold secrets).
    public var description: String { "\(destination) \(path) \(interface).\(member)" }
}
