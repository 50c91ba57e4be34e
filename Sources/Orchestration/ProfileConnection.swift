public import CredentialStore
import DHCPClient
import Foundation
public import ProfileModel
public import ProfileStore
import StateFiles
import SupplicantClient

/// Authentication with stored profiles and credentials: the one implementation behind `auth start|stop|state`, their
/// eapolcfg forms and `onboard --connect`. It wires the concrete pieces (wpa_supplicant on its bus, the credential
/// store, the DHCP client, the port history) into ``Connector`` and ``Authenticator``, and keeps the profile's trust
/// hint.
public struct ProfileConnection: Sendable {
    /// The profiles (trust hints are read and recorded here).
    public let profiles: ProfileRepository
    /// The unlocked credential store; nil when none exists (a profile without stored credentials then fails with
    /// credentials-missing, naming the keys tried).
    public let store: CredentialStore?
    /// eapolctl's state directory (leases, port history).
    public let stateDirectory: String

    public init(profiles: ProfileRepository, store: CredentialStore?, stateDirectory: String) {
        self.profiles = profiles
        self.store = store
        self.stateDirectory = stateDirectory
    }

    /// Authenticates `profile` on `settings.interface` (progress as it happens), then runs DHCP unless its backend
    /// is `none`. After a success with a profile that trusts several CAs, the CA that verified the server is recorded
    /// as the profile's trust hint, tried first next time.
    public func connect(_ profile: Profile, settings: ConnectSettings,
                        progress: @escaping @Sendable (AuthenticationUpdate) -> Void) async throws -> ConnectionReport {
        let supplicant = try await Supplicant.connect(busAddress: settings.bus)
        defer { supplicant.close() }
        let authenticator = Authenticator(supplicant: supplicant, credentials: StoreCredentialProvider(store: store))
        let memory = AssociationMemory(stateDirectory: stateDirectory)
        let (hint, ignored) = await scanHint(for: profile, given: settings.frequencies, memory: memory)
        if let ignored { progress(AuthenticationUpdate(.scanHintIgnored(reason: ignored), elapsed: .zero)) }
        let profiles = self.profiles
        let trustHint = (try? await BlockingWork.run { profiles.trustHint(for: profile.id) }) ?? nil
        let options = AuthenticationOptions(interfaceName: settings.interface, driver: settings.driver,
                                            timeout: settings.timeout, wait: settings.wait,
                                            sendEAPOLStart: settings.sendEAPOLStart,
                                            preferredCAFingerprint: trustHint,
                                            maxStart: settings.portPolicy.maxStart,
                                            acceptOpenPort: settings.portPolicy.acceptOpenPort,
                                            oneTimePassword: settings.oneTimePassword, takeOver: settings.takeOver, scanHint: hint)
        let trigger = DHCPTriggerFactory.make(backend: settings.dhcp.backend,
                                              stateDirectory: URL(fileURLWithPath: stateDirectory),
                                              scriptPath: settings.dhcp.script)
        let connector = Connector(authenticator: authenticator, dhcp: trigger, dhcpTimeout: settings.dhcp.timeout,
                                  portHistory: PortHistory(stateDirectory: stateDirectory))
        let report = try await connector.connect(profile: profile, options: options, progress: progress)
        if report.authentication.status == .authenticated {
            // State files, off the cooperative pool. Best effort: a read-only state directory must not turn a success
            // into a failure.
            _ = try? await BlockingWork.run {
                recordTrustHint(of: report.authentication, for: profile)
                if let bss = report.authentication.bss { try memory.record(bss, for: profile) }
            }
        }
        return report
    }

    /// The scan hint for `profile`: the frequencies given on the command line, else the remembered association's
    /// (validated; a record that fails the checks is ignored and its reason returned).
    func scanHint(for profile: Profile, given: [Int], memory: AssociationMemory) async -> (ScanHint?, ignored: AssociationRefusal?) {
        guard profile.binding.ssid != nil else { return (nil, nil) }
        if !given.isEmpty { return (ScanHint(frequencies: given, source: .given), nil) }
        let lookup = await BlockingWork.run { memory.lookup(for: profile) }
        switch lookup {
        case .none: return (nil, nil)
        case .hint(let hint): return (hint, nil)
        case .ignored(let reason): return (nil, reason)
        }
    }

    /// Records the CA that verified the server as the profile's trust hint, when the profile trusts several.
    /// Best effort: a read-only state directory must not turn a success into a failure. Blocking file I/O.
    public func recordTrustHint(of authentication: AuthenticationReport, for profile: Profile) {
        guard authentication.status == .authenticated, let fingerprint = authentication.anchor.fingerprint,
              profile.trust.caCertificates.count > 1 else { return }
        try? profiles.recordTrustHint(fingerprint, for: profile.id)
    }

    /// Roams `interface` to `bssid` (`auth roam`; ``RoamRequest``).
    public static func roam(interface: String, to bssid: String, timeout: Duration, bus: String?) async throws
        -> RoamRequest.Result {
        let supplicant = try await Supplicant.connect(busAddress: bus)
        defer { supplicant.close() }
        return try await RoamRequest(supplicant: supplicant).roam(interfaceName: interface, to: bssid, timeout: timeout)
    }

    /// Removes eapolctl's networks and blobs from `interface` (`auth stop`).
    public static func stop(interface: String, bus: String?) async throws -> Authenticator.StopResult {
        let supplicant = try await Supplicant.connect(busAddress: bus)
        defer { supplicant.close() }
        return try await Authenticator(supplicant: supplicant, credentials: StoreCredentialProvider(store: nil))
            .stop(interfaceName: interface)
    }

    /// The interface's state and the name of the profile in use, when it is one of ours that can be loaded
    /// (`auth state`).
    public func state(interface: String, bus: String?) async throws -> (state: Authenticator.State, profileName: String?) {
        let supplicant = try await Supplicant.connect(busAddress: bus)
        defer { supplicant.close() }
        let state = try await Authenticator(supplicant: supplicant, credentials: StoreCredentialProvider(store: nil))
            .state(interfaceName: interface)
        let name = state.profileID.flatMap { ProfileID(string: $0) }.flatMap { try? profiles.load($0).name }
        return (state, name)
    }
}
