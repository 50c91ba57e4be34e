#if canImport(Glibc)
import Glibc
#endif

/// The connection that owns a well-known name, as the bus daemon identifies it (never as the peer describes itself).
///
/// Calls meant for the owner go to ``uniqueName``, never to the well-known name: a unique name is never reused during
/// a bus's lifetime, so such a call can only reach the connection that was identified, even if the well-known name
/// changes hands in between.
public struct BusNameOwner: Sendable, Equatable {
    /// The owner's unique name, e.g. `:1.7`.
    public var uniqueName: String
    /// Its Unix user id (`GetConnectionUnixUser`).
    public var uid: UInt32
    /// Its process id (`GetConnectionUnixProcessID`), nil when the bus cannot tell.
    public var pid: UInt32?

    public init(uniqueName: String, uid: UInt32, pid: UInt32?) {
        self.uniqueName = uniqueName
        self.uid = uid
        self.pid = pid
    }

    /// Whether a process running as `ownUID` believes a peer of user `uid`: root's always (a system service), otherwise
    /// only one of the same user (who could read or do the same anyway).
    public static func isTrusted(uid: UInt32, ownUID: UInt32) -> Bool {
        uid == 0 || uid == ownUID
    }

    /// ``isTrusted(uid:ownUID:)`` for this owner; `ownUID` nil is this process's effective uid.
    public func isTrusted(ownUID: UInt32? = nil) -> Bool {
        Self.isTrusted(uid: uid, ownUID: ownUID ?? geteuid())
    }
}

extension DBusConnection {
    /// The current owner of `name` with its uid and pid from the bus daemon: `GetNameOwner`, then
    /// `GetConnectionUnixUser` and `GetConnectionUnixProcessID` of the unique name it returned.
    /// - Returns: nil when nobody owns the name (one round trip, answered at once).
    /// - Throws: ``DBusError`` from any of the three calls (the owner may leave between them).
    public func owner(of name: String, timeout: Duration = .seconds(25)) async throws -> BusNameOwner? {
        guard let unique = try await nameOwner(of: name, timeout: timeout) else { return nil }
        return BusNameOwner(uniqueName: unique, uid: try await unixUser(of: unique, timeout: timeout),
                            pid: try await unixProcessID(of: unique, timeout: timeout))
    }
}
