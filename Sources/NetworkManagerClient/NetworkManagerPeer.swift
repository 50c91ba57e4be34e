#if canImport(Glibc)
import Glibc
#endif

/// The process that owns `org.freedesktop.NetworkManager`, as the bus daemon identifies it.
///
/// Every call goes to ``uniqueName`` (never to the well-known name), so the reply comes from the process that was
/// checked.
public struct NetworkManagerPeer: Sendable, Equatable {
    /// The owner's unique name, e.g. `:1.4`.
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

    /// Whether eapolctl, running as `ownUID` (nil: this process's effective uid), believes this owner: root's process
    /// always (NetworkManager runs as root, and the system bus lets only root own its name), otherwise only one of
    /// the same user.
    public func isTrusted(ownUID: UInt32? = nil) -> Bool {
        let own = ownUID ?? geteuid()
        return uid == 0 || uid == own
    }
}
