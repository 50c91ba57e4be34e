import Foundation
public import NetworkManagerClient
public import SupplicantClient

/// The one place an interface is obtained from wpa_supplicant (`auth start`, its eapolcfg form, `onboard --connect`,
/// `watch`, `watch-wired`, `profile probe`, Passpoint): before anything is asked of wpa_supplicant, NetworkManager
/// (when it runs on the supplicant's bus) is asked whether it manages the interface; after GetInterface, an interface
/// someone else created is checked for networks eapolctl did not add. Either refuses with `supplicant.interface-busy`
/// unless `takeOver`, which makes NetworkManager let go of the device (its `Managed` property set to false) and
/// keeps the other networks (selecting eapolctl's network disables them).
public struct InterfaceClaim: Sendable {
    public let supplicant: any SupplicantControlling
    /// NetworkManager on the supplicant's bus; nil skips the question (fakes without one).
    public let networkManager: (any NetworkManagerQuerying)?
    /// `--take-over`.
    public let takeOver: Bool
    /// The check's budget (``NetworkManagerCheck/defaultBudget``).
    public var budget: Duration = NetworkManagerCheck.defaultBudget
    /// How long NetworkManager gets to reach `unmanaged` after `Managed` is set to false.
    public var releaseLimit: Duration = .seconds(5)
    /// The uid NetworkManager's owner is checked against (nil: this process's).
    public var ownUID: UInt32?

    public init(supplicant: any SupplicantControlling, networkManager: (any NetworkManagerQuerying)?, takeOver: Bool) {
        self.supplicant = supplicant
        self.networkManager = networkManager
        self.takeOver = takeOver
    }

    /// The interface, after the checks.
    /// - Parameters:
    ///   - profile: the profile's ID, named in the hint's export command (nil: `PROFILE`).
    ///   - emit: take-over events and warnings.
    /// - Returns: the interface and what was taken over (nil when nothing was).
    /// - Throws: ``SupplicantError`` `interface-busy`, and every error of
    ///   ``SupplicantControlling/interface(named:driver:)``.
    public func claim(_ name: String, driver: InterfaceDriver?, profile: String? = nil,
                      emit: @Sendable (AuthenticationUpdate.Kind) -> Void) async throws -> (SupplicantInterface, TakeOver?) {
        var taken = TakeOver()
        if let networkManager {
            let verdict = await NetworkManagerCheck(networkManager: networkManager, budget: budget, ownUID: ownUID)
                .verdict(for: name)
            switch verdict {
            case .absent, .noDevice, .unmanaged:
                break
            case .untrustedOwner(let peer):
                emit(.warning(InterfaceBusyErrors.untrustedNetworkManager(peer, interface: name)))
            case .managed(let device, let owner):
                guard takeOver else { throw InterfaceBusyErrors.managed(device, owner: owner, profile: profile) }
                let release = await unmanage(device, owner: owner, via: networkManager, emit: emit)
                taken.networkManager = release
                emit(.networkManagerReleased(interface: name, release: release))
            case .noAnswer(let owner, let reason):
                guard takeOver else { throw InterfaceBusyErrors.silent(interface: name, owner: owner, reason: reason) }
                taken.networkManager = NetworkManagerRelease(device: nil, previousState: nil, state: nil)
                emit(.warning("NetworkManager did not say whether it manages \(name) (\(reason)); --take-over: eapolctl uses \(name) regardless"))
            }
        }
        let iface = try await supplicant.interface(named: name, driver: driver)
        if !iface.created {
            let foreign = try await foreignNetworks(on: iface)
            if foreign > 0 {
                guard takeOver else { throw InterfaceBusyErrors.foreignNetworks(foreign, interface: name) }
                taken.foreignNetworks = foreign
                emit(.foreignNetworksKept(interface: name, count: foreign))
            }
        }
        return (iface, taken.isEmpty ? nil : taken)
    }

    /// The networks on `iface` whose `id_str` is not eapolctl's (``SupplicantNames/isOurs(idString:)``).
    func foreignNetworks(on iface: SupplicantInterface) async throws -> Int {
        var count = 0
        for network in try await supplicant.networks(of: iface)
        where !SupplicantNames.isOurs(idString: try await supplicant.idString(ofNetwork: network)) {
            count += 1
        }
        return count
    }

    /// Sets the device unmanaged and waits (bounded) until NetworkManager reports `unmanaged`: by then it has
    /// deactivated the device and released wpa_supplicant's interface for it. A failure (the `Set` refused, no
    /// `unmanaged` within ``releaseLimit``) is a warning naming the device and why, and shows in the result (state
    /// nil or not `unmanaged`); it is never thrown: `--take-over` means eapolctl goes on regardless.
    func unmanage(_ device: NetworkManagerDevice, owner: NetworkManagerPeer, via nm: any NetworkManagerQuerying,
                  emit: @Sendable (AuthenticationUpdate.Kind) -> Void) async -> NetworkManagerRelease {
        var release = NetworkManagerRelease(device: device.path, previousState: device.state, state: nil)
        let limit = releaseLimit
        let failure: String
        do {
            let state = try await NetworkManagerCheck.within(limit) { () async throws -> NMDeviceState in
                try await nm.setUnmanaged(device.path, owner: owner)
                while true {
                    let now = try await nm.state(of: device.path, owner: owner)
                    if now == .unmanaged { return now }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            if let state {
                release.state = state
                return release
            }
            failure = "not unmanaged within \(NetworkManagerCheck.text(limit))"
        } catch {
            failure = NetworkManagerCheck.describe(error)
        }
        let budget = self.budget
        release.state = try? await NetworkManagerCheck.within(budget) { try await nm.state(of: device.path, owner: owner) }
        emit(.warning("NetworkManager did not let go of \(device.interfaceName) (device \(device.path), state "
                      + "\(release.state?.name ?? "unknown"): \(failure)); --take-over: eapolctl uses it regardless, and "
                      + "NetworkManager may still act on it"))
        return release
    }
}
