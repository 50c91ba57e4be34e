import DBusKit

extension Supplicant {
    /// Removes wpa_supplicant's interface for `name` (RemoveInterface), if it has one; returns whether it did.
    ///
    /// For a link that no longer exists: wpa_supplicant's wired driver keeps the interface of a deleted link, and a
    /// new link of the same name would never see EAP frames through it. Never called for a link that is present.
    @discardableResult
    public func removeInterface(named name: String) async throws -> Bool {
        guard let interface = try await existingInterface(named: name) else { return false }
        do {
            _ = try await call(SupplicantNames.rootPath, SupplicantNames.rootInterface, "RemoveInterface",
                               [.objectPath(interface.path)])
            return true
        } catch let error as DBusError where error.remoteErrorName == "fi.w1.wpa_supplicant1.InterfaceUnknown" {
            return false
        }
    }
}
