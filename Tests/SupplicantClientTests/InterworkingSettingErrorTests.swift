import DBusKit
import StructuredErrors
import Testing
@testable import SupplicantClient

/// A failed `Set` of an interworking setting says what happened: only a property wpa_supplicant does not have means
/// "built without Passpoint"; a refused value, a refusal by the bus or a vanished supplicant keep their own errors.
@Suite struct InterworkingSettingErrorTests {
    static let iface = SupplicantInterface(path: "/fi/w1/wpa_supplicant1/Interfaces/1", name: "wlan1", driver: .nl80211, created: false)

    static func remote(_ name: String, _ text: String) -> DBusError {
        DBusError(.remoteError, "\(name): \(text)", details: ["dbus.error": .string(name), "dbus.message": .string(text)])
    }

    static func failure(_ error: DBusError) -> any Error {
        Supplicant.settingFailure(error, name: "Interworking", value: "1", interface: iface)
    }

    @Test func aMissingPropertyIsABuildWithoutPasspoint() throws {
        for error in [Self.remote("org.freedesktop.DBus.Error.InvalidArgs", "No such property"),
                      Self.remote("org.freedesktop.DBus.Error.UnknownProperty", "Unknown property Interworking")] {
            let mapped = try #require(Self.failure(error) as? SupplicantError)
            #expect(mapped.code == .interworkingUnsupported, "\(mapped)")
            #expect(mapped.details["method"] == .string("Set(Interworking)"))
        }
    }

    /// A value wpa_supplicant 2.10 refuses ("Failed to set interface property Interworking", seen in the Wi-Fi VM with
    /// `busctl set-property … Interworking s bogus`; "No such property" is what a missing one gives) is not a missing
    /// feature, whichever error name carries it.
    @Test(arguments: ["org.freedesktop.DBus.Error.InvalidArgs", "org.freedesktop.DBus.Error.Failed"])
    func aRefusedValueIsNotReportedAsMissingPasspoint(errorName: String) throws {
        let mapped = try #require(Self.failure(Self.remote(errorName, "Failed to set interface property Interworking"))
                                  as? SupplicantError)
        #expect(mapped.code == .unexpectedState, "\(mapped)")
        #expect(mapped.message.contains("Interworking") && mapped.message.contains("wlan1")
                && mapped.message.contains("Failed to set interface property"), "\(mapped.message)")
        #expect(mapped.details["setting"] == .string("Interworking") && mapped.details["value"] == .string("1"))
        // Its own hint, not unexpected-state's generic "report the state named in the message".
        #expect(mapped.hint.contains("journalctl -u wpa_supplicant") && mapped.hint.contains("--ssid SSID"), "\(mapped.hint)")
    }

    @Test func busRefusalsAndAVanishedSupplicantKeepTheirErrors() throws {
        let denied = try #require(Self.failure(DBusError(.accessDenied, "refused")) as? DBusError)
        #expect(denied.code == .accessDenied && denied.hint.contains("netdev"))
        let remoteDenied = try #require(Self.failure(Self.remote("org.freedesktop.DBus.Error.AccessDenied", "refused")) as? DBusError)
        #expect(remoteDenied.code == .remoteError)
        let gone = try #require(Self.failure(Self.remote("org.freedesktop.DBus.Error.NoReply", "no reply")) as? SupplicantError)
        #expect(gone.code == .vanished)
        let slow = try #require(Self.failure(DBusError(.timeout, "slow")) as? DBusError)
        #expect(slow.code == .timeout)
    }
}
