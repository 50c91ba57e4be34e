/// The D-Bus names of wpa_supplicant's API and of the things eapolctl adds to it.
public enum SupplicantNames {
    /// The bus name of wpa_supplicant.
    public static let service = "fi.w1.wpa_supplicant1"
    /// The root object.
    public static let rootPath = "/fi/w1/wpa_supplicant1"
    /// The root interface.
    public static let rootInterface = "fi.w1.wpa_supplicant1"
    /// The per-interface D-Bus interface.
    public static let interface = "fi.w1.wpa_supplicant1.Interface"
    /// The network D-Bus interface.
    public static let network = "fi.w1.wpa_supplicant1.Network"
    /// The standard properties interface.
    public static let properties = "org.freedesktop.DBus.Properties"
    /// The start of every `id_str` eapolctl gives its networks; the profile UUID follows.
    public static let idStringPrefix = "eapolctl:"
    /// The start of every blob name eapolctl adds (`eapolctl-XXXXXXXX-ca`, …).
    public static let blobPrefix = "eapolctl"

    /// The `id_str` of a network added for `profileID`.
    public static func idString(profileID: String) -> String { idStringPrefix + profileID }

    /// What follows the prefix in the `id_str` of a network eapolctl added (a profile ID, or `probe`); nil for
    /// another network's `id_str`, or none.
    public static func tag(ofIDString idString: String?) -> String? {
        guard let idString, idString.hasPrefix(idStringPrefix) else { return nil }
        return String(idString.dropFirst(idStringPrefix.count))
    }

    /// Whether `idString` is the `id_str` of a network eapolctl added.
    public static func isOurs(idString: String?) -> Bool { tag(ofIDString: idString) != nil }

    /// `CurrentAuthMode` while no authentication is in effect.
    public static let inactiveAuthMode = "INACTIVE"

    /// `CurrentAuthMode` while an EAP round runs that has not chosen its method yet (e.g. one the authenticator
    /// restarted right after success: ``SupplicantSnapshot/isRestartingEAP(network:)``).
    public static let methodPendingAuthMode = "EAP-UNKNOWN-EAP"

    /// `mode` (a `CurrentAuthMode` value) when an authentication is in effect; nil for `INACTIVE` or empty.
    public static func activeAuthMode(_ mode: String) -> String? {
        mode == inactiveAuthMode || mode.isEmpty ? nil : mode
    }
}

/// The field a `NetworkRequest` signal asks for (`wpa_supplicant_ctrl_req_type`'s names); unknown fields are kept.
public struct NetworkRequestField: RawRepresentable, Sendable, Hashable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The EAP password (`password=`).
    public static let password = NetworkRequestField(rawValue: "PASSWORD")
    /// The EAP identity (`identity=`).
    public static let identity = NetworkRequestField(rawValue: "IDENTITY")
}
