/// The outcome of ``DBusConnection/requestName(_:options:timeout:)``.
public enum RequestNameReply: UInt32, Sendable, Hashable {
    /// This connection now owns the name.
    case primaryOwner = 1
    /// Another connection owns it; this one is queued.
    case inQueue = 2
    /// Another connection owns it and this one was not queued.
    case exists = 3
    /// This connection already owned the name.
    case alreadyOwner = 4
}

/// Flags for ``DBusConnection/requestName(_:options:timeout:)``.
public struct RequestNameOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Let another connection that asks with ``replaceExisting`` take the name.
    public static let allowReplacement = Self(rawValue: 1)
    /// Take the name from its owner if that owner allows replacement.
    public static let replaceExisting = Self(rawValue: 2)
    /// Fail with ``RequestNameReply/exists`` instead of queueing.
    public static let doNotQueue = Self(rawValue: 4)
}
