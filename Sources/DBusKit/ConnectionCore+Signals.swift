internal import CDBus
internal import StructuredErrors

/// Signal subscriptions: match rules on the bus, owner tracking for well-known senders, and routing through
/// ``SignalRouter``. I/O thread only (see ``ConnectionCore``).
extension ConnectionCore {
    func subscribe(id: UInt64, rule: MatchRule,
                   continuation: AsyncThrowingStream<DBusSignal, any Error>.Continuation) {
        guard open else { return continuation.finish(throwing: closedError) }
        // Owner tracking starts before the rule itself is added: the owner rule, then GetNameOwner, then the
        // subscriber's rule, all in this order on the wire, so no change of owner can slip between them.
        if let name = router.add(id: id, .init(rule: rule, continuation: continuation)) {
            startTrackingOwner(of: name)
        }
        addMatch(rule) { [unowned self] error in
            if let sub = self.removeSubscription(id: id) { sub.continuation.finish(throwing: error) }
        }
    }

    func unsubscribe(id: UInt64) {
        guard open, let sub = removeSubscription(id: id) else { return }
        removeMatch(sub.rule)
    }

    /// Forgets a subscription; stops following a well-known name nobody else's rule names.
    func removeSubscription(id: UInt64) -> SignalRouter.Subscription? {
        guard let (sub, untracked) = router.remove(id: id) else { return nil }
        if let untracked, open { removeMatch(SignalRouter.ownerRule(for: untracked)) }
        return sub
    }

    func busCall(_ member: String, _ argument: String) -> MethodCall {
        MethodCall(destination: SignalRouter.busName, path: "/org/freedesktop/DBus",
                   interface: SignalRouter.busName, member: member, arguments: [.string(argument)])
    }

    func addMatch(_ rule: MatchRule, failed: @escaping (DBusError) -> Void) {
        startCall(busCall("AddMatch", rule.ruleString), id: makeID(), deadline: .now + .seconds(25)) { result in
            if case .failure(let error) = result { failed(error) }
        }
    }

    func removeMatch(_ rule: MatchRule) {
        startCall(busCall("RemoveMatch", rule.ruleString), id: makeID(), deadline: nil, noReply: true) { _ in }
    }

    /// Follows the owner of `name`: a rule for its NameOwnerChanged, then GetNameOwner. If either fails the owner
    /// stays unknown-as-nobody, so the name's signals are dropped rather than trusted.
    func startTrackingOwner(of name: String) {
        addMatch(SignalRouter.ownerRule(for: name)) { [unowned self] _ in
            self.ownerResolved(name, owner: nil)
        }
        startCall(busCall("GetNameOwner", name), id: makeID(), deadline: .now + .seconds(25)) { [unowned self] result in
            switch result {
            case .success(let values): self.ownerResolved(name, owner: values.first?.stringValue)
            case .failure: self.ownerResolved(name, owner: nil)
            }
        }
    }

    func ownerResolved(_ name: String, owner: String?) {
        for (sub, message) in router.resolved(name, owner: owner) {
            deliver(message.raw, to: [sub])
        }
    }

    /// Routes a signal by its header; decodes it only for subscriptions whose sender check passes.
    func route(signal raw: OpaquePointer, _ message: borrowing Message) {
        guard !router.isEmpty, !Self.carriesFileDescriptors(message) else { return }
        let sender = message.sender
        if sender == SignalRouter.busName, message.member == "NameOwnerChanged", message.interface == SignalRouter.busName,
           message.signature == "sss", let args = try? message.readArguments(), args.count == 3,
           let name = args[0].stringValue, let new = args[2].stringValue {
            router.ownerChanged(name: name, newOwner: new.isEmpty ? nil : new)
        }
        let decision = router.route(sender: sender, path: message.path, interface: message.interface,
                                    member: message.member)
        if !decision.hold.isEmpty {
            let retained = RetainedMessage(retaining: raw)
            for (id, name) in decision.hold { router.hold(retained, for: id, name: name) }
        }
        deliver(raw, to: decision.deliver)
    }

    /// Decodes a signal once and yields it to the subscriptions whose argument matches pass.
    func deliver(_ raw: OpaquePointer, to subscriptions: [SignalRouter.Subscription]) {
        guard !subscriptions.isEmpty else { return }
        let message = Message(retaining: raw)
        guard let arguments = try? message.readArguments() else { return }
        let signal = DBusSignal(sender: message.sender, path: message.path, interface: message.interface,
                                member: message.member, arguments: arguments)
        for sub in subscriptions where sub.rule.matchesArguments(arguments) {
            sub.continuation.yield(signal)
        }
    }

    /// Whether a message carries Unix file descriptors. Such messages are never decoded (decoding duplicates each
    /// descriptor into this process); libdbus closes the ones it received when the message is released.
    static func carriesFileDescriptors(_ message: borrowing Message) -> Bool {
        message.signature.utf8.contains(UInt8(ascii: "h"))
    }
}
