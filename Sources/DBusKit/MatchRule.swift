/// Which signals to receive: every field that is set must match; unset fields match anything.
public struct MatchRule: Sendable, Hashable {
    /// The sender's bus name. A well-known name passes only signals from its current owner, checked by DBusKit
    /// itself (the bus does not filter signals addressed to this connection).
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

    /// Whether a signal's header matches the rule's path, path namespace, interface and member (the sender is
    /// judged by ``SignalRouter``, which knows who owns a well-known name).
    func matchesHeader(path signalPath: String, interface signalInterface: String, member signalMember: String) -> Bool {
        if let path, path != signalPath { return false }
        if let pathNamespace {
            let isBelow = pathNamespace == "/" || signalPath == pathNamespace
                || signalPath.hasPrefix(pathNamespace + "/")
            if !isBelow { return false }
        }
        if let interface, interface != signalInterface { return false }
        if let member, member != signalMember { return false }
        return true
    }

    /// Whether the decoded arguments match the rule's `argN` values.
    func matchesArguments(_ signalArguments: [DBusValue]) -> Bool {
        for (index, value) in arguments {
            guard index < signalArguments.count, case .string(let actual) = signalArguments[index],
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
