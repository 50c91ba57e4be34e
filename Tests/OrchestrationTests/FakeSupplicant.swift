import Foundation
import Orchestration
import NetworkManagerClient
import Secrets
import SupplicantClient

/// A scripted wpa_supplicant: records calls, holds networks and blobs, and plays signal scripts on SelectNetwork.
final class FakeSupplicant: ReconnectingSupplicant, @unchecked Sendable {
    // @unchecked: every mutable field is only touched while holding `lock`.
    private let lock = NSLock()
    private var _networks: [String: String] = [:]   // path -> id_str
    private var _blobs: [String] = []
    private var _addedBlobs: [NetworkBlob] = []
    private var _eapolStarts = 0
    private var _calls: [String] = []
    private var continuation: AsyncThrowingStream<AuthenticationEvent, any Error>.Continuation?
    private var counter = 0
    /// The signals played after each SelectNetwork (one script per attempt; the last repeats).
    var scripts: [[AuthenticationEvent]]
    var eapolResult: EAPOLStart.Result = .sent
    private var presence: AsyncThrowingStream<Bool, any Error>.Continuation?
    /// The State reported by `state(of:)`; follows the State signals played unless `stateFollowsSignals` is false.
    var currentState: SupplicantState = .completed
    /// False: `state(of:)` keeps `currentState` whatever signals say (signals forged by a third party).
    var stateFollowsSignals = true
    private var selected: String?
    /// The CurrentAuthMode reported: the last `currentAuthMode` event played, unless set.
    var reportedAuthMode: String?
    /// The CurrentNetwork reported instead of the network added (a forged outcome the supplicant does not confirm).
    var reportedNetwork: String?
    /// Signals played on the Nth `sendEAPOLStart` (1-based): a port that answers only that EAPOL-Start.
    var eapolStartScripts: [Int: [AuthenticationEvent]] = [:]
    /// Signals played on each Scan (nil: Scan is refused, as by a supplicant that cannot scan).
    var scanScript: [AuthenticationEvent]? = nil
    /// Every Scan asked for, in order.
    var scanRequests: [ScanRequest] { lock.withLock { _scanRequests } }
    private var _scanRequests: [ScanRequest] = []
    /// Signals played on each Reassociate.
    var reassociateScript: [AuthenticationEvent] = []
    /// The interface's wpa_supplicant driver (`nl80211` plays a Wi-Fi interface).
    var driver: InterfaceDriver = .wired
    /// NetworkManager on the fake's bus (nil: none, as without NetworkManager).
    var networkManager: (any NetworkManagerQuerying)?
    /// The interworking side Passpoint profiles use (PasspointClaimTests); set before use.
    var interworking: FakeInterworking?
    /// How many times `interface(named:driver:)` was asked.
    var interfaceRequests: Int { lock.withLock { _interfaceRequests } }
    private var _interfaceRequests = 0
    var iface: SupplicantInterface {
        SupplicantInterface(path: "/fi/w1/wpa_supplicant1/Interfaces/7", name: "eth9", driver: driver, created: false)
    }
    private var _addedProperties: [[(key: String, value: NetworkValue)]] = []
    /// The properties of every network added, in order.
    var addedProperties: [[(key: String, value: NetworkValue)]] { lock.withLock { _addedProperties } }

    init(scripts: [[AuthenticationEvent]]) { self.scripts = scripts }

    var networkPaths: [String] { lock.withLock { Array(_networks.keys) } }
    var blobList: [String] { lock.withLock { _blobs } }
    var calls: [String] { lock.withLock { _calls } }
    /// Every blob added, in order, with its content (the CA an attempt used is in its `-ca` blob).
    var addedBlobs: [NetworkBlob] { lock.withLock { _addedBlobs } }
    /// How many EAPOL-Starts were sent.
    var eapolStartCount: Int { lock.withLock { _eapolStarts } }
    private func record(_ s: String) { lock.withLock { _calls.append(s) } }

    func interface(named name: String, driver: InterfaceDriver?) async throws -> SupplicantInterface {
        lock.withLock { _interfaceRequests += 1 }
        guard name == iface.name else {
            throw SupplicantError(.interfaceUnknown, "there is no network interface named '\(name)'")
        }
        return iface
    }
    func existingInterface(named name: String) async throws -> SupplicantInterface? { name == iface.name ? iface : nil }
    func events(of interface: SupplicantInterface) -> AsyncThrowingStream<AuthenticationEvent, any Error> {
        let (stream, c) = AsyncThrowingStream.makeStream(of: AuthenticationEvent.self, throwing: (any Error).self)
        lock.withLock { continuation = c }
        record("subscribe")
        return stream
    }
    func addBlob(_ blob: NetworkBlob, to interface: SupplicantInterface) async throws {
        lock.withLock { _blobs.append(blob.name); _addedBlobs.append(blob) }
        record("AddBlob")
    }
    func removeBlob(named name: String, from interface: SupplicantInterface) async throws {
        lock.withLock { _blobs.removeAll { $0 == name } }
        record("RemoveBlob")
    }
    func addNetwork(_ properties: [(key: String, value: NetworkValue)], idString: String,
                    to interface: SupplicantInterface) async throws -> String {
        let path = lock.withLock { () -> String in
            counter += 1
            let p = iface.path + "/Networks/\(counter)"
            _networks[p] = idString
            _addedProperties.append(properties)
            return p
        }
        record("AddNetwork")
        return path
    }
    func scan(_ request: ScanRequest, on interface: SupplicantInterface) async throws {
        record("Scan")
        guard let script = lock.withLock({ scanScript }) else {
            throw SupplicantError(.notRunning, "fi.w1.wpa_supplicant1.Interface.ScanError: Scan request rejected")
        }
        let c = lock.withLock { () -> AsyncThrowingStream<AuthenticationEvent, any Error>.Continuation? in
            _scanRequests.append(request)
            return continuation
        }
        for e in script { c?.yield(e) }
    }
    func selectNetwork(_ network: String, on interface: SupplicantInterface) async throws {
        record("SelectNetwork")
        lock.withLock { selected = network }
        let (c, script) = lock.withLock { () -> (AsyncThrowingStream<AuthenticationEvent, any Error>.Continuation?, [AuthenticationEvent]) in
            let s = scripts.count > 1 ? scripts.removeFirst() : (scripts.first ?? [])
            return (continuation, s)
        }
        remember(script)
        for e in script { c?.yield(e) }
    }
    /// Keeps the auth mode a played script announces, as wpa_supplicant's property would.
    private func remember(_ script: [AuthenticationEvent]) {
        for event in script {
            switch event {
            case .currentAuthMode(let mode): lock.withLock { playedAuthMode = mode }
            case .stateChanged(let state): lock.withLock { if stateFollowsSignals { currentState = state } }
            default: break
            }
        }
    }
    private var playedAuthMode = "EAP-PEAP"
    func removeNetwork(_ network: String, from interface: SupplicantInterface) async throws {
        _ = lock.withLock { _networks.removeValue(forKey: network) }
        record("RemoveNetwork")
    }
    func networkReply(network: String, field: String, value: SecretBytes, on interface: SupplicantInterface) async throws {
        record("NetworkReply \(field)")
    }
    func disconnect(_ interface: SupplicantInterface) async throws { record("Disconnect") }
    func networks(of interface: SupplicantInterface) async throws -> [String] { networkPaths }
    func blobNames(of interface: SupplicantInterface) async throws -> [String] { blobList }
    func idString(ofNetwork path: String) async throws -> String? { lock.withLock { _networks[path] } }
    func state(of interface: SupplicantInterface) async throws -> SupplicantState { lock.withLock { currentState } }
    func currentAuthMode(of interface: SupplicantInterface) async throws -> String {
        lock.withLock { reportedAuthMode ?? playedAuthMode }
    }
    func currentNetwork(of interface: SupplicantInterface) async throws -> String? {
        lock.withLock { reportedNetwork ?? selected } ?? networkPaths.first
    }
    func reassociate(_ interface: SupplicantInterface) async throws {
        record("Reassociate")
        let (c, script) = lock.withLock { (continuation, reassociateScript) }
        for e in script { c?.yield(e) }
    }
    func presenceChanges() -> AsyncThrowingStream<Bool, any Error> {
        let (stream, c) = AsyncThrowingStream.makeStream(of: Bool.self, throwing: (any Error).self)
        lock.withLock { presence = c }
        return stream
    }
    /// Delivers a signal to the current subscriber.
    func push(_ event: AuthenticationEvent) {
        remember([event])
        lock.withLock { continuation }?.yield(event)
    }
    /// Announces the supplicant leaving (`false`) or coming back (`true`).
    func setPresent(_ present: Bool) { lock.withLock { presence }?.yield(present) }
    /// Forgets every network and blob (a restarted supplicant has none).
    func forgetAll() { lock.withLock { _networks.removeAll(); _blobs.removeAll() } }
    func sendEAPOLStart(on interface: SupplicantInterface) -> EAPOLStart.Result {
        record("EAPOLStart")
        let (c, script, result) = lock.withLock { () -> (AsyncThrowingStream<AuthenticationEvent, any Error>.Continuation?, [AuthenticationEvent], EAPOLStart.Result) in
            _eapolStarts += 1
            return (continuation, eapolStartScripts[_eapolStarts] ?? [], eapolResult)
        }
        remember(script)
        for e in script { c?.yield(e) }
        return result
    }
    /// A PAC wpa_supplicant provisioned: what `getBlob` returns for any `-pac` blob (EAP-FAST); nil reads back the
    /// PAC blob eapolctl added, if it is still there.
    var provisionedPAC: [UInt8]?
    func getBlob(named name: String, from interface: SupplicantInterface) async throws -> SecretBytes? {
        lock.withLock {
            if let provisionedPAC, name.hasSuffix("-pac") { return SecretBytes(provisionedPAC) }
            guard _blobs.contains(name), case .secret(let s)? = _addedBlobs.last(where: { $0.name == name })?.content else { return nil }
            return s
        }
    }
}

/// Credentials from a dictionary.
struct FakeCredentials: CredentialProviding {
    var passwords: [UUID: (String, String)] = [:]
    var identities: [UUID: NetworkSpec.ClientIdentity] = [:]

    func password(profileID: UUID, ssid: [UInt8]?) throws -> StoredPassword? {
        passwords[profileID].map { StoredPassword(username: $0.0, password: SecretBytes(utf8: $0.1), key: "profile") }
    }
    func identity(profileID: UUID, ssid: [UInt8]?) throws -> StoredIdentity? {
        identities[profileID].map { StoredIdentity(identity: $0, key: "profile") }
    }
}
