import DBusKit
import StructuredErrors

/// Passpoint (Hotspot 2.0) over wpa_supplicant 2.10's D-Bus API: credentials, the interworking settings, the
/// selection and its signals, and the BSS facts a match is reported with. Only in builds with CONFIG_INTERWORKING
/// (Debian's has it); without it every call here is `supplicant.interworking-unsupported`.
extension Supplicant {
    /// The D-Bus interface of BSS objects.
    static let bssInterface = "fi.w1.wpa_supplicant1.BSS"

    /// Adds a credential (`AddCred`) with the plan's properties (blobs must already be added).
    /// - Returns: the credential's object path.
    /// - Throws: ``SupplicantError`` `interworking-unsupported` when the build lacks interworking,
    ///   `invalid-network-config` when wpa_supplicant rejects the properties.
    public func addCred(_ plan: CredentialPlan, to interface: SupplicantInterface) async throws -> String {
        let pairs = plan.properties.map { ($0.key, $0.value.dbusValue) }
        do {
            let reply = try await interfaceCall(interface, "AddCred", [.stringVariantDictionary(ordered: pairs)])
            guard let path = reply.first?.objectPathValue,
                  InterworkingSignalDecoder.isChild(path, of: interface.path, part: "Credentials") else {
                throw SupplicantError(.invalidNetworkConfig, "AddCred on \(interface.name) returned no credential path",
                                      details: ["interface": .string(interface.name)])
            }
            return path
        } catch let error as DBusError where Self.isUnknownMethod(error) {
            throw Self.unsupported(interface, method: "AddCred")
        } catch let error as DBusError where error.code == .remoteError {
            throw SupplicantError(.invalidNetworkConfig,
                                  "wpa_supplicant rejected the Passpoint credential for \(interface.name): \(error.remoteErrorMessage ?? error.message)",
                                  details: ["interface": .string(interface.name), "keys": .list(plan.keys)])
        }
    }

    /// Removes a credential (`RemoveCred`); one wpa_supplicant no longer has is not an error.
    public func removeCred(_ path: String, from interface: SupplicantInterface) async throws {
        do {
            _ = try await interfaceCall(interface, "RemoveCred", [.objectPath(path)])
        } catch let error as DBusError where error.remoteErrorName?.hasSuffix("InvalidArgs") == true {
            return
        }
    }

    /// Starts an interworking selection (`InterworkingSelect`): a scan, ANQP queries, then `InterworkingAPAdded`
    /// per matching access point and `InterworkingSelectDone`. Over D-Bus, 2.10 never connects by itself here.
    public func interworkingSelect(on interface: SupplicantInterface) async throws {
        do {
            _ = try await interfaceCall(interface, "InterworkingSelect")
        } catch let error as DBusError where Self.isUnknownMethod(error) {
            throw Self.unsupported(interface, method: "InterworkingSelect")
        }
    }

    /// A global setting exposed as an interface property of type `s` (`Interworking`, `Hs20`, …); nil when unset.
    public func globalSetting(_ name: String, of interface: SupplicantInterface) async throws -> String? {
        do {
            return try await property(name, of: interface).stringValue
        } catch let error as DBusError where error.remoteErrorName?.hasSuffix("InvalidArgs") == true
                    || error.remoteErrorName?.hasSuffix("UnknownProperty") == true {
            throw Self.unsupported(interface, method: "Get(\(name))")
        }
    }

    /// Writes a global setting (`Interworking`, `Hs20`) as the string wpa_supplicant's config file would hold.
    public func setGlobalSetting(_ name: String, to value: String, on interface: SupplicantInterface) async throws {
        let connection = self.connection
        let timeout = callTimeout
        let owner = peer.uniqueName
        do {
            try await connection.setProperty(destination: owner, path: interface.path, interface: SupplicantNames.interface,
                                             name: name, value: .string(value), timeout: timeout)
        } catch let error as DBusError {
            throw Self.settingFailure(error, name: name, value: value, interface: interface)
        }
    }

    /// What a failed `Set` of a global setting means. Only a property wpa_supplicant does not have (`UnknownProperty`,
    /// or 2.10's `InvalidArgs` "No such property") is a build without Passpoint; a value it refuses (2.10's
    /// `InvalidArgs` "wpa_config_process_global failed", `Failed`) is `unexpected-state` naming the setting, the value
    /// and wpa_supplicant's words; refusals by the bus, timeouts and a vanished supplicant keep their own errors.
    static func settingFailure(_ error: DBusError, name: String, value: String, interface: SupplicantInterface) -> any Error {
        let member = "Set(\(name))"
        guard error.code == .remoteError else { return translate(error, member: member) }
        let remoteName = error.remoteErrorName ?? ""
        let remoteText = error.remoteErrorMessage ?? error.message
        if remoteName == "org.freedesktop.DBus.Error.UnknownProperty" || isUnknownMethod(error)
            || (remoteName == "org.freedesktop.DBus.Error.InvalidArgs" && remoteText.localizedCaseInsensitiveContains("no such property")) {
            return unsupported(interface, method: member)
        }
        if remoteName == "org.freedesktop.DBus.Error.AccessDenied" || goneErrorNames.contains(remoteName) {
            return translate(error, member: member)
        }
        return SupplicantError(.unexpectedState,
                               "wpa_supplicant refused to set \(name) to \(value) on \(interface.name): "
                                   + "\(remoteName.isEmpty ? "" : remoteName + ": ")\(remoteText)",
                               hint: "wpa_supplicant's log says why it refused the setting (journalctl -u wpa_supplicant); "
                                   + "until it takes it, connect by SSID with a Wi-Fi profile: "
                                   + "`eapolctl profile create --name NAME --ssid SSID ...`.",
                               details: ["interface": .string(interface.name), "method": .string(member),
                                         "setting": .string(name), "value": .string(value),
                                         "dbus.error": .string(remoteName)])
    }

    /// The SSID, BSSID, frequency and beacon OIs of a BSS object of `interface`.
    public func describeBSS(_ path: String, of interface: SupplicantInterface) async throws -> BSSDescription {
        guard InterworkingSignalDecoder.isChild(path, of: interface.path, part: "BSSs") else {
            throw SupplicantError(.unexpectedState, "'\(path)' is not a BSS of \(interface.name)",
                                  details: ["bss": .string(path)])
        }
        let ssid = try await property("SSID", path: path, interface: Self.bssInterface).bytesValue ?? []
        let bssid = try await property("BSSID", path: path, interface: Self.bssInterface).bytesValue ?? []
        let frequency = try await property("Frequency", path: path, interface: Self.bssInterface).int64Value ?? 0
        let ies = try await property("IEs", path: path, interface: Self.bssInterface).bytesValue ?? []
        // Not cut to size: the selector refuses an SSID or BSSID of the wrong length instead of connecting to a prefix.
        return BSSDescription(ssid: ssid, bssid: bssid, frequency: Int(frequency),
                              advertisedOIs: BSSDescription.roamingConsortiumOIs(inInformationElements: ies))
    }

    /// The interworking signals of `interface`, decoded, from the verified owner only, plus `supplicantVanished`.
    /// Subscribe before `InterworkingSelect`. The stream ends when the consuming task is cancelled.
    public func interworkingEvents(of interface: SupplicantInterface) -> AsyncThrowingStream<InterworkingEvent, any Error> {
        let path = interface.path
        return ownerSignals(MatchRule(sender: peer.uniqueName, path: path, interface: SupplicantNames.interface),
                            vanished: .supplicantVanished) { InterworkingSignalDecoder.events(from: $0, interfacePath: path) }
    }

    static func isUnknownMethod(_ error: DBusError) -> Bool {
        error.remoteErrorName == "org.freedesktop.DBus.Error.UnknownMethod"
    }

    static func unsupported(_ interface: SupplicantInterface, method: String) -> SupplicantError {
        SupplicantError(.interworkingUnsupported,
                        "wpa_supplicant has no Passpoint support (\(method) failed on \(interface.name)): it was built without CONFIG_INTERWORKING/CONFIG_HS20",
                        details: ["interface": .string(interface.name), "method": .string(method)])
    }
}
