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
        /// `eapolctl-watch@IF.service`.
        public let unit: String
        /// `enabled`, `disabled`, or `manual` (the service manager is not available: run `command`).
        public let action: String
        /// The command to run when `action` is `manual`.
        public let command: String?
        /// Why the unit was not managed.
        public let reason: String?
    }

    /// `setSystemProfile`: writes the configuration, then enables the unit. If enabling fails, the configuration
    /// stays written (the error says so and names the command to retry).
    public func set(interface: String, profileID: ProfileID) throws -> (entry: SystemProfileEntry, service: ServiceOutcome) {
        let entry = try configuration.set(interface: interface, profileID: profileID)
        let unit = WatchUnit.name(interface: interface)
        if let reason = services.unavailableReason {
            return (entry, ServiceOutcome(unit: unit, action: "manual", command: WatchUnit.enableCommand(interface: interface),
                                          reason: reason))
        }
        do {
            try services.enable(unit: unit)
        } catch let error as any StructuredError {
            throw SystemError(.commandFailed,
                              "the system profile of \(interface) was saved, but \(unit) could not be enabled: \(error.message)",
                              hint: error.hint, details: error.details.merging(["configured": .bool(true)]) { a, _ in a })
        }
        return (entry, ServiceOutcome(unit: unit, action: "enabled", command: nil, reason: nil))
    }

    /// `clearSystemProfile`: removes the configuration, then disables the unit (also when no configuration was left,
    /// so a unit enabled by hand stops too). Returns the removed entry (nil when there was none).
    public func clear(interface: String) throws -> (removed: SystemProfileEntry?, service: ServiceOutcome) {
        let existing = try? configuration.get(interface: interface)
        let removed = try configuration.clear(interface: interface)
        let unit = WatchUnit.name(interface: interface)
        if let reason = services.unavailableReason {
            return (removed ? existing : nil,
                    ServiceOutcome(unit: unit, action: "manual", command: WatchUnit.disableCommand(interface: interface),
                                   reason: reason))
        }
        try services.disable(unit: unit)
        return (removed ? existing : nil, ServiceOutcome(unit: unit, action: "disabled", command: nil, reason: nil))
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

    /// `watch --system`: the profile ID `interface` authenticates with, or `profile.no-system-profile`.
    public func requireProfile(interface: String, isWired: Bool) throws -> (entry: SystemProfileEntry, source: SystemProfiles.Source) {
        guard let found = try configuration.resolve(interface: interface, isWired: isWired) else {
            throw ProfileError(.noSystemProfile,
                               "\(interface) has no system profile" + (isWired ? " and there is no system Ethernet profile" : ""),
                               hint: "Set one with `eapolctl setSystemProfile --interface \(interface) --profileID ID` (`eapolctl profile list` shows the IDs).",
                               details: ["interface": .string(interface)])
        }
        return found
    }
}
