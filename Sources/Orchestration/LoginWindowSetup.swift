public import ProfileModel

/// The use cases behind `setLoginWindowProfiles` / `clearLoginWindowProfiles` / `getLoginWindowInterfaces`: the
/// lists (``LoginWindowProfiles``) together with the interface's watch unit, as ``SystemProfileSetup`` does for
/// system profiles (one unit per interface serves both).
extension SystemProfileSetup {
    /// `setLoginWindowProfiles`: writes the list (checked: 1 to 8 profiles, none twice), then enables the unit. If
    /// enabling fails, the list stays written (the error says so).
    public func setLoginWindow(interface: String, profileIDs: [ProfileID]) throws -> (entry: LoginWindowEntry, service: ServiceOutcome) {
        let entry = try loginWindow.set(interface: interface, profileIDs: profileIDs)
        return (entry, try enableUnit(interface: interface, configured: "the login-window profiles"))
    }

    /// `clearLoginWindowProfiles`: removes the list, then disables the unit unless the interface's system profile
    /// still needs it. Returns the removed list (nil when there was none).
    public func clearLoginWindow(interface: String) throws -> (removed: LoginWindowEntry?, service: ServiceOutcome) {
        let existing = try? loginWindow.get(interface: interface)
        let removed = try loginWindow.clear(interface: interface)
        let stillNeeded = (try? configuration.get(interface: interface)) != nil
        return (removed ? existing : nil,
                try disableUnit(interface: interface, keepBecause: stillNeeded ? "\(interface) still has a system profile" : nil))
    }

    /// One line of `getLoginWindowInterfaces --details`.
    public struct LoginWindowStatus: Sendable, Hashable {
        public let entry: LoginWindowEntry
        public let unit: String
        /// `systemctl is-active` of the unit; nil when systemd is not available.
        public let unitState: String?
        /// The interface also has a system profile, which `watch --system` uses instead of the list.
        public let shadowedBySystemProfile: Bool
    }

    /// Every interface with login-window profiles and the state of its unit.
    public func loginWindowInterfaces() throws -> [LoginWindowStatus] {
        try loginWindow.all().map { entry in
            let unit = WatchUnit.name(interface: entry.interface)
            return LoginWindowStatus(entry: entry, unit: unit, unitState: services.activeState(unit: unit),
                                     shadowedBySystemProfile: (try? configuration.get(interface: entry.interface)) != nil)
        }
    }
}
