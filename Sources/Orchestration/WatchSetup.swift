public import DHCPClient
import Foundation
public import ProfileModel
public import ProfileStore
import SupplicantClient

extension WatchDHCP {
    /// The DHCP side of `watch` for `settings.backend` on `interface`: the builtin client under a ``LeaseKeeper``
    /// that starts from the recorded lease, an external client's trigger, or none.
    /// - Parameter unreadableLease: told when the recorded lease cannot be read (the keeper then starts with a
    ///   fresh DISCOVER).
    public static func make(_ settings: DHCPSettings, interface: String, stateDirectory: String,
                            unreadableLease: (any Error) -> Void) -> WatchDHCP {
        let directory = URL(fileURLWithPath: stateDirectory)
        if settings.backend == .builtin {
            let client = BuiltinDHCPClient(configuration: .init(stateDirectory: directory))
            var lease: DHCPLease?
            do {
                lease = try client.recordedLease(interface: interface)
            } catch {
                unreadableLease(error)
            }
            return .keeper(LeaseKeeper(client: client, interface: interface, lease: lease, attemptTimeout: settings.timeout))
        }
        guard let trigger = DHCPTriggerFactory.make(backend: settings.backend, stateDirectory: directory,
                                                    scriptPath: settings.script) else { return .none }
        return .trigger(trigger)
    }
}

extension Watcher {
    /// The profile `watch` re-authenticates with: the one named (`--profile`), else `systemProfile`, else the profile
    /// of the eapolctl network current on `interface`; nil when there is none (watch then follows the link and DHCP
    /// but cannot re-authenticate on its own).
    /// - Parameter unloadable: told when the current network's profile cannot be loaded.
    public static func profile(named reference: String?, systemProfile: Profile?, interface: String,
                               supplicant: any SupplicantControlling, profiles: ProfileRepository,
                               unloadable: (ProfileID, any Error) -> Void) async throws -> Profile? {
        if let reference { return try ProfileLookup(reference: reference, ssid: nil).resolve(in: profiles) }
        if let systemProfile { return systemProfile }
        guard let iface = try await supplicant.existingInterface(named: interface),
              let network = try await supplicant.currentNetwork(of: iface),
              let id = SupplicantNames.tag(ofIDString: try await supplicant.idString(ofNetwork: network)).flatMap(ProfileID.init(string:))
        else { return nil }
        do {
            return try profiles.load(id)
        } catch {
            unloadable(id, error)
            return nil
        }
    }
}
