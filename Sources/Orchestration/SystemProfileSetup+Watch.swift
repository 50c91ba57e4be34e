public import ProfileModel
import StructuredErrors

/// What `watch --system` authenticates an interface with: its system profile, else its login-window list, else (a
/// wired interface) the system Ethernet profile.
public enum SystemWatchChoice: Sendable, Hashable {
    /// `setSystemProfile --interface IF`.
    case systemProfile(SystemProfileEntry)
    /// `setLoginWindowProfiles --interface IF`: tried in order until one authenticates.
    case loginWindow(LoginWindowEntry)
    /// `setSystemEthernetProfile` (a wired interface with neither of the above).
    case ethernet(SystemProfileEntry)

    /// The profiles in the order to try (one, except for a login-window list).
    public var profileIDs: [ProfileID] {
        switch self {
        case .systemProfile(let entry), .ethernet(let entry): [entry.profileID]
        case .loginWindow(let entry): entry.profileIDs
        }
    }

    /// The command that sets this configuration again (repair hints).
    public func repairCommand(interface: String) -> String {
        switch self {
        case .systemProfile: "eapolctl setSystemProfile --interface \(interface) --profileID ID"
        case .loginWindow: "eapolctl setLoginWindowProfiles --interface \(interface) --profileID ID"
        case .ethernet: "eapolctl setSystemEthernetProfile --profileID ID"
        }
    }
}

extension SystemProfileSetup {
    /// `watch --system`: what `interface` authenticates with, or `profile.no-system-profile`.
    public func requireWatchChoice(interface: String, isWired: Bool) throws -> SystemWatchChoice {
        if let own = try configuration.get(interface: interface) { return .systemProfile(own) }
        if let list = try loginWindow.get(interface: interface) { return .loginWindow(list) }
        if isWired, let ethernet = try configuration.ethernet() { return .ethernet(ethernet) }
        throw ProfileError(.noSystemProfile,
                           "\(interface) has no system profile, no login-window profiles"
                               + (isWired ? " and there is no system Ethernet profile" : " (and is not wired, so the system Ethernet profile does not apply)"),
                           hint: "Set one with `eapolctl setSystemProfile --interface \(interface) --profileID ID` (`eapolctl profile list` shows the IDs).",
                           details: ["interface": .string(interface)])
    }

    /// Whether `interface` has a configuration of its own (a system profile or a login-window list): its
    /// `eapolctl-watch@IF.service` serves it, so the wired supervisor leaves it alone.
    public func hasOwnConfiguration(interface: String) -> Bool {
        (try? configuration.get(interface: interface)) != nil || (try? loginWindow.get(interface: interface)) != nil
    }
}
