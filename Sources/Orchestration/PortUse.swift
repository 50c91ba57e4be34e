public import ProfileModel
public import SupplicantClient
public import StructuredErrors

/// How a profile is used on the port it authenticates on, decided from the profile's binding and the interface's
/// wpa_supplicant driver before any network is added.
///
/// A Wi-Fi profile carries everything an Ethernet port needs (EAP method, identities, trust, credentials), so on a
/// wired port it is used for those alone, with `key_mgmt=IEEE8021X`: a `WPA-EAP` network there would wait for a
/// 4-way handshake no switch sends. A wired profile names no network to join, so on a Wi-Fi interface it is refused.
public enum PortUse: String, Sendable, Equatable, CaseIterable {
    /// A wired profile on an Ethernet port, or a Wi-Fi profile on a Wi-Fi interface.
    case asBound = "as-bound"
    /// A Wi-Fi profile on an Ethernet port: its EAP settings and credentials only; SSID and Wi-Fi security unused.
    case eapSettingsOnWiredPort = "eap-settings-on-wired-port"

    /// Decides how `profile` is used on `interfaceName`, whose wpa_supplicant driver is `driver`.
    /// - Throws: ``ProfileError`` `wrong-port-kind` for a wired profile on a Wi-Fi interface, `wrong-interface` for a
    ///   wired profile restricted to another interface; both name the profile and the interface.
    public static func decide(profile: Profile, interfaceName: String, driver: InterfaceDriver) throws(ProfileError)
        -> PortUse {
        let details: [String: ErrorDetail] = [
            "profile": .string(profile.id.description), "profileName": .string(profile.name),
            "interface": .string(interfaceName), "driver": .string(driver.rawValue),
        ]
        switch (profile.binding, driver.isWired) {
        case (.wired(let restricted), true):
            if let restricted, restricted != interfaceName {
                var d = details
                d["restrictedTo"] = .string(restricted)
                throw ProfileError(
                    .wrongInterface,
                    "wired profile '\(profile.name)' is restricted to interface \(restricted), not \(interfaceName)",
                    hint: "Run it on \(restricted) (`eapolctl auth start --interface \(restricted) --profile \(profile.id)`), "
                        + "or lift the restriction: `eapolctl profile edit \(profile.id) --no-wired-interface`.",
                    details: d)
            }
            return .asBound
        case (.wired, false):
            throw ProfileError(
                .wrongPortKind,
                "wired profile '\(profile.name)' cannot be used on Wi-Fi interface \(interfaceName) (driver \(driver.rawValue)): it names no network to join",
                hint: "Pick a Wi-Fi profile for \(interfaceName) (`eapolctl profile list`), or run this one on an Ethernet port.",
                details: details)
        case (.wifi, true):
            return .eapSettingsOnWiredPort
        case (.wifi, false), (.passpoint, false):
            return .asBound
        case (.passpoint, true):
            throw ProfileError(
                .wrongPortKind,
                "Passpoint profile '\(profile.name)' cannot be used on wired interface \(interfaceName) (driver \(driver.rawValue)): Passpoint is a Wi-Fi mechanism",
                hint: "Run it on a Wi-Fi interface (`eapolctl auth start --interface WLAN --profile \(profile.id)`).",
                details: details)
        }
    }

    /// The network binding the supplicant gets for `spec` used this way.
    public func binding(for spec: NetworkSpec) -> NetworkSpec.Binding {
        switch self {
        case .asBound: spec.binding
        case .eapSettingsOnWiredPort: .wired
        }
    }
}
