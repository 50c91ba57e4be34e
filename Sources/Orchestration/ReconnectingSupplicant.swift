public import SupplicantClient

/// What `watch` needs beyond authentication: restarting EAPOL after a link flap and following the supplicant's
/// presence on the bus. ``Supplicant`` is the live implementation; tests use fakes.
public protocol ReconnectingSupplicant: SupplicantControlling {
    /// `Reassociate` on the interface.
    func reassociate(_ interface: SupplicantInterface) async throws
    /// `false` when wpa_supplicant leaves the bus, `true` when it comes back.
    func presenceChanges() -> AsyncThrowingStream<Bool, any Error>
}

extension Supplicant: ReconnectingSupplicant {}
