import DBusKit
public import NetworkManagerClient
public import Secrets
public import SupplicantClient

/// What the authentication use cases need from wpa_supplicant; ``Supplicant`` is the live implementation, tests use
/// fakes.
public protocol SupplicantControlling: Sendable {
    /// The interface for `name`, created with `driver` (or the detected one) when wpa_supplicant lacks it.
    func interface(named name: String, driver: InterfaceDriver?) async throws -> SupplicantInterface
    /// The interface for `name` if wpa_supplicant already controls it.
    func existingInterface(named name: String) async throws -> SupplicantInterface?
    /// The decoded signals of `interface` plus `supplicantVanished`; subscribed before this returns.
    func events(of interface: SupplicantInterface) -> AsyncThrowingStream<AuthenticationEvent, any Error>
    func addBlob(_ blob: NetworkBlob, to interface: SupplicantInterface) async throws
    func removeBlob(named name: String, from interface: SupplicantInterface) async throws
    func addNetwork(_ properties: [(key: String, value: NetworkValue)], idString: String,
                    to interface: SupplicantInterface) async throws -> String
    func selectNetwork(_ network: String, on interface: SupplicantInterface) async throws
    func removeNetwork(_ network: String, from interface: SupplicantInterface) async throws
    func networkReply(network: String, field: String, value: SecretBytes, on interface: SupplicantInterface) async throws
    func disconnect(_ interface: SupplicantInterface) async throws
    func networks(of interface: SupplicantInterface) async throws -> [String]
    func blobNames(of interface: SupplicantInterface) async throws -> [String]
    func idString(ofNetwork path: String) async throws -> String?
    func state(of interface: SupplicantInterface) async throws -> SupplicantState
    func currentAuthMode(of interface: SupplicantInterface) async throws -> String
    func currentNetwork(of interface: SupplicantInterface) async throws -> String?
    /// Sends one EAPOL-Start on the (wired) port; quick and non-blocking.
    func sendEAPOLStart(on interface: SupplicantInterface) -> EAPOLStart.Result
    /// A blob's bytes (`GetBlob`; EAP-FAST's PAC blob after an attempt), or nil when there is no such blob.
    func getBlob(named name: String, from interface: SupplicantInterface) async throws -> SecretBytes?
    /// The verified process behind the supplicant's bus name (nil for fakes that have none).
    var verifiedPeer: SupplicantPeer? { get }
    /// NetworkManager on the supplicant's bus, the one that would share wpa_supplicant with eapolctl (nil: none to
    /// ask, as for fakes); ``InterfaceClaim`` asks it before using an interface.
    var networkManager: (any NetworkManagerQuerying)? { get }
    /// The BSS the interface is associated with (`CurrentBSS`), or nil.
    func currentBSS(of interface: SupplicantInterface) async throws -> BSSDescription?
    /// Asks for a roam to `bssid` (`aa:bb:cc:dd:ee:ff`) on the current network (`Roam`).
    func roam(_ interface: SupplicantInterface, to bssid: String) async throws
    /// Starts a scan of a few channels (`Scan`); its end is the interface's `ScanDone` signal.
    func scan(_ request: ScanRequest, on interface: SupplicantInterface) async throws
}

extension SupplicantControlling {
    public var verifiedPeer: SupplicantPeer? { nil }
    public var networkManager: (any NetworkManagerQuerying)? { nil }
    /// Fakes without blobs hold none; ``Supplicant`` reads them from wpa_supplicant.
    public func getBlob(named name: String, from interface: SupplicantInterface) async throws -> SecretBytes? { nil }
    /// Fakes report no BSS unless they implement it.
    public func currentBSS(of interface: SupplicantInterface) async throws -> BSSDescription? { nil }
    /// Fakes cannot roam unless they implement it.
    public func roam(_ interface: SupplicantInterface, to bssid: String) async throws {
        throw SupplicantError(.roamFailed, "this supplicant cannot roam \(interface.name)")
    }
    /// Fakes cannot scan unless they implement it (a hinted connect then goes on with wpa_supplicant's own scan).
    public func scan(_ request: ScanRequest, on interface: SupplicantInterface) async throws {
        throw SupplicantError(.notRunning, "this supplicant cannot scan \(interface.name)")
    }
}

extension Supplicant: SupplicantControlling {
    public func interface(named name: String, driver: InterfaceDriver?) async throws -> SupplicantInterface {
        try await interface(named: name, driver: driver, sysfsRoot: "/sys/class/net")
    }

    public func sendEAPOLStart(on interface: SupplicantInterface) -> EAPOLStart.Result {
        EAPOLStart.send(interface: interface.name)
    }

    public var verifiedPeer: SupplicantPeer? { peer }

    /// NetworkManager on the same bus connection.
    public var networkManager: (any NetworkManagerQuerying)? { NetworkManagerBus(connection: connection) }
}
