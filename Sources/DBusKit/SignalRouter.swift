internal import CDBus

/// Decides which subscriptions receive an incoming signal, from its header alone, and who may send it.
///
/// The bus applies a match rule's `sender` only to *broadcast* signals: a signal addressed to this connection
/// (`busctl emit --destination=:1.N`) is delivered whatever the rules say, so the bus's filtering proves nothing
/// about who sent it. The router therefore checks the sender itself:
/// - a rule naming a unique name (`:1.42`) or the bus (`org.freedesktop.DBus`, which no client can own) passes only
///   that exact sender;
/// - a rule naming a well-known name (`org.freedesktop.hostname1`) passes only the unique name that currently owns it.
///   The owner is resolved with `GetNameOwner` when the first such rule is added and followed through the bus's
///   `NameOwnerChanged`; signals that arrive while the owner is being resolved are held and judged once it is known.
///
/// Everything is decided on the header (sender, path, interface, member, signature) before any argument is decoded,
/// and a signal whose signature carries Unix file descriptors (`h`) is never decoded: libdbus closes the descriptors
/// when the message is released, so a flood of fd-carrying signals cannot exhaust the process's descriptors.
///
/// Confined to the connection's I/O thread (owned by ``ConnectionCore``).
struct SignalRouter {
    struct Subscription {
        let rule: MatchRule
        let continuation: AsyncThrowingStream<DBusSignal, any Error>.Continuation
    }

    /// What is known of a well-known name's owner.
    enum Owner: Equatable {
        /// `GetNameOwner` is under way.
        case resolving
        /// The current owner's unique name, nil when nobody owns the name.
        case known(String?)
    }

    private struct Tracked {
        var owner: Owner = .resolving
        var users = 0
    }

    /// A signal held until the owner of `name` is known, for subscription `id`.
    private struct Held {
        let id: UInt64
        let name: String
        let message: RetainedMessage
    }

    /// At most this many signals are held per resolving name; beyond it the oldest are dropped (a peer flooding us
    /// during the few milliseconds of a `GetNameOwner` cannot grow memory without bound).
    static let maxHeld = 64

    private(set) var subscriptions: [UInt64: Subscription] = [:]
    private var tracked: [String: Tracked] = [:]
    private var held: [Held] = []

    var isEmpty: Bool { subscriptions.isEmpty }

    /// Whether `sender` in a rule is a well-known name whose owner must be tracked.
    static func needsOwnerTracking(_ sender: String?) -> Bool {
        guard let sender else { return false }
        return !sender.hasPrefix(":") && sender != busName
    }

    static let busName = "org.freedesktop.DBus"

    /// The rule that follows the owner of `name` (added once per tracked name).
    static func ownerRule(for name: String) -> MatchRule {
        MatchRule(sender: busName, path: "/org/freedesktop/DBus", interface: busName, member: "NameOwnerChanged",
                  arguments: [0: name])
    }

    /// The current owner of `name` as far as the router knows (nil when untracked or resolving).
    func owner(of name: String) -> Owner? { tracked[name]?.owner }

    // MARK: Subscriptions

    /// Adds a subscription. Returns the well-known name whose owner tracking must now start, if any.
    mutating func add(id: UInt64, _ subscription: Subscription) -> String? {
        subscriptions[id] = subscription
        guard let sender = subscription.rule.sender, Self.needsOwnerTracking(sender) else { return nil }
        tracked[sender, default: Tracked()].users += 1
        return tracked[sender]?.users == 1 ? sender : nil
    }

    /// Removes a subscription. Returns it, and the well-known name no longer tracked by anyone, if any.
    mutating func remove(id: UInt64) -> (Subscription, String?)? {
        guard let sub = subscriptions.removeValue(forKey: id) else { return nil }
        held.removeAll { $0.id == id }
        guard let sender = sub.rule.sender, Self.needsOwnerTracking(sender), var entry = tracked[sender] else {
            return (sub, nil)
        }
        entry.users -= 1
        if entry.users > 0 {
            tracked[sender] = entry
            return (sub, nil)
        }
        tracked[sender] = nil
        held.removeAll { $0.name == sender }
        return (sub, sender)
    }

    /// Removes everything (the connection closed); returns the subscriptions so their streams can be finished.
    mutating func removeAll() -> [Subscription] {
        let subs = Array(subscriptions.values)
        subscriptions.removeAll()
        tracked.removeAll()
        held.removeAll()
        return subs
    }

    // MARK: Owners

    /// Records the answer to `GetNameOwner(name)`; returns the held signals that the answer now lets through,
    /// in arrival order, with the subscription each is for.
    mutating func resolved(_ name: String, owner: String?) -> [(Subscription, RetainedMessage)] {
        guard tracked[name] != nil else { return [] }
        tracked[name]?.owner = .known(owner)
        var released: [(Subscription, RetainedMessage)] = []
        var kept: [Held] = []
        for entry in held {
            guard entry.name == name else { kept.append(entry); continue }
            if let owner, entry.message.sender == owner, let sub = subscriptions[entry.id] {
                released.append((sub, entry.message))
            }
        }
        held = kept
        return released
    }

    /// Follows `NameOwnerChanged` from the bus. While `GetNameOwner` is still under way its answer, which the bus
    /// sends after this signal, is the newer truth, so the change is not applied then.
    mutating func ownerChanged(name: String, newOwner: String?) {
        guard let entry = tracked[name], entry.owner != .resolving else { return }
        tracked[name]?.owner = .known(newOwner)
    }

    // MARK: Routing

    /// The routing decision for one signal.
    struct Decision {
        /// Subscriptions whose header and sender checks pass: decode the arguments and match them.
        var deliver: [Subscription] = []
        /// Subscriptions waiting for their sender's owner to be known.
        var hold: [(id: UInt64, name: String)] = []
    }

    /// Routes a signal by its header. Nothing of the body is read.
    func route(sender: String, path: String, interface: String, member: String) -> Decision {
        var decision = Decision()
        for (id, sub) in subscriptions {
            let rule = sub.rule
            guard rule.matchesHeader(path: path, interface: interface, member: member) else { continue }
            guard let ruleSender = rule.sender else {
                decision.deliver.append(sub)
                continue
            }
            if !Self.needsOwnerTracking(ruleSender) {
                if ruleSender == sender { decision.deliver.append(sub) }
                continue
            }
            switch tracked[ruleSender]?.owner {
            case .known(let owner)?:
                if let owner, owner == sender { decision.deliver.append(sub) }
            case .resolving?:
                decision.hold.append((id, ruleSender))
            case nil:
                break
            }
        }
        return decision
    }

    /// Holds a signal for subscription `id` until the owner of `name` is known.
    mutating func hold(_ message: RetainedMessage, for id: UInt64, name: String) {
        if held.count(where: { $0.name == name }) >= Self.maxHeld,
           let oldest = held.firstIndex(where: { $0.name == name }) {
            held.remove(at: oldest)
        }
        held.append(Held(id: id, name: name, message: message))
    }
}

/// A reference to a libdbus message kept past the filter callback (a held signal); released on the I/O thread.
final class RetainedMessage {
    let raw: OpaquePointer

    init(retaining raw: OpaquePointer) {
        dbus_message_ref(raw)
        self.raw = raw
    }

    deinit { dbus_message_unref(raw) }

    var sender: String { dbus_message_get_sender(raw).map { String(cString: $0) } ?? "" }
}

@available(*, unavailable)
extension RetainedMessage: Sendable {}
