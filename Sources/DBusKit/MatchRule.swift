/// Which signals to receive: every field that is set must match; unset fields match anything.
public struct MatchRule: Sendable, Hashable {
    /// The sender's bus name (well-known names are resolved by the bus).
    public var sender: String?
    /// The exact object path.
    public var path: String?
    /// A path prefix: matches this path and every path below it.
    public var pathNamespace: String?
    /// The D-Bus interface.
    public var interface: String?
    /// The signal name.
    public var member: String?
    /// String arguments that must match exactly, by argument index (0 ... 63).
    public var arguments: [Int: String]

    /// Creates a rule for signals.
    public init(sender: String? = nil, path: String? = nil, pathNamespace: String? = nil,
                interface: String? = nil, member: String? = nil, arguments: [Int: String] = [:]) {
        self.sender = sender
        self.path = path
        self.pathNamespace = pathNamespace
        self.interface = interface
        self.member = member
        self.arguments = arguments
    }

    /// The rule in the bus's text form, as sent to `org.freedesktop.DBus.AddMatch`.
    public var ruleString: String {
        var parts = ["type='signal'"]
        func add(_ key: String, _ value: String?) {
            guard let value else { return }
            parts.append("\(key)='\(value.replacingQuotes())'")
        }
        add("sender", sender)
        add("path", path)
        add("path_namespace", pathNamespace)
        add("interface", interface)
        add("member", member)
        for (index, value) in arguments.sorted(by: { $0.key < $1.key }) { add("arg\(index)", value) }
        return parts.joined(separator: ",")
    }

    /// Checks the names in the rule.
    /// - Throws: ``DBusErrorCode/invalidArgument``.
    public func validate() throws(DBusError) {
        if let sender { try DBusNames.checkBusName(sender) }
        if let path { try DBusNames.checkObjectPath(path) }
        if let pathNamespace { try DBusNames.checkObjectPath(pathNamespace) }
        if let interface { try DBusNames.checkInterfaceName(interface) }
        if let member { try DBusNames.checkMemberName(member) }
        for (index, value) in arguments {
            guard (0..<64).contains(index) else {
                throw DBusError(.invalidArgument, "match rule argument index \(index) is outside 0...63")
            }
            try DBusNames.checkString(value)
        }
    }

    /// Whether a received signal matches, apart from a well-known `sender` (the bus resolves those).
    func matches(_ signal: DBusSignal, senderIsResolved: (String, String) -> Bool) -> Bool {
        if let sender, !senderIsResolved(sender, signal.sender) { return false }
        if let path, path != signal.path { return false }
        if let pathNamespace {
            let isBelow = pathNamespace == "/" || signal.path == pathNamespace
                || signal.path.hasPrefix(pathNamespace + "/")
            if !isBelow { return false }
        }
        if let interface, interface != signal.interface { return false }
        if let member, member != signal.member { return false }
        for (index, value) in arguments {
            guard index < signal.arguments.count, case .string(let actual) = signal.arguments[index],
                  actual == value else { return false }
        }
        return true
    }
}

extension String {
    /// Escapes a match rule value: a quote becomes `'\''`.
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for character in self {
            if character == "'" { out += "'\\''" } else { out.append(character) }
        }
        return out
    }
}
