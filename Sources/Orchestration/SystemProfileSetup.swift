import Foundation
public import ProfileModel
import StructuredErrors

/// The use cases behind `setSystemProfile` / `clearSystemProfile` / `getSystemInterfaces`: the system configuration
/// (``SystemProfiles``) together with the interface's watch unit (``WatchServiceManaging``).
public struct SystemProfileSetup: Sendable {
    public let configuration: SystemProfiles
    public let services: any WatchServiceManaging

    public init(configuration: SystemProfiles, services: any WatchServiceManaging) {
        self.configuration = configuration
        self.services = services
    }

    /// What happened to the watch unit.
    public struct ServiceOutcome: Sendable, Hashable, Encodable {
        /// What was done (JSON: the raw value).
        public enum Action: String, Sendable, Hashable, Encodable {
            /// `systemctl enable --now` ran.
            case enabled
            /// `systemctl disable --now` ran.
            case disabled
            /// The unit was left running: the interface's other system configuration (its system profile or its
            /// login-window list) still needs it.
            case kept
            /// The service manager is not available: run `command`.
            case manual
        }

        /// `eapolctl-watch@IF.service`.
        public let unit: String
        public let action: Action
        /// The command to run when `action` is `manual`.
        public let command: String?
        /// Why the unit was not managed, or why it was kept.
        public let reason: String?
    }

    /// `setSystemProfile`: writes the configuration, then enables the unit. If enabling fails, the configuration
    /// stays written (the error says so and names the command to retry).
    public func set(interface: String, profileID: ProfileID) throws -> (entry: SystemProfileEntry, service: ServiceOutcome) {
        let entry = try configuration.set(interface: interface, profileID: profileID)
        return (entry, try enableUnit(interface: interface, configured: "the system profile"))
    }

    /// `clearSystemProfile`: removes the configuration, then disables the unit (also when no configuration was left,
    /// so a unit enabled by hand stops too) unless the interface's login-window list still needs it. Returns the
    /// removed entry (nil when there was none).
    public func clear(interface: String) throws -> (removed: SystemProfileEntry?, service: ServiceOutcome) {
        let existing = try? configuration.get(interface: interface)
        let removed = try configuration.clear(interface: interface)
        let stillNeeded = (try? loginWindow.get(interface: interface)) != nil
        return (removed ? existing : nil,
                try disableUnit(interface: interface, keepBecause: stillNeeded ? "\(interface) still has login-window profiles" : nil))
    }

    /// The login-window lists beside ``configuration``.
    public var loginWindow: LoginWindowProfiles { LoginWindowProfiles(stateDirectory: configuration.stateDirectory) }

    /// Enables `eapolctl-watch@IF.service` after `configured` was saved (or says what to run without systemd).
    func enableUnit(interface: String, configured: String) throws -> ServiceOutcome {
        let unit = WatchUnit.name(interface: interface)
        if let reason = services.unavailableReason {
            return ServiceOutcome(unit: unit, action: .manual, command: WatchUnit.enableCommand(interface: interface), reason: reason)
        }
        do {
            try services.enable(unit: unit)
        } catch let error as any StructuredError {
            throw SystemError(.commandFailed,
                              "\(configured) of \(interface) was saved, but \(unit) could not be enabled: \(error.message)",
                              hint: error.hint, details: error.details.merging(["configured": .bool(true)]) { a, _ in a })
        }
        return ServiceOutcome(unit: unit, action: .enabled, command: nil, reason: nil)
    }

    /// Disables `eapolctl-watch@IF.service`, unless `keepBecause` says why the unit is still needed.
    func disableUnit(interface: String, keepBecause: String?) throws -> ServiceOutcome {
        let unit = WatchUnit.name(interface: interface)
        if let keepBecause { return ServiceOutcome(unit: unit, action: .kept, command: nil, reason: keepBecause) }
        if let reason = services.unavailableReason {
            return ServiceOutcome(unit: unit, action: .manual, command: WatchUnit.disableCommand(interface: interface), reason: reason)
        }
        try services.disable(unit: unit)
        return ServiceOutcome(unit: unit, action: .disabled, command: nil, reason: nil)
    }

    /// One line of `getSystemInterfaces --details`.
    public struct InterfaceStatus: Sendable, Hashable {
        public let entry: SystemProfileEntry
        public let unit: String
        /// `systemctl is-active` of the unit; nil when systemd is not available.
        public let unitState: String?
    }

    /// Every interface with a system profile and the state of its unit.
    public func interfaces() throws -> [InterfaceStatus] {
        try configuration.all().map { entry in
            let interface = entry.interface ?? ""
            let unit = WatchUnit.name(interface: interface)
            return InterfaceStatus(entry: entry, unit: unit, unitState: services.activeState(unit: unit))
        }
    }
}
