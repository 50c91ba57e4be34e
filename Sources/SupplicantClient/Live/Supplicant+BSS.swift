import DBusKit

extension Supplicant {
    /// The BSS the interface is associated with (`CurrentBSS`), described; nil when there is none.
    /// - Throws: ``SupplicantError`` `vanished`, or a DBus error.
    public func currentBSS(of interface: SupplicantInterface) async throws -> BSSDescription? {
        guard let path = try await property("CurrentBSS", of: interface).objectPathValue, path != "/" else { return nil }
        return try await describeBSS(path, of: interface)
    }

    /// Asks wpa_supplicant to roam to `bssid` on the current network (`Roam`, wpa_supplicant ≥ 2.10; the BSS must be
    /// in its scan results). `bssid` is `aa:bb:cc:dd:ee:ff`.
    /// - Throws: ``SupplicantError`` `vanished`, or a DBus error (e.g. `fi.w1.wpa_supplicant1.InvalidArgs` for a BSS
    ///   it does not know).
    public func roam(_ interface: SupplicantInterface, to bssid: String) async throws {
        _ = try await interfaceCall(interface, "Roam", [.string(bssid)])
    }
}

extension Supplicant {
    /// Starts `request`'s scan on `interface` (`Scan`); the interface's `ScanDone` signal says when it ended. Returns
    /// once wpa_supplicant accepted the request.
    /// - Throws: ``SupplicantError`` `vanished`, or a DBus error (e.g. `fi.w1.wpa_supplicant1.Interface.ScanError`).
    public func scan(_ request: ScanRequest, on interface: SupplicantInterface) async throws {
        _ = try await interfaceCall(interface, "Scan", request.arguments)
    }
}
