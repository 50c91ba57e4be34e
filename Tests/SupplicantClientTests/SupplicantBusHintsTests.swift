import DBusKit
import Foundation
import StructuredErrors
import Testing
@testable import SupplicantClient

/// DBusKit's hints name no service; the supplicant's bus errors carry the wpa_supplicant hints they always had
/// (the `netdev` group, the unit to start).
@Suite("Supplicant bus hints")
struct SupplicantBusHintsTests {
    @Test("a refused call names the netdev group, as DBusKit's access-denied hint did")
    func callDenied() {
        let error = SupplicantBusHints.calling(DBusError(.accessDenied, "refused", details: ["dbus.error": "x"]))
        #expect(error.code == .accessDenied)
        #expect(error.message == "refused")
        #expect(error.details["dbus.error"] == "x")
        #expect(error.hint == "Run as root, or add your user to the `netdev` group to talk to wpa_supplicant.")
        #expect(SupplicantBusHints.calling(DBusError(.serviceUnknown, "gone")).hint
                == "Start the service (for wpa_supplicant: systemctl start wpa_supplicant) and try again.")
        let timeout = DBusError(.timeout, "slow")
        #expect(SupplicantBusHints.calling(timeout).hint == timeout.hint)
    }

    @Test("a refused connection names the netdev group; an unreachable system bus adds it to the bus check")
    func connectionHints() {
        let denied = SupplicantBusHints.connecting(DBusError(.accessDenied, "no"), systemBus: false)
        #expect(denied.hint == "Run as root, or as a member of the `netdev` group to talk to wpa_supplicant.")
        let libdbus: [String: ErrorDetail] = ["dbus.error": "org.freedesktop.DBus.Error.FileNotFound"]
        #expect(SupplicantBusHints.connecting(DBusError(.busUnreachable, "down", details: libdbus), systemBus: true).hint
                == "Is the system bus running (systemctl status dbus)? To talk to wpa_supplicant, run as root or as a member of the `netdev` group.")
        let otherBus = DBusError(.busUnreachable, "down", hint: "Is a bus listening at x?", details: libdbus)
        #expect(SupplicantBusHints.connecting(otherBus, systemBus: false).hint == "Is a bus listening at x?")
    }

    // Supplicant.connect's system-bus path is not exercised here: pointing DBUS_SYSTEM_BUS_ADDRESS elsewhere would
    // change the bus of every test running in the same process at that moment.
    @Test("Supplicant.connect to another bus that is unreachable keeps DBusKit's hint")
    func connectKeepsOtherBusHint() async throws {
        let address = "unix:path=/tmp/supplicant-hints-\(UUID().uuidString.prefix(8))/bus.sock"
        do {
            _ = try await Supplicant.connect(busAddress: address)
            Issue.record("connected to \(address)")
        } catch let error as DBusError {
            #expect(error.code == .busUnreachable)
            #expect(error.message.contains(address))
            #expect(error.hint.contains("listening"))
            #expect(!error.hint.contains("netdev"))
        }
    }
}
