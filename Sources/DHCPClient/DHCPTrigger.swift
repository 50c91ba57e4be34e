/// Something that can obtain or refresh a DHCP lease on an interface.
///
/// Orchestration depends on this protocol only, so it can be unit-tested with a fake.
public protocol DHCPTrigger: Sendable {
    /// The backend this trigger drives.
    var backend: DHCPBackend { get }

    /// Obtains or refreshes the lease on `interface` and applies it.
    /// - Parameters:
    ///   - interface: the interface name, e.g. `eth0`.
    ///   - timeout: the whole budget for the exchange (all retransmissions included).
    /// - Returns: the lease that is now in effect.
    /// - Throws: `DHCPError` (`no-server`, `nak`, `interface-down`, `interface-gone`, `backend-missing`,
    ///   `backend-failed`, `permission-denied`, `invalid-lease`).
    func renew(interface: String, timeout: Duration) async throws -> DHCPResult

    /// Gives the lease on `interface` back to the server and removes the address.
    /// - Throws: `DHCPError`.
    func release(interface: String) async throws
}
