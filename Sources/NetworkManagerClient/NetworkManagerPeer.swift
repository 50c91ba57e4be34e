public import DBusKit

/// The process that owns `org.freedesktop.NetworkManager`, as the bus daemon identifies it (DBusKit's
/// ``BusNameOwner``: every call goes to its unique name, and ``BusNameOwner/isTrusted(ownUID:)`` is the rule it is
/// believed by, the same as for wpa_supplicant: root's process, or one of eapolctl's own user).
public typealias NetworkManagerPeer = BusNameOwner
