extension DBusConnection {
    /// Subscribes to signals matching `rule`.
    ///
    /// The match rule is added (`AddMatch`) before any later call on this connection reaches the bus, so a signal
    /// that a peer emits in response to a call you make after this returns is delivered. The rule is removed
    /// (`RemoveMatch`) when the stream terminates (the consuming task ends or is cancelled).
    /// The stream finishes when ``close()`` is called, and throws ``DBusErrorCode/disconnected`` when the bus goes
    /// away or the rule cannot be added.
    public func signals(_ rule: MatchRule) -> AsyncThrowingStream<DBusSignal, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: DBusSignal.self, throwing: (any Error).self)
        do {
            try rule.validate()
        } catch {
            continuation.finish(throwing: error)
            return stream
        }
        let core = self.core
        let id = core.makeID()
        continuation.onTermination = { _ in
            core.enqueue { core in core.unsubscribe(id: id) }
        }
        let queued = core.enqueue { core in core.subscribe(id: id, rule: rule, continuation: continuation) }
        if !queued { continuation.finish(throwing: core.closedError) }
        return stream
    }
}
