/// The status word of wpa_supplicant's `EAP(status, parameter)` signal (`wpas_notify_eap_status`).
public struct EAPStatus: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    /// EAP started (parameter empty).
    public static let started: Self = "started"
    /// The server proposed a method and wpa_supplicant took it (parameter: the method's name).
    public static let acceptProposedMethod: Self = "accept proposed method"
    /// The server proposed a method the network does not allow (parameter: the method's name).
    public static let refuseProposedMethod: Self = "refuse proposed method"
    /// The server certificate was checked (parameter `success` or `failure`).
    public static let remoteCertificateVerification: Self = "remote certificate verification"
    /// A TLS alert wpa_supplicant sent (parameter: the alert's description).
    public static let localTLSAlert: Self = "local TLS alert"
    /// A TLS alert the server sent (parameter: the alert's description).
    public static let remoteTLSAlert: Self = "remote TLS alert"
    /// The method needs a credential the network lacks (parameter: which, e.g. `password`).
    public static let eapParameterNeeded: Self = "eap parameter needed"
    /// EAP ended (parameter `success` or `failure`).
    public static let completion: Self = "completion"
}
