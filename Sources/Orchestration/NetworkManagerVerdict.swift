import Foundation
public import NetworkManagerClient
import StructuredErrors

/// What NetworkManager says about one interface, as the interface claim reads it.
public enum NetworkManagerVerdict: Sendable, Equatable {
    /// Nobody owns `org.freedesktop.NetworkManager` on the bus: NetworkManager is not running.
    case absent
    /// The name's owner runs as a user eapolctl does not believe (not root, not this user): its answer is not asked
    /// for and nothing is sent to it. The real NetworkManager cannot own the name at the same time, so this counts
    /// as "not managed", with a warning.
    case untrustedOwner(NetworkManagerPeer)
    /// NetworkManager has no device for the interface.
    case noDevice(owner: NetworkManagerPeer)
    /// NetworkManager has the device and leaves it alone (``NetworkManagerDevice/isManaged`` false).
    case unmanaged(NetworkManagerDevice, owner: NetworkManagerPeer)
    /// NetworkManager manages the device.
    case managed(NetworkManagerDevice, owner: NetworkManagerPeer)
    /// NetworkManager owns its name but did not answer (or answered with an error) within the budget.
    case noAnswer(owner: NetworkManagerPeer?, reason: String)
}

/// Asks NetworkManager whether it manages an interface, within a fixed budget, believing only a trusted owner.
public struct NetworkManagerCheck: Sendable {
    /// The whole check's budget: NetworkManager answers from memory, so a second is plenty; an absent one costs a
    /// single `GetNameOwner` round trip to the bus daemon.
    public static let defaultBudget: Duration = .milliseconds(1500)

    public let networkManager: any NetworkManagerQuerying
    public let budget: Duration
    /// The uid the owner is checked against; nil is this process's effective uid.
    public let ownUID: UInt32?

    public init(networkManager: any NetworkManagerQuerying, budget: Duration = Self.defaultBudget, ownUID: UInt32? = nil) {
        self.networkManager = networkManager
        self.budget = budget
        self.ownUID = ownUID
    }

    /// The verdict for `interface`. Never throws: every failure to get an answer is ``NetworkManagerVerdict/noAnswer``.
    public func verdict(for interface: String) async -> NetworkManagerVerdict {
        let nm = networkManager
        let ownUID = self.ownUID
        let owner = OwnerBox()
        do {
            let answer = try await Self.within(budget) { () async throws -> NetworkManagerVerdict in
                guard let peer = try await nm.owner() else { return .absent }
                guard peer.isTrusted(ownUID: ownUID) else { return .untrustedOwner(peer) }
                owner.set(peer)
                guard let device = try await nm.device(named: interface, owner: peer) else { return .noDevice(owner: peer) }
                return device.isManaged ? .managed(device, owner: peer) : .unmanaged(device, owner: peer)
            }
            return answer ?? .noAnswer(owner: owner.get(), reason: "no answer within \(Self.text(budget))")
        } catch {
            return .noAnswer(owner: owner.get(), reason: Self.describe(error))
        }
    }

    /// Runs `body`, or gives up (nil) after `limit`; the body is cancelled then.
    static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask { try await Task.sleep(for: limit); return nil }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    static func describe(_ error: any Error) -> String {
        if let structured = error as? any StructuredError { return structured.message }
        return "\(error)"
    }

    static func text(_ d: Duration) -> String {
        let ms = d.milliseconds
        return ms >= 1000 && ms.truncatingRemainder(dividingBy: 1000) == 0 ? "\(Int(ms / 1000)) s" : "\(Int(ms)) ms"
    }
}

/// The owner seen so far, read after the budget ran out.
private final class OwnerBox: @unchecked Sendable {
    // @unchecked: every access to `value` holds `lock`.
    private let lock = NSLock()
    private var value: NetworkManagerPeer?
    func set(_ new: NetworkManagerPeer) { lock.lock(); value = new; lock.unlock() }
    func get() -> NetworkManagerPeer? { lock.lock(); defer { lock.unlock() }; return value }
}
