public import SupplicantClient

/// The Passpoint calls of wpa_supplicant the selection needs; ``Supplicant`` is the live implementation. A
/// ``SupplicantControlling`` that is not also this (a fake without Passpoint) makes Passpoint profiles fail with
/// `supplicant.interworking-unsupported`.
public protocol InterworkingControlling: Sendable {
    func globalSetting(_ name: String, of interface: SupplicantInterface) async throws -> String?
    func setGlobalSetting(_ name: String, to value: String, on interface: SupplicantInterface) async throws
    func addCred(_ plan: CredentialPlan, to interface: SupplicantInterface) async throws -> String
    func removeCred(_ path: String, from interface: SupplicantInterface) async throws
    func interworkingSelect(on interface: SupplicantInterface) async throws
    func describeBSS(_ path: String, of interface: SupplicantInterface) async throws -> BSSDescription
    func interworkingEvents(of interface: SupplicantInterface) -> AsyncThrowingStream<InterworkingEvent, any Error>
}

extension Supplicant: InterworkingControlling {}
