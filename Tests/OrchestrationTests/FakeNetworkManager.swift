import DBusKit
import Foundation
import NetworkManagerClient
import Orchestration

/// A scripted NetworkManager for the interface claim: an owner (or none), devices, a delay before every answer, and
/// a record of every call (so a test can prove an untrusted owner was never asked anything).
final class FakeNetworkManager: NetworkManagerQuerying, @unchecked Sendable {
    // @unchecked: every mutable field is only touched while holding `lock`.
    private let lock = NSLock()
    private let ownerPeer: NetworkManagerPeer?
    private var devices: [String: NetworkManagerDevice]
    private var _calls: [String] = []
    /// Waited before every answer (a hung NetworkManager: longer than the claim's budget).
    let delay: Duration
    /// Thrown by `device(named:owner:)` instead of answering.
    let deviceError: (any Error)?
    /// Whether `setUnmanaged` takes effect (a NetworkManager that refuses to let go keeps the state).
    let obeys: Bool
    /// Thrown by `setUnmanaged` (a `Set` NetworkManager refuses, e.g. AccessDenied) instead of answering.
    let setError: (any Error)?

    init(owner: NetworkManagerPeer? = NetworkManagerPeer(uniqueName: ":1.4", uid: 0, pid: 412),
         devices: [NetworkManagerDevice] = [], delay: Duration = .zero, deviceError: (any Error)? = nil, obeys: Bool = true,
         setError: (any Error)? = nil) {
        ownerPeer = owner
        self.devices = Dictionary(uniqueKeysWithValues: devices.map { ($0.path, $0) })
        self.delay = delay
        self.deviceError = deviceError
        self.obeys = obeys
        self.setError = setError
    }

    var calls: [String] { lock.withLock { _calls } }
    func device(at path: String) -> NetworkManagerDevice? { lock.withLock { devices[path] } }

    private func enter(_ call: String) async throws {
        lock.withLock { _calls.append(call) }
        if delay > .zero { try await Task.sleep(for: delay) }
    }

    func owner() async throws -> NetworkManagerPeer? {
        try await enter("owner")
        return ownerPeer
    }

    func device(named interface: String, owner: NetworkManagerPeer) async throws -> NetworkManagerDevice? {
        try await enter("device \(interface) to \(owner.uniqueName)")
        if let deviceError { throw deviceError }
        return lock.withLock { devices.values.first { $0.interfaceName == interface } }
    }

    func state(of devicePath: String, owner: NetworkManagerPeer) async throws -> NMDeviceState {
        try await enter("state")
        return lock.withLock { devices[devicePath]?.state ?? .unknown }
    }

    func setUnmanaged(_ devicePath: String, owner: NetworkManagerPeer) async throws {
        try await enter("setUnmanaged \(devicePath) to \(owner.uniqueName)")
        if let setError { throw setError }
        guard obeys else { return }
        lock.withLock {
            devices[devicePath]?.managed = false
            devices[devicePath]?.state = .unmanaged
        }
    }
}
