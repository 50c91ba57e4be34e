public import DBusKit
public import StructuredErrors
#if canImport(Glibc)
import Glibc
#endif

/// The process eapolctl talks to as wpa_supplicant, identified by the bus daemon (not by anything it says itself).
///
/// Every method call goes to ``uniqueName``, never to the well-known name: a unique name is never reused during a
/// bus's lifetime, so a call can only reach the process that was verified, even if the well-known name changes hands
/// between the check and the call.
public struct SupplicantPeer: Sendable, Equatable {
    /// Where the bus address came from.
    public enum BusSource: String, Sendable, Equatable {
        /// The standard system bus socket.
        case system
        /// The system bus named by `DBUS_SYSTEM_BUS_ADDRESS` in the environment.
        case environment = "DBUS_SYSTEM_BUS_ADDRESS"
        /// An address given on the command line (`--bus`).
        case option = "--bus"
    }

    /// The owner's unique name, e.g. `:1.7`.
    public var uniqueName: String
    /// Its Unix user id, from `GetConnectionUnixUser`.
    public var uid: UInt32
    /// Its process id, from `GetConnectionUnixProcessID` (nil when the bus cannot tell).
    public var pid: UInt32?
    /// The bus address.
    public var busAddress: String
    public var busSource: BusSource

    public init(uniqueName: String, uid: UInt32, pid: UInt32?, busAddress: String, busSource: BusSource) {
        self.uniqueName = uniqueName
        self.uid = uid
        self.pid = pid
        self.busAddress = busAddress
        self.busSource = busSource
    }

    /// Whether a supplicant of user `uid` may receive the secrets of a process running as `ownUID`: root's
    /// supplicant always; otherwise only one run by the same user (who can read their own secrets anyway). A root
    /// eapolctl therefore trusts only a root supplicant. The rule is DBusKit's ``BusNameOwner/isTrusted(uid:ownUID:)``,
    /// which NetworkManager's owner is held to as well.
    public static func isTrusted(uid: UInt32, ownUID: UInt32) -> Bool {
        BusNameOwner.isTrusted(uid: uid, ownUID: ownUID)
    }

    /// Throws ``DBusErrorCode/untrustedPeer`` unless ``isTrusted(uid:ownUID:)``; `ownUID` nil means this process's
    /// effective uid.
    public func checkTrusted(ownUID: UInt32? = nil) throws(DBusError) {
        let ownUID = ownUID ?? geteuid()
        guard !Self.isTrusted(uid: uid, ownUID: ownUID) else { return }
        let process = pid.map { "pid \($0)" } ?? "unknown pid"
        let who = ownUID == 0 ? "root" : "uid \(ownUID)"
        var details: [String: ErrorDetail] = ["name": .string(SupplicantNames.service), "owner": .string(uniqueName),
                                              "uid": .int(Int(uid)), "bus": .string(busAddress),
                                              "busSource": .string(busSource.rawValue)]
        if let pid { details["pid"] = .int(Int(pid)) }
        let look = pid.map { "`ps -o user,pid,cmd -p \($0)`" } ?? "`busctl --system status \(SupplicantNames.service)`"
        throw DBusError(.untrustedPeer,
                        "\(SupplicantNames.service) on \(busAddress) is owned by \(uniqueName), a process of uid \(uid) (\(process)); eapolctl, running as \(who), sends passwords and keys only to a wpa_supplicant run by root",
                        hint: "See what it is with \(look); stop it and run wpa_supplicant as root (systemctl restart wpa_supplicant).",
                        details: details)
    }

    /// Resolves and verifies the current owner of `fi.w1.wpa_supplicant1` on `connection`.
    /// - Returns: nil when nobody owns the name.
    /// - Throws: ``DBusErrorCode/untrustedPeer``, or the bus's own errors.
    static func resolve(on connection: DBusConnection, busSource: BusSource,
                        timeout: Duration) async throws -> SupplicantPeer? {
        guard let owner = try await connection.owner(of: SupplicantNames.service, timeout: timeout) else {
            return nil
        }
        let peer = SupplicantPeer(uniqueName: owner.uniqueName, uid: owner.uid, pid: owner.pid,
                                  busAddress: connection.address, busSource: busSource)
        try peer.checkTrusted()
        return peer
    }
}
