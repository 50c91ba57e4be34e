import DBusKit

extension Supplicant {
    /// The signals `rule` selects, from the verified owner of the supplicant's bus name only, decoded into events;
    /// plus `vanished` when that owner loses the name. Authentication (``events(of:)``) and the Passpoint
    /// selection (``interworkingEvents(of:)``) both listen this way.
    ///
    /// The match rules are added before any later call on this connection reaches the bus, so call this before the
    /// method whose signals are wanted. The stream ends when the consuming task is cancelled.
    func ownerSignals<Event: Sendable>(_ rule: MatchRule, vanished: Event,
                                       decode: @escaping @Sendable (DBusSignal) -> [Event]) -> AsyncThrowingStream<Event, any Error> {
        // Only the verified owner's signals: its unique name in the rule, and checked again here (DBusKit checks the
        // sender of every signal, including those addressed to this connection, which the bus delivers whatever
        // the rules say).
        let owner = peer.uniqueName
        let signals = connection.signals(rule)
        let owners = connection.nameOwnerChanges(of: SupplicantNames.service)
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Event.self, throwing: (any Error).self)
        let task = Task {
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await signal in signals where signal.sender == owner {
                            for event in decode(signal) { continuation.yield(event) }
                        }
                    }
                    group.addTask {
                        for try await change in owners where change.newOwner == nil || change.oldOwner == owner {
                            continuation.yield(vanished)
                        }
                    }
                    try await group.waitForAll()
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
